package org.talentpipeline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;

/** A judged event with three judges: rubric, conflicts, scores, agreement, consensus published as results. */
@ExtendWith(ArquillianExtension.class)
class JudgingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void threeJudgesScoreAndTheirAgreementIsReported() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        String school = fixtures.school("East");
        String other = fixtures.school("West");
        StringBuilder csv =
                new StringBuilder("student_number,full_name,date_of_birth,enrollment_year,expected_graduation_year\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("J")
                    .append(i)
                    .append(",Entrant ")
                    .append(i)
                    .append(",2004-01-0")
                    .append(i)
                    .append(",2023,2027\n");
        }
        assertEquals(
                200,
                api.post("/schools/" + school + "/students/import", admin, csv.toString(), "text/csv")
                        .status());

        String event = Fixtures.unique("JUDGED-");
        assertEquals(
                201,
                api.post(
                                "/events",
                                admin,
                                Json.object()
                                        .add("code", event)
                                        .add("name", "Forensics Report Award")
                                        .add("competition", "FRA")
                                        .add("level", "REGIONAL")
                                        .add("format", "JUDGED")
                                        .add("startDate", "2026-06-01")
                                        .add("endDate", "2026-06-01")
                                        .build()
                                        .toString())
                        .status());
        ApiClient.Reply rubric = putRubric(
                event,
                admin,
                "{\"criteria\":["
                        + "{\"name\":\"analysis\",\"weight\":2,\"max\":10},{\"name\":\"report\",\"weight\":1,\"max\":10}]}",
                etag(event, admin));
        assertEquals(200, rubric.status(), rubric.toString());

        String[] judges = new String[3];
        String[] tokens = new String[3];
        for (int j = 0; j < 3; j++) {
            judges[j] = Fixtures.unique("judge-").toLowerCase(Locale.ROOT);
            api.post(
                    "/users",
                    admin,
                    Json.object()
                            .add("username", judges[j])
                            .add("password", "a-long-password")
                            .add("roles", Json.array("EVALUATOR"))
                            .add("schoolCode", other)
                            .build()
                            .toString());
            tokens[j] = api.token(judges[j], "a-long-password");
        }
        String entries = "[\"" + school + "/J1\",\"" + school + "/J2\",\"" + school + "/J3\",\"" + school + "/J4\",\""
                + school + "/J5\"]";
        for (String judge : judges) {
            ApiClient.Reply assigned = api.post(
                    "/events/" + event + "/judging/judges",
                    admin,
                    "{\"judge\":\"" + judge + "\",\"entries\":" + entries + "}");
            assertEquals(200, assigned.status(), assigned.toString());
        }
        String insider = Fixtures.unique("insider-").toLowerCase(Locale.ROOT);
        api.post(
                "/users",
                admin,
                Json.object()
                        .add("username", insider)
                        .add("password", "a-long-password")
                        .add("roles", Json.array("EVALUATOR"))
                        .add("schoolCode", school)
                        .build()
                        .toString());
        ApiClient.Reply conflict = api.post(
                "/events/" + event + "/judging/judges",
                admin,
                "{\"judge\":\"" + insider + "\",\"entries\":" + entries + "}");
        assertEquals(400, conflict.status(), "a judge affiliated with the school is refused");
        assertTrue(conflict.body().contains("affiliated"), conflict.toString());

        // two judges agree (one harsh, one lenient); the third ranks the other way round
        double[][] analysis = {{9, 8, 6, 5, 3}, {10, 9.5, 9, 8.5, 8}, {2, 4, 6, 8, 10}};
        for (int j = 0; j < 3; j++) {
            for (int e = 0; e < 5; e++) {
                ApiClient.Reply scored = api.post(
                        "/events/" + event + "/judging/scores",
                        tokens[j],
                        "{\"entry\":\"" + school + "/J" + (e + 1) + "\",\"scores\":{\"analysis\":" + analysis[j][e]
                                + ",\"report\":" + analysis[j][e] + "}}");
                assertEquals(204, scored.status(), scored.toString());
            }
        }
        ApiClient.Reply outOfScale = api.post(
                "/events/" + event + "/judging/scores",
                tokens[0],
                "{\"entry\":\"" + school + "/J1\",\"scores\":{\"analysis\":11,\"report\":5}}");
        assertEquals(400, outOfScale.status());
        assertTrue(outOfScale.body().contains("scores.analysis"), outOfScale.toString());

        JsonObject summary = api.get("/events/" + event + "/judging", admin).json();
        double alpha = summary.getJsonObject("agreement")
                .getJsonNumber("krippendorffAlpha")
                .doubleValue();
        assertTrue(alpha < 0.5, "a contrary judge lowers the agreement: " + alpha);
        JsonArray judgeList = summary.getJsonArray("judges");
        assertTrue(
                judgeList.stream()
                        .map(v -> v.asJsonObject())
                        .anyMatch(j -> j.getString("judge").equals(judges[2]) && j.getBoolean("flagged")),
                judgeList.toString());
        assertTrue(judgeList.stream()
                .map(v -> v.asJsonObject())
                .filter(j -> !j.getString("judge").equals(judges[2]))
                .noneMatch(j -> j.getBoolean("flagged")));
        assertEquals(
                school + "/J1", summary.getJsonArray("entries").getJsonObject(0).getString("entry"));

        ApiClient.Reply published = api.post("/events/" + event + "/judging/publish", admin, "{}");
        assertEquals(200, published.status(), published.toString());
        assertEquals(5, published.json().getInt("stored"));
        JsonArray board = api.get("/events/" + event + "/results", admin).json().getJsonArray("items");
        assertEquals(school + "/J1", board.getJsonObject(0).getString("competitor"));
        assertEquals(
                409,
                putRubric(event, admin, "{\"criteria\":[{\"name\":\"x\",\"weight\":1,\"max\":5}]}", etag(event, admin))
                        .status(),
                "no rubric change once scored");
    }

    private static final String ONE_CRITERION = "{\"criteria\":[{\"name\":\"analysis\",\"weight\":1,\"max\":10}]}";

    @Test
    void theRubricIsReadWithTheEventsVersionAsItsETag() {
        String admin = new Fixtures(Deployments.api(deployment)).adminToken();
        String event = judgedEvent(admin);
        ApiClient.Reply rubric = Deployments.api(deployment).get("/events/" + event + "/judging/rubric", admin);
        assertEquals(200, rubric.status(), rubric.toString());
        assertEquals(
                rubric.raw().headers().firstValue("ETag").orElse(null),
                Deployments.api(deployment)
                        .get("/events/" + event + "/judging", admin)
                        .raw()
                        .headers()
                        .firstValue("ETag")
                        .orElse(null),
                "the judging and its rubric carry the same version");
    }

    @Test
    void aRubricChangeWithoutIfMatchIsRefusedWith428() {
        String admin = new Fixtures(Deployments.api(deployment)).adminToken();
        String event = judgedEvent(admin);
        assertEquals(428, putRubric(event, admin, ONE_CRITERION, null).status());
    }

    @Test
    void aRubricChangeFromAnOlderVersionIsRefusedWith412() {
        String admin = new Fixtures(Deployments.api(deployment)).adminToken();
        String event = judgedEvent(admin);
        String read = etag(event, admin);
        assertEquals(
                200, putRubric(event, admin, ONE_CRITERION, read).status(), "the first change, from the version read");
        ApiClient.Reply stale = putRubric(event, admin, ONE_CRITERION, read);
        assertEquals(412, stale.status(), stale.toString());
    }

    @Test
    void aRubricChangeAnswersWithTheNextVersion() {
        String admin = new Fixtures(Deployments.api(deployment)).adminToken();
        String event = judgedEvent(admin);
        String read = etag(event, admin);
        ApiClient.Reply changed = putRubric(event, admin, ONE_CRITERION, read);
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(
                etag(event, admin), changed.raw().headers().firstValue("ETag").orElse(null));
        assertNotEquals(read, etag(event, admin), "the version moved on");
    }

    private String judgedEvent(String admin) {
        String event = Fixtures.unique("JUDGED-");
        assertEquals(
                201,
                Deployments.api(deployment)
                        .post(
                                "/events",
                                admin,
                                Json.object()
                                        .add("code", event)
                                        .add("name", "Forensics Report Award")
                                        .add("competition", "FRA")
                                        .add("level", "REGIONAL")
                                        .add("format", "JUDGED")
                                        .add("startDate", "2026-06-01")
                                        .add("endDate", "2026-06-01")
                                        .build()
                                        .toString())
                        .status());
        return event;
    }

    private String etag(String event, String token) {
        ApiClient.Reply rubric = Deployments.api(deployment).get("/events/" + event + "/judging/rubric", token);
        assertEquals(200, rubric.status(), rubric.toString());
        return rubric.raw().headers().firstValue("ETag").orElseThrow();
    }

    /** PUT of a rubric with {@code If-Match} (none when null). */
    private ApiClient.Reply putRubric(String event, String token, String json, String ifMatch) {
        HttpRequest.Builder put = HttpRequest.newBuilder(
                        URI.create(Deployments.local(deployment) + "api/v1/events/" + event + "/judging/rubric"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            put.header("If-Match", ifMatch);
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(put.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
