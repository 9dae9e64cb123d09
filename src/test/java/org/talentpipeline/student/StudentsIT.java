package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
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

/** Schools, students, the CSV import, consent and tenancy, through the running application's API. */
@ExtendWith(ArquillianExtension.class)
class StudentsIT {

    static final String HEADER = "student_number,full_name,date_of_birth,email,program,enrollment_year,"
            + "expected_graduation_year,consent_to_share\r\n";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    Fixtures fixtures;
    String admin;

    @BeforeEach
    void client() {
        api = Deployments.api(deployment);
        fixtures = new Fixtures(api);
        admin = fixtures.adminToken();
    }

    ApiClient.Reply importCsv(String school, String token, String csv) {
        return api.post("/schools/" + school + "/students/import", token, csv, "text/csv");
    }

    long total(String school, String token) {
        return api.get("/schools/" + school + "/students", token)
                .json()
                .getJsonNumber("total")
                .longValue();
    }

    @Test
    void importCreatesThenTheSameFileUpdates() {
        String school = fixtures.school("North");
        String csv = "\uFEFF" + HEADER
                + "S1,\"Wang, Wei\",2004-03-01,s1@example.edu,Cyberspace Security,2023,2027,true\r\n"
                + "S2,\"Li \"\"Lee\"\" Na\",2005-05-05,,,2024,2028,false\r\n"
                + "S3,\"Zhang\nSan\",2003-01-01,s3@example.edu,,2022,2026,no\r\n";
        ApiClient.Reply first = importCsv(school, admin, csv);
        assertEquals(200, first.status(), first.toString());
        assertEquals(3, first.json().getInt("created"));
        assertEquals(0, first.json().getInt("updated"));

        ApiClient.Reply second = importCsv(school, admin, csv);
        assertEquals(200, second.status(), second.toString());
        assertEquals(0, second.json().getInt("created"));
        assertEquals(3, second.json().getInt("updated"));
        assertEquals(3, total(school, admin));

        JsonObject s1 = api.get("/students/" + school + "%2FS1", admin).json();
        assertEquals("Wang, Wei", s1.getString("fullName"));
        assertEquals("Cyberspace Security", s1.getString("program"));
        assertTrue(s1.getBoolean("consentToShare"));
        assertEquals(
                "Li \"Lee\" Na",
                api.get("/students/" + school + "/S2", admin).json().getString("fullName"));
        assertEquals(
                "Zhang\nSan",
                api.get("/students/" + school + "/S3", admin).json().getString("fullName"));

        JsonArray history =
                api.get("/students/" + school + "/S1/consent", admin).parse().asJsonArray();
        assertEquals(1, history.size(), "the unchanged second import adds no consent entry");
        assertEquals("IMPORT", history.getJsonObject(0).getString("source"));
    }

    @Test
    void oneBadRowRejectsTheWholeFileNamingEveryBadRow() {
        String school = fixtures.school("East");
        String csv = HEADER
                + "G1,Good One,2004-03-01,,,2023,2027,false\n"
                + "G2,Good Two,2004-03-02,,,2023,2027,false\n"
                + "B3,,2004-02-30,not-an-email,Astrology,2023,2020,maybe\n"
                + "G1,Good One Again,2004-03-01,,,2023,2027,false\n"
                + "Y5,Young One," + LocalDate.now().minusYears(12) + ",,,2025,2028,true\n";
        ApiClient.Reply reply = importCsv(school, admin, csv);
        assertEquals(400, reply.status(), reply.toString());
        String errors = reply.json().getJsonArray("errors").toString();
        for (String expected : new String[] {
            "\"line\":4,\"message\":\"'2004-02-30' is not a real date",
            "\"column\":\"email\",\"line\":4",
            "\"column\":\"full_name\",\"line\":4",
            "\"column\":\"program\",\"line\":4",
            "\"column\":\"expected_graduation_year\",\"line\":4",
            "\"column\":\"consent_to_share\",\"line\":4",
            "\"column\":\"student_number\",\"line\":5",
            "\"column\":\"consent_to_share\",\"line\":6"
        }) {
            assertTrue(
                    errors.contains(expected.replace("\"line\":4,\"message\"", "\"line\":4,\"message\""))
                            || errors.contains(expected),
                    expected + " in " + errors);
        }
        assertEquals(0, reply.json().getInt("created"));
        assertEquals(0, total(school, admin), "nothing from the file is stored");
    }

    @Test
    void malformedAndEmptyFilesAreRefusedWithTheReason() {
        String school = fixtures.school("East");
        ApiClient.Reply empty = importCsv(school, admin, "");
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("empty"), empty.toString());
        ApiClient.Reply headerOnly = importCsv(school, admin, HEADER);
        assertEquals(400, headerOnly.status());
        ApiClient.Reply unclosed = importCsv(school, admin, HEADER + "Q1,\"Open quote,2004-03-01,,,2023,2027,false\n");
        assertEquals(400, unclosed.status());
        assertTrue(unclosed.body().contains("\"line\":2"), unclosed.toString());
        ApiClient.Reply unknownColumn = importCsv(school, admin, "student_number,full_name,nickname\nX,Y,Z\n");
        assertEquals(400, unknownColumn.status());
        assertTrue(unknownColumn.body().contains("nickname"), unknownColumn.toString());
        assertEquals(0, total(school, admin));
    }

    @Test
    void aSchoolAdminSeesOnlyTheirOwnSchool() {
        String north = fixtures.school("North");
        String south = fixtures.school("South");
        String northAdmin = fixtures.user("SCHOOL_ADMIN", north, null);
        String southAdmin = fixtures.user("SCHOOL_ADMIN", south, null);
        assertEquals(
                200,
                importCsv(north, northAdmin, HEADER + "N1,North One,2004-03-01,,,2023,2027,false\n")
                        .status());
        assertEquals(
                200,
                importCsv(south, southAdmin, HEADER + "S1,South One,2004-03-01,,,2023,2027,false\n")
                        .status());
        long southId = api.get("/students/" + south + "/S1", southAdmin)
                .json()
                .getJsonNumber("id")
                .longValue();

        assertEquals(404, api.get("/students/" + south + "%2FS1", northAdmin).status(), "by ref");
        assertEquals(404, api.get("/students/" + southId, northAdmin).status(), "by guessed id");
        assertEquals(
                404, api.put("/students/" + southId, northAdmin, "{}", "\"1\"").status());
        assertEquals(404, api.delete("/students/" + south + "/S1", northAdmin).status());
        assertEquals(404, api.get("/schools/" + south + "/students", northAdmin).status());
        assertEquals(
                404,
                api.get("/schools/" + south + "/students/export", northAdmin).status());
        assertEquals(
                404,
                importCsv(south, northAdmin, HEADER + "X1,Intruder,2004-03-01,,,2023,2027,false\n")
                        .status());
        assertEquals(1, total(south, southAdmin), "the other school's students are untouched");
        assertEquals(200, api.get("/students/" + southId, admin).status(), "ADMIN sees every school");

        String recruiter = api.token("recruiter", Fixtures.DEMO_PASSWORD);
        assertEquals(403, api.get("/students/" + southId, recruiter).status(), "a recruiter reads no raw records");

        JsonArray audit = api.get("/audit?size=100", northAdmin).json().getJsonArray("items");
        assertTrue(
                audit.stream().allMatch(e -> north.equals(e.asJsonObject().getString("schoolCode", null))),
                "a school admin's audit view holds only their school's entries");
        assertTrue(audit.toString().contains("IMPORT"), audit.toString());
    }

    @Test
    void validationNamesTheFieldAndTheRecordRoundTrips() {
        String school = fixtures.school("West");
        ApiClient.Reply bad = api.post(
                "/schools/" + school + "/students",
                admin,
                Json.object()
                        .add("studentNumber", "V1")
                        .add("fullName", "Val Idation")
                        .add("dateOfBirth", "2004-01-01")
                        .add("email", "nope")
                        .add("program", "Underwater Basket Weaving")
                        .add("enrollmentYear", 2024)
                        .add("expectedGraduationYear", 2023)
                        .build()
                        .toString());
        assertEquals(400, bad.status());
        String details = bad.json().getJsonArray("details").toString();
        assertTrue(
                details.contains("\"email\"")
                        && details.contains("\"program\"")
                        && details.contains("\"expectedGraduationYear\""),
                details);

        ApiClient.Reply impossible = api.post(
                "/schools/" + school + "/students",
                admin,
                Json.object()
                        .add("studentNumber", "V0")
                        .add("fullName", "Leap Day")
                        .add("dateOfBirth", "2005-02-29")
                        .add("enrollmentYear", 2024)
                        .add("expectedGraduationYear", 2028)
                        .build()
                        .toString());
        assertEquals(400, impossible.status());
        assertTrue(impossible.body().contains("\"field\":\"dateOfBirth\""), impossible.toString());

        ApiClient.Reply future = api.post(
                "/schools/" + school + "/students",
                admin,
                Json.object()
                        .add("studentNumber", "V2")
                        .add("fullName", "Not Born")
                        .add("dateOfBirth", LocalDate.now().plusDays(3).toString())
                        .add("enrollmentYear", 2024)
                        .add("expectedGraduationYear", 2028)
                        .build()
                        .toString());
        assertEquals(400, future.status());
        assertTrue(future.body().contains("dateOfBirth"), future.toString());

        ApiClient.Reply created = api.post(
                "/schools/" + school + "/students",
                admin,
                Json.object()
                        .add("studentNumber", "V3")
                        .add("fullName", "=cmd|' /C calc'!A0")
                        .add("dateOfBirth", "2004-01-01")
                        .add("email", "v3@example.edu")
                        .add("program", "Cyberspace Security")
                        .add("enrollmentYear", 2023)
                        .add("expectedGraduationYear", 2027)
                        .add(
                                "certifications",
                                jakarta.json.Json.createArrayBuilder()
                                        .add(Json.object()
                                                .add("name", "OSCP")
                                                .add("issuer", "OffSec")
                                                .add("obtainedOn", "2025-06-01")))
                        .add("skills", Json.array("PD-WRL-003", "web"))
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.toString());
        JsonObject v3 = created.json();
        assertEquals("=cmd|' /C calc'!A0", v3.getString("fullName"), "stored as the text it is");
        assertEquals("OSCP", v3.getJsonArray("certifications").getJsonObject(0).getString("name"));
        assertEquals(2, v3.getJsonArray("skills").size());

        ApiClient.Reply unknownRole = api.edit(
                "/students/" + school + "/V3",
                admin,
                Json.object()
                        .add("fullName", "Val Three")
                        .add("dateOfBirth", "2004-01-01")
                        .add("enrollmentYear", 2023)
                        .add("expectedGraduationYear", 2027)
                        .add("skills", Json.array("PD-WRL-999"))
                        .build()
                        .toString());
        assertEquals(400, unknownRole.status());
        assertTrue(unknownRole.body().contains("skills"), unknownRole.toString());

        String export =
                api.get("/schools/" + school + "/students/export", admin).body();
        assertTrue(export.contains("\"'=cmd|' /C calc'!A0\"") || export.contains("'=cmd|' /C calc'!A0"), export);
        assertFalse(export.contains("\n=cmd"), "no cell starts with a formula");

        assertEquals(204, api.delete("/students/" + school + "/V3", admin).status());
        assertEquals(404, api.get("/students/" + school + "/V3", admin).status());
    }

    @Test
    void consentIsDatedWithdrawableAndAYoungStudentNeedsAGuardian() {
        String school = fixtures.school("Central");
        String young = LocalDate.now().minusYears(13).toString();
        assertEquals(
                200,
                importCsv(
                                school,
                                admin,
                                HEADER
                                        + "C1,Adult Student,2004-03-01,,,2023,2027,false\n"
                                        + "C2,Young Student," + young + ",,,2025,2028,false\n")
                        .status());

        ApiClient.Reply granted = api.post(
                "/students/" + school + "/C1/consent",
                admin,
                Json.object()
                        .add("granted", true)
                        .add("note", "signed form 2026-05")
                        .build()
                        .toString());
        assertEquals(200, granted.status(), granted.toString());
        assertTrue(granted.json().getBoolean("consentToShare"));
        ApiClient.Reply withdrawn = api.post(
                "/students/" + school + "/C1/consent",
                admin,
                Json.object().add("granted", false).build().toString());
        assertFalse(withdrawn.json().getBoolean("consentToShare"));
        JsonArray history =
                api.get("/students/" + school + "/C1/consent", admin).parse().asJsonArray();
        assertEquals(2, history.size());
        assertFalse(history.getJsonObject(0).getBoolean("granted"), "newest first");
        assertEquals("signed form 2026-05", history.getJsonObject(1).getString("note"));
        assertEquals("admin", history.getJsonObject(1).getString("recordedBy"));

        ApiClient.Reply noGuardian = api.post(
                "/students/" + school + "/C2/consent",
                admin,
                Json.object().add("granted", true).build().toString());
        assertEquals(400, noGuardian.status());
        assertTrue(noGuardian.body().contains("guardianConsent"), noGuardian.toString());
        ApiClient.Reply withGuardian = api.post(
                "/students/" + school + "/C2/consent",
                admin,
                Json.object()
                        .add("granted", true)
                        .add("guardianConsent", true)
                        .build()
                        .toString());
        assertEquals(200, withGuardian.status());
        assertTrue(withGuardian.json().getBoolean("minor"));
    }

    @Test
    void schoolsAreListedToAnyoneAndEditedByAdminOnly() {
        String school = fixtures.school("North");
        String evaluator = api.token("evaluator", Fixtures.DEMO_PASSWORD);
        assertEquals(200, api.get("/schools/" + school, evaluator).status());
        assertTrue(api.get("/schools?size=500", evaluator)
                        .json()
                        .getJsonNumber("total")
                        .longValue()
                >= 5);
        ApiClient.Reply forbidden = api.put(
                "/schools/" + school,
                evaluator,
                Json.object()
                        .add("name", "Renamed")
                        .add("region", "North")
                        .add("type", "COLLEGE")
                        .build()
                        .toString());
        assertEquals(403, forbidden.status());
        ApiClient.Reply renamed = api.edit(
                "/schools/" + school,
                admin,
                Json.object()
                        .add("name", "Renamed")
                        .add("region", "North")
                        .add("type", "COLLEGE")
                        .build()
                        .toString());
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("COLLEGE", renamed.json().getString("type"));
        ApiClient.Reply twice = api.post(
                "/schools",
                admin,
                Json.object()
                        .add("code", school)
                        .add("name", "Again")
                        .add("region", "North")
                        .add("type", "COLLEGE")
                        .build()
                        .toString());
        assertEquals(400, twice.status());
        assertTrue(twice.body().contains("code"), twice.toString());
    }
}
