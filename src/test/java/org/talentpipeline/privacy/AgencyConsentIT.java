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

/**
 * Consent per agency: a recruiter sees a student only while the school approves the recruiter's
 * agency and the student's consent covers it; in the search, the report and the export.
 */
@ExtendWith(ArquillianExtension.class)
class AgencyConsentIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    private static ApiClient api;
    private static Fixtures fixtures;
    private static String ncsc;
    private static String cert;

    /** A new school (approving NCSC and CERT) with one rated student sharing with every approved agency; its ref. */
    private String student() {
        if (api == null) {
            api = Deployments.api(deployment);
            fixtures = new Fixtures(api);
            ncsc = fixtures.user("RECRUITER", null, "NCSC");
            cert = fixtures.user("RECRUITER", null, "CERT");
        }
        String school = fixtures.school("Southwest");
        fixtures.approveAgencies(school, "NCSC", "CERT");
        fixtures.students(
                school,
                "A,Ai Agent,2003-01-01,ai@example.org,2022,2026,true",
                "B,Bai Other,2003-01-01,bai@example.org,2022,2026,true");
        fixtures.ratedEvent("AGC", "2026-09-03", school + "/A", school + "/B");
        return school + "/A";
    }

    private static String encode(String ref) {
        return URLEncoder.encode(ref, StandardCharsets.UTF_8);
    }

    private static void consent(String ref, String body) {
        ApiClient.Reply r = api.post("/students/" + encode(ref) + "/consent", fixtures.adminToken(), body);
        assertEquals(200, r.status(), r.toString());
    }

    private static List<String> found(String ref, String recruiter) {
        String school = ref.substring(0, ref.indexOf('/'));
        return api.get("/candidates?school=" + school, recruiter).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .map(o -> o.getString("ref"))
                .toList();
    }

    private static String school(String ref) {
        return ref.substring(0, ref.indexOf('/'));
    }

    @Test
    void theChosenAgencysRecruiterFindsTheStudent() {
        String ref = student();
        consent(ref, "{\"granted\": true, \"agencies\": [\"NCSC\"]}");
        assertEquals(List.of(ref, school(ref) + "/B"), found(ref, ncsc));
    }

    @Test
    void anotherAgencysRecruiterDoesNotFindTheStudent() {
        String ref = student();
        consent(ref, "{\"granted\": true, \"agencies\": [\"NCSC\"]}");
        assertEquals(List.of(school(ref) + "/B"), found(ref, cert));
    }

    @Test
    void anotherAgencysRecruiterCannotReadTheReport() {
        String ref = student();
        consent(ref, "{\"granted\": true, \"agencies\": [\"NCSC\"]}");
        assertEquals(404, api.get("/students/" + encode(ref) + "/report", cert).status());
    }

    @Test
    void theChosenAgencysRecruiterReadsTheReport() {
        String ref = student();
        consent(ref, "{\"granted\": true, \"agencies\": [\"NCSC\"]}");
        assertEquals(200, api.get("/students/" + encode(ref) + "/report", ncsc).status());
    }

    @Test
    void anotherAgencysExportLeavesTheStudentOut() {
        String ref = student();
        consent(ref, "{\"granted\": true, \"agencies\": [\"NCSC\"]}");
        ApiClient.Reply csv = api.get("/candidates/export?school=" + school(ref), cert);
        assertEquals(200, csv.status(), csv.toString());
        assertEquals(
                List.of(school(ref) + "/B"),
                csv.body().lines().skip(1).map(l -> l.split(",")[0]).toList());
    }

    @Test
    void aSchoolWithdrawingItsApprovalHidesItsStudentsFromThatAgency() {
        String ref = student();
        fixtures.approveAgencies(school(ref), "CERT");
        assertEquals(List.of(), found(ref, ncsc));
    }

    @Test
    void aStudentWhoseSchoolDoesNotApproveTheAgencyCannotChooseIt() {
        String ref = student();
        fixtures.approveAgencies(school(ref), "CERT");
        ApiClient.Reply r = api.post(
                "/students/" + encode(ref) + "/consent",
                fixtures.adminToken(),
                "{\"granted\": true, \"agencies\": [\"NCSC\"]}");
        assertEquals(400, r.status(), r.toString());
    }

    @Test
    void aStudentsOwnWithdrawalHidesThemAtOnce() {
        String ref = student();
        ApiClient.Reply invited = api.post("/students/" + encode(ref) + "/invitation", fixtures.adminToken(), "");
        String username = Fixtures.unique("s-").toLowerCase(Locale.ROOT);
        assertEquals(
                201,
                api.post(
                                "/auth/activate",
                                null,
                                Json.object()
                                        .add("code", invited.json().getString("code"))
                                        .add("username", username)
                                        .add("password", Fixtures.PASSWORD)
                                        .build()
                                        .toString())
                        .status());
        String student = api.token(username, Fixtures.PASSWORD);
        assertEquals(
                200, api.post("/me/consent", student, "{\"granted\": false}").status());
        assertEquals(List.of(school(ref) + "/B"), found(ref, ncsc));
    }

    @Test
    void theHistoryKeepsWhoChoseWhichAgenciesAndHow() {
        String ref = student();
        consent(ref, "{\"granted\": true, \"agencies\": [\"NCSC\"]}");
        JsonObject latest = api.get("/students/" + encode(ref) + "/consent", fixtures.adminToken())
                .parse()
                .asJsonArray()
                .get(0)
                .asJsonObject();
        assertEquals(
                "admin API [\"NCSC\"]",
                latest.getString("recordedBy") + " " + latest.getString("source") + " "
                        + latest.getJsonArray("agencies"));
    }
}
