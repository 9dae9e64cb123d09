package org.talentpipeline.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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

/** Students' own accounts: invitation, activation, and what a student token reads (their own data only). */
@ExtendWith(ArquillianExtension.class)
class StudentAccountsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    /** A school with two rated students, A and B, both sharing with every approved agency. */
    record World(ApiClient api, Fixtures fixtures, String admin, String school) {
        String a() {
            return school + "/A";
        }

        String b() {
            return school + "/B";
        }
    }

    private static World world;

    private World world() {
        if (world == null) {
            ApiClient api = Deployments.api(deployment);
            Fixtures fixtures = new Fixtures(api);
            String school = fixtures.school("Northwest");
            fixtures.students(
                    school,
                    "A,Ann Able,2003-01-01,ann@example.org,2022,2026,true",
                    "B,Ben Best,2003-02-01,ben@example.org,2022,2026,true");
            fixtures.ratedEvent("OWN", "2026-09-02", school + "/A", school + "/B");
            world = new World(api, fixtures, fixtures.adminToken(), school);
        }
        return world;
    }

    static String encode(String ref) {
        return URLEncoder.encode(ref, StandardCharsets.UTF_8);
    }

    /** Invites the student and activates the code; returns the new account's token. */
    private String studentToken(World w, String ref) {
        ApiClient.Reply invited = w.api().post("/students/" + encode(ref) + "/invitation", w.admin(), "");
        assertEquals(201, invited.status(), invited.toString());
        String username = Fixtures.unique("s-").toLowerCase(Locale.ROOT);
        ApiClient.Reply activated = w.api()
                .post(
                        "/auth/activate",
                        null,
                        Json.object()
                                .add("code", invited.json().getString("code"))
                                .add("username", username)
                                .add("password", Fixtures.PASSWORD)
                                .build()
                                .toString());
        assertEquals(201, activated.status(), activated.toString());
        return w.api().token(username, Fixtures.PASSWORD);
    }

    @Test
    void anActivatedAccountReadsItsStudentsRecord() {
        World w = world();
        String ref = w.school() + "/" + freshStudent(w);
        String token = studentToken(w, ref);
        ApiClient.Reply record = w.api().get("/me/record", token);
        assertEquals(200, record.status(), record.toString());
        assertEquals(ref, record.json().getJsonObject("student").getString("ref"));
    }

    @Test
    void anInvitationCodeIsSpentByItsActivation() {
        World w = world();
        String ref = w.school() + "/" + freshStudent(w);
        String code = w.api()
                .post("/students/" + encode(ref) + "/invitation", w.admin(), "")
                .json()
                .getString("code");
        assertEquals(
                201,
                w.api()
                        .post(
                                "/auth/activate",
                                null,
                                Json.object()
                                        .add("code", code)
                                        .add("username", Fixtures.unique("s-").toLowerCase(Locale.ROOT))
                                        .add("password", Fixtures.PASSWORD)
                                        .build()
                                        .toString())
                        .status());
        ApiClient.Reply again = w.api()
                .post(
                        "/auth/activate",
                        null,
                        Json.object()
                                .add("code", code)
                                .add("username", Fixtures.unique("s-").toLowerCase(Locale.ROOT))
                                .add("password", Fixtures.PASSWORD)
                                .build()
                                .toString());
        assertEquals(400, again.status(), again.toString());
    }

    @Test
    void aStudentWithAnAccountIsNotInvitedAgain() {
        World w = world();
        String ref = w.school() + "/" + freshStudent(w);
        studentToken(w, ref);
        assertEquals(
                409,
                w.api()
                        .post("/students/" + encode(ref) + "/invitation", w.admin(), "")
                        .status());
    }

    @Test
    void anotherSchoolsAdminCannotInviteTheStudent() {
        World w = world();
        String other = w.fixtures().school("East");
        String otherAdmin = w.fixtures().user("SCHOOL_ADMIN", other, null);
        assertEquals(
                404,
                w.api()
                        .post("/students/" + encode(w.a()) + "/invitation", otherAdmin, "")
                        .status());
    }

    @Test
    void aSchoolInvitesItsStudentsWithoutAccountsAsAList() throws IOException {
        World w = world();
        String school = w.fixtures().school("West");
        w.fixtures()
                .students(
                        school,
                        "X,Xu Xi,2003-01-01,xu@example.org,2022,2026,true",
                        "Y,Yan Yu,2003-01-01,yan@example.org,2022,2026,false");
        ApiClient.Reply csv = w.api().post("/schools/" + school + "/invitations?format=csv", w.admin(), "{}");
        assertEquals(201, csv.status(), csv.toString());
        List<String> lines = csv.body().lines().toList();
        assertEquals("ref,full_name,code,expires_at", lines.get(0));
        assertEquals(
                List.of(school + "/X", school + "/Y"),
                lines.stream().skip(1).map(l -> l.split(",")[0]).toList());
    }

    @Test
    void aStudentReadsTheirOwnReport() {
        World w = world();
        String token = studentToken(w, w.a());
        ApiClient.Reply report = w.api().get("/me/report", token);
        assertEquals(200, report.status(), report.toString());
        assertEquals(w.a(), report.json().getString("ref"));
    }

    @Test
    void anotherStudentsReportIsNotFoundForAStudent() {
        World w = world();
        String token = studentToken(w, w.school() + "/" + freshStudent(w));
        assertEquals(
                404,
                w.api().get("/students/" + encode(w.b()) + "/report", token).status());
    }

    @Test
    void anotherStudentsRecordIsNotFoundForAStudent() {
        World w = world();
        String token = studentToken(w, w.school() + "/" + freshStudent(w));
        assertEquals(404, w.api().get("/students/" + encode(w.b()), token).status());
    }

    @Test
    void theDisclosureLogNamesTheAgencyAndRecruiterWhoReadTheReport() {
        World w = world();
        String number = freshStudent(w);
        String ref = w.school() + "/" + number;
        String token = studentToken(w, ref);
        Fixtures.Person recruiter = w.fixtures().person("RECRUITER", null, "NCSC");
        assertEquals(
                200,
                w.api()
                        .get("/students/" + encode(ref) + "/report", recruiter.token())
                        .status());
        List<JsonObject> log = w.api().get("/me/disclosures", token).parse().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .toList();
        assertEquals(
                List.of("NCSC " + recruiter.username() + " VIEW scouting report"),
                log.stream()
                        .map(d -> d.getString("agency") + " " + d.getString("recruiter") + " " + d.getString("action")
                                + " " + d.getString("what"))
                        .toList());
    }

    @Test
    void theExportHoldsTheRecordAndTheConsentHistory() {
        World w = world();
        String token = studentToken(w, w.b());
        ApiClient.Reply export = w.api().get("/me/export", token);
        assertEquals(200, export.status(), export.toString());
        JsonObject record = export.json().getJsonObject("record");
        assertEquals(w.b(), record.getJsonObject("student").getString("ref"));
        assertEquals(1, record.getJsonArray("consents").size());
    }

    @Test
    void theExportAsZipHoldsOneCsvFilePerPart() throws Exception {
        World w = world();
        String token = studentToken(w, w.school() + "/" + freshStudent(w));
        HttpResponse<byte[]> zip = w.api().getBytes("/me/export?format=zip", token);
        assertEquals(200, zip.statusCode());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertEquals(
                List.of(
                        "record.csv",
                        "consents.csv",
                        "rating.csv",
                        "events.csv",
                        "categories.csv",
                        "placements.csv",
                        "disclosures.csv"),
                names);
    }

    @Test
    void aSchoolAdminExportsTheirStudentsData() {
        World w = world();
        String schoolAdmin = w.fixtures().user("SCHOOL_ADMIN", w.school(), null);
        ApiClient.Reply export = w.api().get("/students/" + encode(w.a()) + "/export", schoolAdmin);
        assertEquals(200, export.status(), export.toString());
        assertEquals(w.a(), export.json().getJsonObject("report").getString("ref"));
    }

    private static String freshStudent(World w) {
        String number = Fixtures.unique("N");
        w.fixtures().students(w.school(), number + ",Nia New,2003-05-05,nia@example.org,2022,2026,true");
        return number;
    }
}
