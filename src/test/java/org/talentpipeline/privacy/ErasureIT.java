package org.talentpipeline.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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

/** Erasure: the student becomes a tombstone found by no one, others' ratings stay, the audit names them no more. */
@ExtendWith(ArquillianExtension.class)
class ErasureIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    private static ApiClient api;
    private static Fixtures fixtures;
    private static String admin;

    /** A school's three rated students A, B, C; A viewed by a recruiter, has an account, and is then erased. */
    record Erased(String school, String ref, String account, double scoreOfBBefore, double scoreOfCBefore) {}

    private Erased erased() {
        return erased(false);
    }

    /**
     * A student erased after an event rated with two others. {@code recomputed}: the ratings fully
     * recomputed before the erasure, so that a recompute after it is compared with a recompute (the
     * smoothing of a recompute moves what updates rated since the last one, erasure or not).
     */
    private Erased erased(boolean recomputed) {
        if (api == null) {
            api = Deployments.api(deployment);
            fixtures = new Fixtures(api);
            admin = fixtures.adminToken();
        }
        String school = fixtures.school("Central");
        fixtures.students(
                school,
                "A,Erin Erase,2003-01-01,erin@example.org,2022,2026,true",
                "B,Bo Stay,2003-01-01,bo@example.org,2022,2026,true",
                "C,Cai Stay,2003-01-01,cai@example.org,2022,2026,true");
        fixtures.ratedEvent("ERS", "2026-09-04", school + "/B", school + "/A", school + "/C");
        if (recomputed) {
            assertEquals(202, api.post("/scoring/recompute", admin, "").status());
            Fixtures.awaitScoring(api, admin);
        }
        String ref = school + "/A";
        String recruiter = fixtures.user("RECRUITER", null, "NCSC");
        assertEquals(
                200, api.get("/students/" + encode(ref) + "/report", recruiter).status());
        assertEquals(200, api.get("/candidates?school=" + school, recruiter).status());
        String code = api.post("/students/" + encode(ref) + "/invitation", admin, "")
                .json()
                .getString("code");
        String account = Fixtures.unique("s-").toLowerCase(Locale.ROOT);
        assertEquals(
                201,
                api.post(
                                "/auth/activate",
                                null,
                                Json.object()
                                        .add("code", code)
                                        .add("username", account)
                                        .add("password", Fixtures.PASSWORD)
                                        .build()
                                        .toString())
                        .status());
        api.get("/me/record", api.token(account, Fixtures.PASSWORD));
        double b = score(school + "/B");
        double c = score(school + "/C");
        ApiClient.Reply erasure = api.post(
                "/students/" + encode(ref) + "/erasure",
                admin,
                Json.object().add("reason", "the student asked").build().toString());
        assertEquals(200, erasure.status(), erasure.toString());
        return new Erased(school, ref, account, b, c);
    }

    private static double score(String ref) {
        return api.get("/students/" + encode(ref) + "/report", admin)
                .json()
                .getJsonNumber("talentScore")
                .doubleValue();
    }

    private static String encode(String ref) {
        return URLEncoder.encode(ref, StandardCharsets.UTF_8);
    }

    @Test
    void theReportOfAnErasedStudentIsNotFound() {
        Erased e = erased();
        assertEquals(
                404, api.get("/students/" + encode(e.ref()) + "/report", admin).status());
    }

    @Test
    void theSearchNeverListsAnErasedStudent() {
        Erased e = erased();
        List<String> refs = api.get("/candidates?school=" + e.school(), admin).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .map(o -> o.getString("ref"))
                .toList();
        assertEquals(List.of(e.school() + "/B", e.school() + "/C"), refs);
    }

    @Test
    void theSchoolsListNoLongerShowsTheStudent() {
        Erased e = erased();
        List<String> numbers =
                api.get("/schools/" + e.school() + "/students", admin).json().getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .map(o -> o.getString("studentNumber"))
                        .toList();
        assertEquals(List.of("B", "C"), numbers.stream().sorted().toList());
    }

    @Test
    void theOtherStudentsTalentScoresDoNotMove() {
        Erased e = erased();
        assertEquals(
                List.of(e.scoreOfBBefore(), e.scoreOfCBefore()),
                List.of(score(e.school() + "/B"), score(e.school() + "/C")));
    }

    @Test
    void theOtherStudentsTalentScoresDoNotMoveInAFullRecompute() {
        Erased e = erased(true);
        assertEquals(202, api.post("/scoring/recompute", admin, "").status());
        Fixtures.awaitScoring(api, admin);
        assertEquals(
                List.of(e.scoreOfBBefore(), e.scoreOfCBefore()),
                List.of(score(e.school() + "/B"), score(e.school() + "/C")));
    }

    @Test
    void noAuditEntryNamesTheErasedStudent() {
        Erased e = erased();
        JsonObject bySubject =
                api.get("/audit?subject=student:" + encode(e.ref()), admin).json();
        assertEquals(0, bySubject.getInt("total"), bySubject.toString());
    }

    @Test
    void noAuditEntryNamesTheErasedStudentsAccount() {
        Erased e = erased();
        assertEquals(0, api.get("/audit?actor=" + e.account(), admin).json().getInt("total"));
    }

    @Test
    void theAuditKeepsTheErasure() {
        Erased e = erased();
        List<JsonObject> erasures = api.get("/audit?action=ERASE&size=100", admin).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString("subject").startsWith("student:" + e.school() + "/"))
                .toList();
        assertEquals(
                List.of("the student asked"),
                erasures.stream().map(o -> o.getString("detail")).toList());
    }

    @Test
    void theErasedStudentsAccountCannotSignIn() {
        Erased e = erased();
        assertEquals(
                401,
                api.post(
                                "/auth/token",
                                null,
                                Json.object()
                                        .add("username", e.account())
                                        .add("password", Fixtures.PASSWORD)
                                        .build()
                                        .toString())
                        .status());
    }
}
