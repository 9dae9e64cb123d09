package org.talentpipeline.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
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
 * Positions and placements are their agency's: another agency's recruiter finds none of them;
 * boards and placement reads are audited with the students they show; a position's edit names the
 * version it started from, and so may a stage move.
 */
@ExtendWith(ArquillianExtension.class)
class PlacementAccessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    private ApiClient api;
    private Fixtures fixtures;
    private String school;

    /** A recruiter of NCSC's new position with two of a new school's students shortlisted. */
    record Position(Fixtures.Person recruiter, long id, long first, long second) {}

    private Position position() {
        api = Deployments.api(deployment);
        fixtures = new Fixtures(api);
        school = fixtures.school("Northwest");
        fixtures.students(
                school,
                "A,Ada Placed,2003-01-01,ada@example.org,2022,2026,true",
                "B,Bob Placed,2003-02-01,bob@example.org,2022,2026,true");
        Fixtures.Person recruiter = fixtures.person("RECRUITER", null, "NCSC");
        ApiClient.Reply created = api.post("/positions", recruiter.token(), positionBody("Analyst", 2));
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        return new Position(
                recruiter, id, shortlist(recruiter, id, school + "/A"), shortlist(recruiter, id, school + "/B"));
    }

    private static String positionBody(String title, int openings) {
        return Json.object()
                .add("title", title)
                .add("workRole", "PD-WRL-001")
                .add("categories", Json.array("web"))
                .add("openings", openings)
                .add("location", "Xi'an")
                .build()
                .toString();
    }

    private long shortlist(Fixtures.Person recruiter, long position, String student) {
        ApiClient.Reply placed = api.post(
                "/placements",
                recruiter.token(),
                Json.object()
                        .add("position", position)
                        .add("student", student)
                        .build()
                        .toString());
        assertEquals(201, placed.status(), placed.toString());
        return placed.json().getJsonNumber("id").longValue();
    }

    private String otherAgency() {
        return fixtures.user("RECRUITER", null, "CERT");
    }

    private List<JsonObject> entries(String query) {
        ApiClient.Reply reply = api.get("/audit?" + query, fixtures.adminToken());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .toList();
    }

    @Test
    void anotherAgencysRecruiterDoesNotFindThePosition() {
        Position p = position();
        assertEquals(404, api.get("/positions/" + p.id(), otherAgency()).status());
    }

    @Test
    void anotherAgencysRecruiterDoesNotFindTheBoard() {
        Position p = position();
        assertEquals(
                404, api.get("/positions/" + p.id() + "/board", otherAgency()).status());
    }

    @Test
    void anotherAgencysRecruiterDoesNotFindThePlacement() {
        Position p = position();
        assertEquals(404, api.get("/placements/" + p.first(), otherAgency()).status());
    }

    @Test
    void anotherAgencysRecruiterCannotChangeThePosition() {
        Position p = position();
        assertEquals(
                404,
                api.put("/positions/" + p.id(), otherAgency(), positionBody("Taken", 1), "\"1\"")
                        .status());
    }

    @Test
    void anotherAgencysRecruiterCannotMoveThePlacement() {
        Position p = position();
        assertEquals(
                404,
                api.post(
                                "/placements/" + p.first() + "/stage",
                                otherAgency(),
                                Json.object().add("stage", "CONTACTED").build().toString())
                        .status());
    }

    @Test
    void anotherAgencysRecruiterCannotShortlistForThePosition() {
        Position p = position();
        assertEquals(
                404,
                api.post(
                                "/placements",
                                otherAgency(),
                                Json.object()
                                        .add("position", p.id())
                                        .add("student", school + "/A")
                                        .build()
                                        .toString())
                        .status());
    }

    @Test
    void anotherAgencysPositionsAreNotListed() {
        Position p = position();
        List<Long> listed = api.get("/positions", otherAgency()).parse().asJsonArray().stream()
                .map(v -> ((JsonObject) v).getJsonNumber("id").longValue())
                .filter(id -> id == p.id())
                .toList();
        assertEquals(List.of(), listed);
    }

    @Test
    void theAdminReadsAnyAgencysBoard() {
        Position p = position();
        assertEquals(
                200,
                api.get("/positions/" + p.id() + "/board", fixtures.adminToken())
                        .status());
    }

    @Test
    void aBoardViewIsOneEntryListingThePlacedStudents() {
        Position p = position();
        assertEquals(
                200,
                api.get("/positions/" + p.id() + "/board", p.recruiter().token())
                        .status());
        List<JsonObject> views = entries("actor=" + p.recruiter().username() + "&action=VIEW");
        assertEquals(1, views.size(), views.toString());
        assertEquals("board:position " + p.id(), views.get(0).getString("subject"));
        assertEquals(
                "student:" + school + "/A, student:" + school + "/B",
                views.get(0).getString("detail"));
    }

    @Test
    void theSchoolAdminFindsTheBoardViewByTheirStudent() {
        Position p = position();
        assertEquals(
                200,
                api.get("/positions/" + p.id() + "/board", p.recruiter().token())
                        .status());
        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", school, null);
        ApiClient.Reply reply = api.get(
                "/audit?action=VIEW&subject=student:" + school + "/B&actor="
                        + p.recruiter().username(),
                schoolAdmin);
        assertEquals(1, reply.json().getInt("total"), reply.toString());
    }

    @Test
    void aPlacementReadIsAnEntryNamingItsStudent() {
        Position p = position();
        assertEquals(
                200, api.get("/placements/" + p.second(), p.recruiter().token()).status());
        List<JsonObject> views = entries("actor=" + p.recruiter().username() + "&action=VIEW");
        assertEquals(1, views.size(), views.toString());
        assertEquals("student:" + school + "/B", views.get(0).getString("subject"));
    }

    @Test
    void aPositionAnswersItsVersionAsETag() {
        Position p = position();
        ApiClient.Reply read = api.get("/positions/" + p.id(), p.recruiter().token());
        assertEquals("\"" + read.json().getJsonNumber("version").longValue() + "\"", read.etag());
    }

    @Test
    void aPositionChangeWithoutIfMatchIsRefused() {
        Position p = position();
        assertEquals(
                428,
                api.put("/positions/" + p.id(), p.recruiter().token(), positionBody("Lead", 1))
                        .status());
    }

    @Test
    void aPositionChangeFromAStaleVersionIsRefused() {
        Position p = position();
        String etag = api.get("/positions/" + p.id(), p.recruiter().token()).etag();
        assertEquals(
                200,
                api.put("/positions/" + p.id(), p.recruiter().token(), positionBody("Lead", 1), etag)
                        .status());
        assertEquals(
                412,
                api.put("/positions/" + p.id(), p.recruiter().token(), positionBody("Senior", 1), etag)
                        .status());
    }

    @Test
    void aPositionChangeFromTheCurrentVersionAnswersTheNextVersion() {
        Position p = position();
        String etag = api.get("/positions/" + p.id(), p.recruiter().token()).etag();
        ApiClient.Reply changed = api.put("/positions/" + p.id(), p.recruiter().token(), positionBody("Lead", 1), etag);
        assertEquals("Lead", changed.json().getString("title"));
        assertEquals(api.get("/positions/" + p.id(), p.recruiter().token()).etag(), changed.etag());
    }

    @Test
    void aStageMoveFromAStaleVersionIsRefused() {
        Position p = position();
        String seen = api.get("/placements/" + p.first(), p.recruiter().token()).etag();
        assertEquals(
                200,
                api.postIfMatch(
                                "/placements/" + p.first() + "/stage",
                                p.recruiter().token(),
                                Json.object().add("stage", "CONTACTED").build().toString(),
                                seen)
                        .status());
        assertEquals(
                412,
                api.postIfMatch(
                                "/placements/" + p.first() + "/stage",
                                p.recruiter().token(),
                                Json.object().add("stage", "WITHDRAWN").build().toString(),
                                seen)
                        .status(),
                "a withdrawal is legal from where it stands now, but not from what was seen");
    }

    @Test
    void aStageMoveFromTheCurrentVersionAnswersTheNextVersion() {
        Position p = position();
        String seen = api.get("/placements/" + p.first(), p.recruiter().token()).etag();
        ApiClient.Reply moved = api.postIfMatch(
                "/placements/" + p.first() + "/stage",
                p.recruiter().token(),
                Json.object().add("stage", "CONTACTED").build().toString(),
                seen);
        assertEquals("CONTACTED", moved.json().getString("stage"));
        assertEquals(api.get("/placements/" + p.first(), p.recruiter().token()).etag(), moved.etag());
    }
}
