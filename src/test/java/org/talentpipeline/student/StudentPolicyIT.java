package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;

/**
 * Students and schools under the access policy, through the API: every read of a student's data is
 * in the audit log where their school admin finds it, edits carry the version they started from, and
 * bad input is a 400 or 404 naming the problem.
 */
@ExtendWith(ArquillianExtension.class)
class StudentPolicyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    Fixtures fixtures;
    String admin;
    String school;
    Fixtures.Person schoolAdmin;

    @BeforeEach
    void aSchoolWithTwoStudentsAndItsAdmin() {
        api = Deployments.api(deployment);
        fixtures = new Fixtures(api);
        admin = fixtures.adminToken();
        school = fixtures.school("West");
        fixtures.students(
                school,
                "A1,Ann Audit,2004-03-01,a1@example.edu,2023,2027,false",
                "A2,Bob Audit,2004-04-01,a2@example.edu,2023,2027,false");
        schoolAdmin = fixtures.person("SCHOOL_ADMIN", school, null);
    }

    /** The audit entries the school's admin sees about one student, for one action. */
    private List<JsonObject> audited(String ref, String action) {
        ApiClient.Reply reply =
                api.get("/audit?size=50&action=" + action + "&subject=student:" + ref, schoolAdmin.token());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static List<String> describe(List<JsonObject> entries) {
        return entries.stream()
                .map(e -> e.getString("actor") + ": " + e.getString("detail", ""))
                .toList();
    }

    private String student(String number) {
        return school + "/" + number;
    }

    private String body(String fullName) {
        return Json.object()
                .add("fullName", fullName)
                .add("dateOfBirth", "2004-03-01")
                .add("email", "a1@example.edu")
                .add("enrollmentYear", 2023)
                .add("expectedGraduationYear", 2027)
                .build()
                .toString();
    }

    // --- audit

    @Test
    void aSchoolAdminsRecordReadIsInTheirSchoolsAuditLog() {
        assertEquals(
                200, api.get("/students/" + student("A1"), schoolAdmin.token()).status());
        assertEquals(List.of(schoolAdmin.username() + ": record"), describe(audited(student("A1"), "VIEW")));
    }

    @Test
    void anAdminsConsentHistoryReadIsInTheSchoolsAuditLog() {
        assertEquals(
                200, api.get("/students/" + student("A1") + "/consent", admin).status());
        assertEquals(List.of("admin: consent history"), describe(audited(student("A1"), "VIEW")));
    }

    @Test
    void aListPageIsOneEntryListingTheStudentsShown() {
        assertEquals(200, api.get("/schools/" + school + "/students", admin).status());
        assertEquals(
                List.of("admin: student:" + student("A1") + ", student:" + student("A2")),
                describe(audited(student("A2"), "VIEW")));
    }

    @Test
    void theListOfEverySchoolIsAuditedForTheStudentsItShowed() {
        assertEquals(200, api.get("/students?school=" + school, admin).status());
        assertEquals(1, audited(student("A1"), "VIEW").size());
    }

    @Test
    void anExportIsOneEntryListingTheStudentsExported() {
        assertEquals(
                200, api.get("/schools/" + school + "/students/export", admin).status());
        assertEquals(
                List.of("admin: student:" + student("A1") + ", student:" + student("A2")),
                describe(audited(student("A1"), "EXPORT")));
    }

    // --- versions

    @Test
    void aStudentIsSentWithItsVersionAsETag() {
        ApiClient.Reply read = api.get("/students/" + student("A1"), admin);
        assertEquals("\"" + read.json().getJsonNumber("version").longValue() + "\"", read.etag());
    }

    @Test
    void aStudentEditWithoutIfMatchIs428() {
        assertEquals(
                428,
                api.put("/students/" + student("A1"), admin, body("No Version")).status());
    }

    @Test
    void aStudentEditFromAnOldVersionIs412AndChangesNothing() {
        String etag = api.get("/students/" + student("A1"), admin).etag();
        assertEquals(
                200,
                api.put("/students/" + student("A1"), admin, body("First Writer"), etag)
                        .status());
        ApiClient.Reply second = api.put("/students/" + student("A1"), admin, body("Second Writer"), etag);
        assertEquals(412, second.status(), second.toString());
        assertEquals(
                "First Writer",
                api.get("/students/" + student("A1"), admin).json().getString("fullName"));
    }

    @Test
    void aStudentEditAnswersWithTheNewVersion() {
        String etag = api.get("/students/" + student("A1"), admin).etag();
        ApiClient.Reply edited = api.put("/students/" + student("A1"), admin, body("Ann Edited"), etag);
        assertEquals(200, edited.status(), edited.toString());
        assertNotEquals(etag, edited.etag());
    }

    @Test
    void aSchoolEditWithoutIfMatchIs428() {
        assertEquals(
                428,
                api.put(
                                "/schools/" + school,
                                admin,
                                Json.object()
                                        .add("name", "Renamed")
                                        .add("region", "West")
                                        .add("type", "COLLEGE")
                                        .build()
                                        .toString())
                        .status());
    }

    @Test
    void aSchoolEditFromAnOldVersionIs412() {
        String etag = api.get("/schools/" + school, admin).etag();
        String renamed = Json.object()
                .add("name", "Renamed Once")
                .add("region", "West")
                .add("type", "COLLEGE")
                .build()
                .toString();
        assertEquals(200, api.put("/schools/" + school, admin, renamed, etag).status());
        assertEquals(
                412,
                api.put("/schools/" + school, admin, renamed.replace("Once", "Twice"), etag)
                        .status());
    }

    // --- bad input

    @Test
    void aStudentWithoutStudentNumberIs400NamingTheField() {
        ApiClient.Reply reply = api.post("/schools/" + school + "/students", admin, body("No Number"));
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(
                "[\"studentNumber\"]",
                reply.json().getJsonArray("details").getValuesAs(JsonObject.class).stream()
                        .map(d -> "\"" + d.getString("field") + "\"")
                        .toList()
                        .toString()
                        .replace(" ", ""));
    }

    @Test
    void aConsentWithoutADecisionOnAnotherSchoolsStudentIsNotFound() {
        String outsider = fixtures.user("SCHOOL_ADMIN", fixtures.school("East"), null);
        assertEquals(
                404,
                api.post("/students/" + student("A1") + "/consent", outsider, "{}")
                        .status());
    }

    @Test
    void aProgrammeForAnotherSchoolIsNotFoundWhateverTheBody() {
        String outsider = fixtures.user("SCHOOL_ADMIN", fixtures.school("East"), null);
        assertEquals(
                404,
                api.post("/schools/" + school + "/programs", outsider, "{}").status());
    }

    @Test
    void theStudentsOfAnUnknownSchoolAreNotFound() {
        assertEquals(404, api.get("/students?school=UNKNOWN", admin).status());
    }
}
