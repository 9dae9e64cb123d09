package org.talentpipeline.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/** A student's corrections (decided by their school) and appeals (reviewed by an ADMIN, who may exclude a result). */
@ExtendWith(ArquillianExtension.class)
class RequestsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    private static ApiClient api;
    private static Fixtures fixtures;
    private static String admin;

    /** A school whose student A won one event and came last in another; A's token and the second event's code. */
    record Student(String school, String ref, String token, String lostEvent) {}

    private Student student() {
        if (api == null) {
            api = Deployments.api(deployment);
            fixtures = new Fixtures(api);
            admin = fixtures.adminToken();
        }
        String school = fixtures.school("North");
        fixtures.students(
                school,
                "A,An Appeal,2003-01-01,an@example.org,2022,2026,true",
                "B,Bao Two,2003-01-01,bao@example.org,2022,2026,true",
                "C,Chen Three,2003-01-01,chen@example.org,2022,2026,true");
        rated(school, "2026-08-01", "A", "B", "C");
        String lost = rated(school, "2026-08-15", "B", "C", "A");
        String ref = school + "/A";
        String code = api.post("/students/" + encode(ref) + "/invitation", admin, "")
                .json()
                .getString("code");
        String username = Fixtures.unique("s-").toLowerCase(Locale.ROOT);
        assertEquals(
                201,
                api.post(
                                "/auth/activate",
                                null,
                                Json.object()
                                        .add("code", code)
                                        .add("username", username)
                                        .add("password", Fixtures.PASSWORD)
                                        .build()
                                        .toString())
                        .status());
        return new Student(school, ref, api.token(username, Fixtures.PASSWORD), lost);
    }

    /** A national event on {@code day} with the school's students in this order, rated; its code. */
    private static String rated(String school, String day, String... numbers) {
        String event = fixtures.event("APL", "NATIONAL", "JEOPARDY", day);
        Fixtures.awaitScoring(api, admin);
        StringBuilder results = new StringBuilder("place,competitor,points\n");
        for (int i = 0; i < numbers.length; i++) {
            results.append(i + 1)
                    .append(',')
                    .append(school)
                    .append('/')
                    .append(numbers[i])
                    .append(',')
                    .append(100 * (numbers.length - i))
                    .append('\n');
        }
        assertEquals(
                200,
                api.post("/events/" + event + "/results", admin, results.toString(), "text/csv")
                        .status());
        Fixtures.awaitScoring(api, admin);
        return event;
    }

    private static String encode(String ref) {
        return URLEncoder.encode(ref, StandardCharsets.UTF_8);
    }

    private static long appeal(Student s) {
        ApiClient.Reply made = api.post(
                "/me/appeals",
                s.token(),
                Json.object()
                        .add("subject", "TALENT_SCORE")
                        .add("event", s.lostEvent())
                        .add("statement", "I was ill that day")
                        .build()
                        .toString());
        assertEquals(201, made.status(), made.toString());
        return made.json().getJsonNumber("id").longValue();
    }

    private static void uphold(long appeal, String event) {
        ApiClient.Reply decided = api.post(
                "/appeals/" + appeal + "/decision",
                admin,
                Json.object()
                        .add("upheld", true)
                        .add("reason", "a medical certificate")
                        .add("excludeEvent", event)
                        .build()
                        .toString());
        assertEquals(200, decided.status(), decided.toString());
        Fixtures.awaitScoring(api, admin);
    }

    private static double score(Student s) {
        return api.get("/me/report", s.token())
                .json()
                .getJsonNumber("talentScore")
                .doubleValue();
    }

    @Test
    void anUpheldAppealThatExcludesAResultChangesTheRating() {
        Student s = student();
        double before = score(s);
        uphold(appeal(s), s.lostEvent());
        assertNotEquals(before, score(s));
    }

    @Test
    void theStudentSeesTheOutcomeOfTheirAppeal() {
        Student s = student();
        uphold(appeal(s), s.lostEvent());
        JsonObject mine =
                api.get("/me/appeals", s.token()).parse().asJsonArray().get(0).asJsonObject();
        assertEquals("UPHELD a medical certificate", mine.getString("state") + " " + mine.getString("decisionReason"));
    }

    @Test
    void theReviewerSeesTheExplanationBesideTheAppeal() {
        Student s = student();
        long appeal = appeal(s);
        JsonObject review = api.get("/appeals/" + appeal, admin).json();
        assertEquals(2, review.getJsonObject("report").getJsonArray("events").size());
    }

    @Test
    void aStudentCannotReviewAppeals() {
        Student s = student();
        assertEquals(403, api.get("/appeals", s.token()).status());
    }

    @Test
    void aCorrectionAcceptedByTheSchoolChangesTheRecord() {
        Student s = student();
        long id = correction(s);
        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", s.school(), null);
        assertEquals(
                200,
                api.post(
                                "/corrections/" + id + "/decision",
                                schoolAdmin,
                                Json.object()
                                        .add("accept", true)
                                        .add("reason", "checked with the registry")
                                        .build()
                                        .toString())
                        .status());
        assertEquals(
                "An Apple",
                api.get("/me/record", s.token()).json().getJsonObject("student").getString("fullName"));
    }

    @Test
    void aRefusedCorrectionShowsTheStudentTheReason() {
        Student s = student();
        long id = correction(s);
        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", s.school(), null);
        api.post(
                "/corrections/" + id + "/decision",
                schoolAdmin,
                Json.object()
                        .add("accept", false)
                        .add("reason", "the registry says otherwise")
                        .build()
                        .toString());
        JsonObject mine = api.get("/me/corrections", s.token())
                .parse()
                .asJsonArray()
                .get(0)
                .asJsonObject();
        assertEquals(
                List.of("REFUSED", "the registry says otherwise", "An Appeal"),
                List.of(
                        mine.getString("state"),
                        mine.getString("decisionReason"),
                        api.get("/me/record", s.token())
                                .json()
                                .getJsonObject("student")
                                .getString("fullName")));
    }

    @Test
    void anotherSchoolsAdminCannotDecideTheCorrection() {
        Student s = student();
        long id = correction(s);
        String other = fixtures.user("SCHOOL_ADMIN", fixtures.school("South"), null);
        assertEquals(
                404,
                api.post(
                                "/corrections/" + id + "/decision",
                                other,
                                Json.object()
                                        .add("accept", true)
                                        .add("reason", "mine now")
                                        .build()
                                        .toString())
                        .status());
    }

    private static long correction(Student s) {
        ApiClient.Reply made = api.post(
                "/me/corrections",
                s.token(),
                Json.object()
                        .add("field", "fullName")
                        .add("requestedValue", "An Apple")
                        .add("explanation", "misspelt")
                        .build()
                        .toString());
        assertEquals(201, made.status(), made.toString());
        return made.json().getJsonNumber("id").longValue();
    }

    @Test
    void aCorrectionWithoutAValueNamesTheValue() {
        ApiClient.Reply refused = api.post(
                "/me/corrections",
                student().token(),
                Json.object()
                        .add("field", "fullName")
                        .add("requestedValue", " ")
                        .build()
                        .toString());
        assertEquals(400, refused.status());
        assertEquals(
                "[{\"field\":\"requestedValue\",\"message\":\"is required, at most 500 characters\"}]",
                refused.json().getJsonArray("details").toString());
    }

    @Test
    void anAppealNamesEachFieldItGotWrongInTheFieldsOrder() {
        ApiClient.Reply refused = api.post(
                "/me/appeals",
                student().token(),
                Json.object()
                        .add("subject", "EVERYTHING")
                        .add("event", "E".repeat(61))
                        .build()
                        .toString());
        assertEquals(400, refused.status());
        assertEquals(
                List.of("subject", "event", "statement"),
                refused.json().getJsonArray("details").getValuesAs(JsonObject.class).stream()
                        .map(p -> p.getString("field"))
                        .toList());
    }
}
