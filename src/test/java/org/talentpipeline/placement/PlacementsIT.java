package org.talentpipeline.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Candidate search under the consent rules, audited report views, positions and the placement stages, through the API. */
@ExtendWith(ArquillianExtension.class)
class PlacementsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void recruitersFindOnlyConsentingCandidatesAndMoveThemThroughTheStages() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        String school = fixtures.school("Northwest");
        fixtures.students(
                school,
                "A,Ada Adult,2003-01-01,ada@example.org,2022,2026,true",
                "B,Bo Private,2003-02-01,bo@example.org,2022,2026,false",
                "C,Cy Minor,2010-03-01,cy@example.org,2025,2029,true");
        fixtures.ratedEvent("HIRE", "2026-09-01", school + "/B", school + "/A", school + "/C");

        String recruiter = fixtures.user("RECRUITER", null, "NCSC");
        List<JsonObject> found =
                items(api.get("/candidates?school=" + school, recruiter).json());
        assertEquals(
                List.of(school + "/A", school + "/C"),
                found.stream().map(o -> o.getString("ref")).toList(),
                "the best result's student did not consent and never appears");
        assertEquals("ada@example.org", found.get(0).getString("email"));
        assertTrue(found.get(1).getBoolean("minor"));
        assertTrue(
                !found.get(1).containsKey("email") || found.get(1).isNull("email"),
                "a minor appears without contact details");
        assertEquals(
                400, api.get("/candidates?minCategoryPercentile=120", recruiter).status());

        assertEquals(
                404, api.get("/students/" + school + "/B/report", recruiter).status(), "no consent, no report");
        assertEquals(
                200, api.get("/students/" + school + "/A/report", recruiter).status());
        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", school, null);
        List<JsonObject> views = items(api.get("/audit?subject=student:" + school + "/A&action=VIEW", schoolAdmin)
                .json());
        assertFalse(views.isEmpty(), "the school sees that its student's report was opened");
        assertEquals("scouting report", views.get(0).getString("detail"));

        var created = api.post(
                "/positions",
                recruiter,
                Json.object()
                        .add("title", "Analyst")
                        .add("workRole", "PD-WRL-001")
                        .add("categories", Json.array("web"))
                        .add("openings", 2)
                        .add("location", "Xi'an")
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.body());
        long position = created.json().getJsonNumber("id").longValue();
        var bad = api.post(
                "/positions",
                recruiter,
                Json.object().add("title", "").add("openings", 0).build().toString());
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("openings") && bad.body().contains("title"), bad.body());

        assertEquals(
                404,
                api.post(
                                "/placements",
                                recruiter,
                                Json.object()
                                        .add("position", position)
                                        .add("student", school + "/B")
                                        .build()
                                        .toString())
                        .status(),
                "a student without consent cannot be shortlisted");
        var placed = api.post(
                "/placements",
                recruiter,
                Json.object()
                        .add("position", position)
                        .add("student", school + "/A")
                        .add("note", "strong web")
                        .build()
                        .toString());
        assertEquals(201, placed.status(), placed.body());
        long placement = placed.json().getJsonNumber("id").longValue();
        assertEquals("SHORTLISTED", placed.json().getString("stage"));
        assertEquals(
                409,
                api.post(
                                "/placements/" + placement + "/stage",
                                recruiter,
                                Json.object().add("stage", "OFFERED").build().toString())
                        .status(),
                "stages are not skipped");
        ApiClient.Reply longNote = api.post(
                "/placements/" + placement + "/stage",
                recruiter,
                Json.object()
                        .add("stage", "CONTACTED")
                        .add("note", "x".repeat(1001))
                        .build()
                        .toString());
        assertEquals(400, longNote.status(), longNote.body());
        assertEquals(
                "[{\"field\":\"note\",\"message\":\"must be at most 1000 characters\"}]",
                longNote.json().getJsonArray("details").toString());
        JsonObject moved = api.post(
                        "/placements/" + placement + "/stage",
                        recruiter,
                        Json.object()
                                .add("stage", "CONTACTED")
                                .add("note", "called")
                                .build()
                                .toString())
                .json();
        assertEquals("CONTACTED", moved.getString("stage"));
        assertEquals(2, moved.getJsonArray("history").size());
        assertEquals("called", moved.getJsonArray("history").getJsonObject(1).getString("note"));
        assertEquals(
                200,
                api.post(
                                "/placements/" + placement + "/stage",
                                recruiter,
                                Json.object().add("stage", "WITHDRAWN").build().toString())
                        .status(),
                "an open stage may be withdrawn");
        assertEquals(
                409,
                api.post(
                                "/placements/" + placement + "/stage",
                                recruiter,
                                Json.object().add("stage", "CONTACTED").build().toString())
                        .status(),
                "a final stage is final");
        String otherRecruiter = fixtures.user("RECRUITER", null, "CERT");
        assertEquals(404, api.get("/placements/" + placement, otherRecruiter).status(), "another agency's placement");

        // withdrawing consent takes the student out of searches and reports at once
        assertEquals(
                200,
                api.post(
                                "/students/" + school + "/A/consent",
                                admin,
                                Json.object().add("granted", false).build().toString())
                        .status());
        assertEquals(
                List.of(school + "/C"),
                items(api.get("/candidates?school=" + school, recruiter).json()).stream()
                        .map(o -> o.getString("ref"))
                        .toList());
        assertEquals(
                404, api.get("/students/" + school + "/A/report", recruiter).status());
        JsonObject board =
                api.get("/positions/" + position + "/board", recruiter).json();
        JsonObject withdrawn = board.getJsonArray("WITHDRAWN").getJsonObject(0);
        assertEquals(school + "/A", withdrawn.getString("student"));
        assertTrue(
                !withdrawn.containsKey("fullName") || withdrawn.isNull("fullName"),
                "the board keeps only the ref of a student who withdrew consent");
    }

    @Test
    void aRegionSearchFollowsRatingsAndTheSchoolsMove() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        String region = Fixtures.unique("Region ");
        String school = fixtures.school(region);
        fixtures.students(
                school,
                "A,Al First,2003-01-01,al@example.org,2022,2026,true",
                "B,Bea Second,2003-02-01,bea@example.org,2022,2027,true",
                "C,Cas Private,2003-03-01,cas@example.org,2022,2026,false");
        String recruiter = fixtures.user("RECRUITER", null, "NCSC");
        assertEquals(
                List.of(),
                refs(api, "/candidates?region=" + encode(region), recruiter),
                "no ratings yet: no candidates");

        fixtures.ratedEvent("REGION", "2026-10-01", school + "/C", school + "/B", school + "/A");
        assertEquals(
                List.of(school + "/B", school + "/A"),
                refs(api, "/candidates?region=" + encode(region), recruiter),
                "rated on posting, by score, without the student who did not consent");
        assertEquals(
                List.of(school + "/A"), refs(api, "/candidates?region=" + encode(region) + "&gradTo=2026", recruiter));
        assertEquals(
                2,
                total(api, "/candidates?region=" + encode(region) + "&size=1", recruiter),
                "counted, not the page's size");

        // what the region's walk filters on follows each way of changing it: the form or API, a consent, an import
        var edited = api.edit(
                "/students/" + school + "/B",
                admin,
                Json.object()
                        .add("studentNumber", "B")
                        .add("fullName", "Bea Second")
                        .add("dateOfBirth", "2003-02-01")
                        .add("enrollmentYear", 2022)
                        .add("expectedGraduationYear", 2026)
                        .build()
                        .toString());
        assertEquals(200, edited.status(), edited.toString());
        assertEquals(
                List.of(school + "/B", school + "/A"),
                refs(api, "/candidates?region=" + encode(region) + "&gradTo=2026", recruiter));
        assertEquals(
                200,
                api.post(
                                "/students/" + school + "/B/consent",
                                admin,
                                Json.object().add("granted", false).build().toString())
                        .status());
        assertEquals(List.of(school + "/A"), refs(api, "/candidates?region=" + encode(region), recruiter));
        assertEquals(1, total(api, "/candidates?region=" + encode(region) + "&minScore=0&size=1", recruiter));
        fixtures.students(
                school,
                "A,Al First,2003-01-01,al@example.org,2022,2028,true",
                "B,Bea Second,2003-02-01,bea@example.org,2022,2026,true");
        assertEquals(
                List.of(school + "/B", school + "/A"), refs(api, "/candidates?region=" + encode(region), recruiter));
        assertEquals(
                List.of(school + "/B"), refs(api, "/candidates?region=" + encode(region) + "&gradTo=2026", recruiter));

        // the school moves: its students are found in the new region at once, not in the old one
        String moved = Fixtures.unique("Region ");
        var updated = api.edit(
                "/schools/" + school,
                admin,
                Json.object()
                        .add("name", "Test School " + school)
                        .add("region", moved)
                        .add("city", "Testville")
                        .add("type", "UNIVERSITY")
                        .build()
                        .toString());
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(List.of(), refs(api, "/candidates?region=" + encode(region), recruiter));
        assertEquals(
                List.of(school + "/B", school + "/A"), refs(api, "/candidates?region=" + encode(moved), recruiter));

        // a full recompute writes the region's table afresh: the same candidates
        assertEquals(202, api.post("/scoring/recompute", admin, "").status());
        Fixtures.awaitScoring(api, admin);
        assertEquals(
                List.of(school + "/B", school + "/A"), refs(api, "/candidates?region=" + encode(moved), recruiter));
        assertEquals(List.of(), refs(api, "/candidates?region=" + encode(region), recruiter));
    }

    @Test
    void fitToAWorkRoleRanksByTheRolesCompetitionCategories() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        String school = fixtures.school(Fixtures.unique("Region "));
        fixtures.students(
                school,
                "A,Al First,2003-01-01,al@example.org,2022,2026,true",
                "B,Bea Second,2003-02-01,bea@example.org,2022,2027,true",
                "C,Cas Third,2003-03-01,cas@example.org,2022,2026,true",
                "D,Dee Fourth,2003-04-01,dee@example.org,2022,2026,true");
        // A, B and C list the role; D does not
        for (String student : List.of("A", "B", "C")) {
            var listed = api.edit(
                    "/students/" + school + "/" + student,
                    admin,
                    Json.object()
                            .add("studentNumber", student)
                            .add("fullName", student + " Student")
                            .add("dateOfBirth", "2003-01-01")
                            .add("enrollmentYear", 2022)
                            .add("expectedGraduationYear", 2026)
                            .add("skills", Json.array().add("PD-WRL-006"))
                            .build()
                            .toString());
            assertEquals(200, listed.status(), listed.toString());
        }
        // an event whose category (a name of its own) maps onto the role: overall A > B > C > D, in it C > B > A
        String category = Fixtures.unique("threat").toLowerCase(Locale.ROOT);
        String event = Fixtures.unique("FIT-");
        assertEquals(
                201,
                api.post(
                                "/events",
                                admin,
                                Json.object()
                                        .add("code", event)
                                        .add("name", "Fit Cup")
                                        .add("competition", "FIT")
                                        .add("level", "NATIONAL")
                                        .add("format", "JEOPARDY")
                                        .add("startDate", "2026-10-05")
                                        .add("endDate", "2026-10-05")
                                        .add(
                                                "categories",
                                                Json.array()
                                                        .add(Json.object()
                                                                .add("name", category)
                                                                .add("workRole", "PD-WRL-006")))
                                        .build()
                                        .toString())
                        .status());
        Fixtures.awaitScoring(api, admin);
        assertEquals(
                200,
                api.post(
                                "/events/" + event + "/results",
                                admin,
                                "place,competitor,points,category:" + category + "\n" + "1," + school + "/A,400,10\n2,"
                                        + school + "/B,300,20\n3," + school + "/C,200,30\n4," + school + "/D,100,40\n",
                                "text/csv")
                        .status());
        Fixtures.awaitScoring(api, admin);
        String recruiter = fixtures.user("RECRUITER", null, "NCSC");

        String role = "/candidates?school=" + school + "&workRole=PD-WRL-006";
        assertEquals(
                List.of(school + "/A", school + "/B", school + "/C"),
                refs(api, role, recruiter),
                "the role's filter keeps those who list it, by talent score");
        assertEquals(
                List.of(school + "/C", school + "/B", school + "/A"),
                refs(api, role + "&sort=fit", recruiter),
                "by fit: their talent score in the role's category");
        List<JsonObject> byFit = items(api.get(role + "&sort=fit", recruiter).json());
        JsonObject inCategory = items(
                        api.get("/candidates?school=" + school + "&category=" + category + "&sort=category", recruiter)
                                .json())
                .stream()
                .filter(o -> o.getString("ref").equals(school + "/C"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                inCategory.getJsonNumber("categoryScore").doubleValue(),
                byFit.get(0).getJsonNumber("fit").doubleValue(),
                "C's fit is C's talent score in the category");
    }

    private static List<String> refs(ApiClient api, String path, String token) {
        ApiClient.Reply reply = api.get(path, token);
        assertEquals(200, reply.status(), reply.toString());
        return items(reply.json()).stream().map(o -> o.getString("ref")).toList();
    }

    private static long total(ApiClient api, String path, String token) {
        ApiClient.Reply reply = api.get(path, token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonNumber("total").longValue();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<JsonObject> items(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void anAgencyCodeOfOneLetterIsRefusedNamingTheCode() {
        ApiClient api = Deployments.api(deployment);
        ApiClient.Reply refused = api.post(
                "/agencies",
                new Fixtures(api).adminToken(),
                Json.object().add("code", "X").add("name", "Ex Agency").build().toString());
        assertEquals(400, refused.status());
        assertEquals(
                "[{\"field\":\"code\",\"message\":\"must be 2 to 16 letters, digits or dashes\"}]",
                refused.json().getJsonArray("details").toString());
    }

    @Test
    void aShortlistWithoutAStudentIsRefusedNamingTheStudent() {
        ApiClient api = Deployments.api(deployment);
        String recruiter = new Fixtures(api).user("RECRUITER", null, "NCSC");
        ApiClient.Reply refused = api.post("/placements", recruiter, "{\"position\": 1}");
        assertEquals(400, refused.status());
        assertEquals(
                "[{\"field\":\"student\",\"message\":\"is required (a student ref)\"}]",
                refused.json().getJsonArray("details").toString());
    }
}
