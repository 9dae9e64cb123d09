package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Bodies;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.PageSession;

/**
 * The limits on what comes in, and the inputs an outside test found to end in 500 or an
 * OutOfMemoryError: each is now refused with a JSON 400 or 413 that names the limit or the field.
 */
@ExtendWith(ArquillianExtension.class)
class InputLimitsIT {

    static final String EVENT = "NCSC-2025";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    String admin;
    String root;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeEach
    void client() {
        api = Deployments.api(deployment);
        admin = new Fixtures(api).adminToken();
        root = Deployments.local(deployment);
    }

    /**
     * Posts a streamed body: with its length declared, or chunked (no length) when {@code declared}
     * is false. A refusal may come while the body is still being sent; the answer is read all the same.
     */
    ApiClient.Reply stream(
            String path, String token, String contentType, InputStream body, long length, boolean declared) {
        HttpRequest.BodyPublisher publisher = declared
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length)
                : HttpRequest.BodyPublishers.ofInputStream(() -> body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "api/v1" + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType)
                .POST(publisher);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonObject scoreboard() {
        return api.get("/events/" + EVENT + "/results?size=1", admin).json();
    }

    @Test
    void fiftyMegabytesOfResultsJsonAre413NamingTheLimit() {
        ApiClient.Reply reply = stream(
                "/events/" + EVENT + "/results",
                admin,
                "application/json",
                Bodies.repeated((byte) '[', 50L << 20),
                50L << 20,
                true);
        assertEquals(413, reply.status(), reply.toString());
        assertEquals("request body over 16 MB", reply.json().getString("error"));
        assertEquals(
                "the body of POST /api/v1/events/" + EVENT + "/results may be at most 16 MB (16,777,216 bytes)",
                reply.json().getJsonArray("details").getString(0));
    }

    @Test
    void aChunkedResultsBodyIsCutAtTheLimit() {
        // no declared length: counted as it streams; spaces are valid JSON, so only the size can stop it
        ApiClient.Reply reply = stream(
                "/events/" + EVENT + "/results",
                admin,
                "application/json",
                Bodies.repeated((byte) ' ', 20L << 20),
                0,
                false);
        assertEquals(413, reply.status(), reply.toString());
        assertEquals("request body over 16 MB", reply.json().getString("error"));
    }

    @Test
    void anOversizedTokenRequestIs413BeforeAnyPasswordCheck() {
        String body = "{\"username\":\"admin\",\"password\":\"" + "x".repeat(5000) + "\"}";
        ApiClient.Reply reply = api.post("/auth/token", null, body);
        assertEquals(413, reply.status(), reply.toString());
        assertEquals("request body over 4 KB", reply.json().getString("error"));
    }

    @Test
    void aChunkedTokenRequestOverTheLimitIs413() {
        ApiClient.Reply reply =
                stream("/auth/token", null, "application/json", Bodies.repeated((byte) ' ', 50L << 20), 0, false);
        assertEquals(413, reply.status(), reply.toString());
        assertEquals("request body over 4 KB", reply.json().getString("error"));
    }

    @Test
    void jsonNestedPastTheLimitIs400NamingIt() {
        ApiClient.Reply reply = api.post("/schools/XDU/students", admin, "[".repeat(100_000));
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("JSON nested deeper than 32 levels", reply.json().getString("error"));
    }

    @Test
    void aStudentWithoutStudentNumberIs400NamingIt() {
        ApiClient.Reply reply = api.post(
                "/schools/XDU/students",
                admin,
                "{\"fullName\":\"Wang Fang\",\"dateOfBirth\":\"2004-03-01\","
                        + "\"enrollmentYear\":2023,\"expectedGraduationYear\":2027}");
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(
                "[{\"field\":\"studentNumber\",\"message\":\"is required\"}]",
                reply.json().getJsonArray("details").toString());
    }

    @Test
    void aYearOfTenBillionIs400NamingTheFieldNotWrappedRound() {
        ApiClient.Reply reply = api.post(
                "/schools/XDU/students",
                admin,
                "{\"studentNumber\":\"N1\",\"fullName\":\"Wang Fang\","
                        + "\"dateOfBirth\":\"2004-03-01\",\"enrollmentYear\":1e10,\"expectedGraduationYear\":2027}");
        assertEquals(400, reply.status(), reply.toString());
        JsonObject problem = reply.json().getJsonArray("details").getJsonObject(0);
        assertEquals("enrollmentYear", problem.getString("field"));
        assertEquals(
                "cannot be read: is out of range: '1e10' is not between -2147483648 and 2147483647",
                problem.getString("message"));
    }

    @Test
    void aPlaceOf1e309Is400NamingPlaceAndNothingIsStored() {
        JsonObject before = scoreboard();
        String competitor = before.getJsonArray("items").getJsonObject(0).getString("competitor");
        ApiClient.Reply reply = api.post(
                "/events/" + EVENT + "/results",
                admin,
                "[{\"place\":1e309,\"competitor\":\"" + competitor + "\",\"points\":10}]");
        assertEquals(400, reply.status(), reply.toString());
        JsonObject problem = reply.json().getJsonArray("details").getJsonObject(0);
        assertEquals("place", problem.getString("field"));
        assertEquals("'1E+309' is out of range", problem.getString("message"));
        assertEquals(before, scoreboard());
    }

    @Test
    void pointsOf1e309Are400NamingPoints() {
        ApiClient.Reply reply = api.post(
                "/events/" + EVENT + "/results", admin, "[{\"place\":1,\"competitor\":\"XDU/1\",\"points\":1e309}]");
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(
                "points", reply.json().getJsonArray("details").getJsonObject(0).getString("field"));
    }

    @Test
    void aStudentsCsvOverItsLimitIs413() {
        long length = InputLimits.CSV_BYTES + 1;
        ApiClient.Reply reply = stream(
                "/schools/XDU/students/import", admin, "text/csv", Bodies.repeated((byte) 'a', length), length, true);
        assertEquals(413, reply.status(), reply.toString());
        assertEquals("request body over 64 MB", reply.json().getString("error"));
    }

    @Test
    void aOneLineCsvIsRefusedAtLineOneNamingTheLimit() {
        ApiClient.Reply reply = stream(
                "/schools/XDU/students/import", admin, "text/csv", Bodies.repeated((byte) 'a', 32L << 20), 0, false);
        assertEquals(400, reply.status(), reply.toString());
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(1, error.getInt("line"));
        assertEquals("field 1 is longer than 4,096 characters, the longest a field may be", error.getString("message"));
    }

    @Test
    void theConsentFilterSplitsTheSchoolsStudents() {
        // consent=false was a 500 on H2 (a boolean parameter compared as an integer)
        long all = api.get("/schools/XDU/students?size=1", admin)
                .json()
                .getJsonNumber("total")
                .longValue();
        long consenting = api.get("/schools/XDU/students?size=1&consent=true", admin)
                .json()
                .getJsonNumber("total")
                .longValue();
        ApiClient.Reply others = api.get("/schools/XDU/students?size=1&consent=false", admin);
        assertEquals(200, others.status(), others.toString());
        assertEquals(all, consenting + others.json().getJsonNumber("total").longValue());
    }

    @Test
    void aRefOfAControlCharacterIsNotFound() {
        ApiClient.Reply reply = api.get("/students/%01", admin);
        assertEquals(404, reply.status(), reply.toString());
    }

    @Test
    void theStudentListOfAnUnknownSchoolSaysSo() {
        PageSession admin = new PageSession(root);
        assertTrue(admin.signIn("admin", Fixtures.DEMO_PASSWORD));
        PageSession.Answer page = admin.get("/student/list.xhtml?school=UNKNOWN");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("No school UNKNOWN"), page.body());
    }
}
