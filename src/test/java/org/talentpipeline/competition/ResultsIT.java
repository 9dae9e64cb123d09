package org.talentpipeline.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
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

/** Events and their results through the running application's API, in every format. */
@ExtendWith(ArquillianExtension.class)
class ResultsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    String evaluator;
    String school;

    @BeforeEach
    void setUp() {
        api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        evaluator = api.token("evaluator", Fixtures.DEMO_PASSWORD);
        school = fixtures.school("North");
        StringBuilder csv =
                new StringBuilder("student_number,full_name,date_of_birth,enrollment_year,expected_graduation_year\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("R")
                    .append(i)
                    .append(",Player ")
                    .append(i)
                    .append(",2004-01-0")
                    .append(i)
                    .append(",2023,2027\n");
        }
        assertEquals(
                200,
                api.post("/schools/" + school + "/students/import", fixtures.adminToken(), csv.toString(), "text/csv")
                        .status());
    }

    String ref(int i) {
        return school + "/R" + i;
    }

    String event(String format) {
        String code = Fixtures.unique("EV-");
        ApiClient.Reply created = api.post(
                "/events",
                evaluator,
                Json.object()
                        .add("code", code)
                        .add("name", "Test Cup " + code)
                        .add("competition", "TESTCUP")
                        .add("competitionName", "Test Cup")
                        .add("level", "NATIONAL")
                        .add("format", format)
                        .add("startDate", "2026-05-01")
                        .add("endDate", "2026-05-02")
                        .add(
                                "categories",
                                jakarta.json.Json.createArrayBuilder()
                                        .add(Json.object().add("name", "web").add("workRole", "DD-WRL-005"))
                                        .add(Json.object().add("name", "pwn").add("workRole", "PD-WRL-007")))
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.toString());
        assertEquals(1.0, created.json().getJsonNumber("weight").doubleValue(), "a national event's default weight");
        return code;
    }

    JsonArray board(String event) {
        return api.get("/events/" + event + "/results", evaluator).json().getJsonArray("items");
    }

    @Test
    void aSolveLogGivesTheRankingCtfdWouldGive() {
        String event = event("JEOPARDY");
        String log = "challenge,category,competitor,time,points\n"
                + "w1,web," + ref(1) + ",2026-05-01T10:00:00Z,100\n"
                + "p1,pwn," + ref(1) + ",2026-05-01T10:30:00Z,200\n"
                + "p1,pwn," + ref(2) + ",2026-05-01T10:10:00Z,200\n"
                + "w1,web," + ref(2) + ",2026-05-01T10:20:00Z,100\n"
                + "p2,pwn," + ref(3) + ",2026-05-01T09:00:00Z,300\n"
                + "w1,web," + ref(4) + ",2026-05-01T10:20:00Z,100\n"
                + "w1,web," + ref(5) + ",2026-05-01T10:20:00Z,100\n";
        ApiClient.Reply posted = api.post("/events/" + event + "/results?format=solves", evaluator, log, "text/csv");
        assertEquals(200, posted.status(), posted.toString());
        assertEquals(5, posted.json().getInt("stored"));
        JsonArray board = board(event);
        StringBuilder order = new StringBuilder();
        board.forEach(v -> order.append(v.asJsonObject().getInt("place"))
                .append(':')
                .append(v.asJsonObject().getString("competitor"))
                .append(' '));
        assertEquals(
                "1:" + ref(3) + " 2:" + ref(2) + " 3:" + ref(1) + " 4:" + ref(4) + " 4:" + ref(5) + " ",
                order.toString(),
                "points, then the earlier final solve; equal both ways is a tie");
        JsonObject third = board.getJsonObject(2);
        assertEquals(
                200.0, third.getJsonObject("categories").getJsonNumber("pwn").doubleValue());
        assertEquals(
                5, api.get("/events/" + event + "/results", evaluator).json().getInt("fieldSize"));
        assertEquals(5, api.get("/events/" + event, evaluator).json().getInt("fieldSize"));
    }

    @Test
    void anUnknownCompetitorRejectsTheFileNamingItAndStoresNothing() {
        String event = event("JEOPARDY");
        assertEquals(
                200,
                api.post(
                                "/events/" + event + "/results",
                                evaluator,
                                "place,competitor,points\n1," + ref(1) + ",500\n",
                                "text/csv")
                        .status());
        ApiClient.Reply rejected = api.post(
                "/events/" + event + "/results",
                evaluator,
                "place,competitor,points\n1," + ref(2) + ",900\n2," + school + "/NOBODY,800\n3,Ghost Team,10\n",
                "text/csv");
        assertEquals(400, rejected.status(), rejected.toString());
        String unmatched = rejected.json().getJsonArray("unmatched").toString();
        assertTrue(unmatched.contains(school + "/NOBODY") && unmatched.contains("Ghost Team"), unmatched);
        JsonArray board = board(event);
        assertEquals(1, board.size(), "the earlier results stand, nothing of the rejected file is stored");
        assertEquals(ref(1), board.getJsonObject(0).getString("competitor"));
    }

    @Test
    void teamsRankingsAndCtfdScoreboardsWithMembers() {
        String event = event("ATTACK_DEFENSE");
        ApiClient.Reply json = api.post(
                "/events/" + event + "/results",
                evaluator,
                "[{\"place\":1,\"competitor\":\"Red\","
                        + "\"points\":900,\"members\":[\"" + ref(1) + "\",\"" + ref(2)
                        + "\"],\"categories\":{\"web\":400,\"pwn\":500}},"
                        + "{\"place\":2,\"competitor\":\"Blue\",\"points\":700,\"members\":[\"" + ref(3) + "\"]},"
                        + "{\"place\":2,\"competitor\":\"" + ref(4) + "\",\"points\":700}]",
                "application/json");
        assertEquals(200, json.status(), json.toString());
        assertEquals(
                "2 2",
                board(event).getJsonObject(1).getInt("place") + " "
                        + board(event).getJsonObject(2).getInt("place"),
                "ties stay ties");

        String ctfd =
                "{\"success\":true,\"data\":[{\"pos\":1,\"name\":\"Blue\",\"score\":1000,\"members\":[{\"name\":\""
                        + ref(3) + "\"}]},{\"pos\":2,\"name\":\"Red\",\"score\":800,\"members\":[{\"name\":\"" + ref(1)
                        + "\"},{\"name\":\"" + ref(2) + "\"}]}]}";
        ApiClient.Reply again =
                api.post("/events/" + event + "/results?format=ctfd", evaluator, ctfd, "application/json");
        assertEquals(200, again.status(), again.toString());
        JsonArray board = board(event);
        assertEquals(2, board.size(), "posting again replaces the results");
        assertEquals("Blue", board.getJsonObject(0).getString("competitor"));

        ApiClient.Reply registered = api.post(
                "/events/" + event + "/results", evaluator, "place,competitor,points\n1,Red,5\n2,Blue,4\n", "text/csv");
        assertEquals(200, registered.status(), "teams registered by an earlier post match by name: " + registered);
    }

    @Test
    void teamsAreRegisteredOnceAndAStudentIsInOneTeamPerEvent() {
        String event = event("ATTACK_DEFENSE");
        ApiClient.Reply red = api.post(
                "/events/" + event + "/teams",
                evaluator,
                "{\"name\":\"Red\",\"members\":[\"" + ref(6) + "\",\"" + ref(7) + "\"]}");
        assertEquals(201, red.status(), red.toString());
        ApiClient.Reply overlap = api.post(
                "/events/" + event + "/teams",
                evaluator,
                "{\"name\":\"Blue\",\"members\":[\"" + ref(7) + "\",\"" + ref(8) + "\"]}");
        assertEquals(400, overlap.status(), "a student is in at most one team per event");
        assertTrue(overlap.body().contains("another team"), overlap.toString());
        assertEquals(
                409,
                api.post(
                                "/events/" + event + "/teams",
                                evaluator,
                                "{\"name\":\"Red\",\"members\":[\"" + ref(8) + "\"]}")
                        .status());
        JsonArray teams =
                api.get("/events/" + event + "/teams", evaluator).parse().asJsonArray();
        assertEquals(1, teams.size());
        assertEquals(2, teams.getJsonObject(0).getJsonArray("members").size());
        assertEquals(
                200,
                api.post(
                                "/events/" + event + "/results",
                                evaluator,
                                "place,competitor,points\n1,Red,50\n2," + ref(8) + ",40\n",
                                "text/csv")
                        .status(),
                "a registered team matches by name");
    }

    @Test
    void badFilesAreAnsweredWithTheReason() {
        String event = event("JEOPARDY");
        ApiClient.Reply twice = api.post(
                "/events/" + event + "/results",
                evaluator,
                "place,competitor,points\n1," + ref(1) + ",5\n2,Team,4," + "\n",
                "text/csv");
        assertEquals(400, twice.status());
        ApiClient.Reply sameStudent = api.post(
                "/events/" + event + "/results",
                evaluator,
                "place,competitor,points,members\n1," + ref(1) + ",5,\n2,Team Z,4," + ref(1) + "\n",
                "text/csv");
        assertEquals(400, sameStudent.status());
        assertTrue(sameStudent.body().contains("already on row 2"), sameStudent.toString());
        ApiClient.Reply negative = api.post(
                "/events/" + event + "/results",
                evaluator,
                "place,competitor,points\n1," + ref(1) + ",-5\n",
                "text/csv");
        assertEquals(400, negative.status());
        assertTrue(negative.body().contains("\"field\":\"points\""), negative.toString());
        ApiClient.Reply malformed =
                api.post("/events/" + event + "/results", evaluator, "[{\"place\":1,", "application/json");
        assertEquals(400, malformed.status());
        assertTrue(malformed.body().contains("malformed JSON"), malformed.toString());
        ApiClient.Reply empty = api.post("/events/" + event + "/results", evaluator, "", "text/csv");
        assertEquals(400, empty.status());
        ApiClient.Reply badCsv = api.post(
                "/events/" + event + "/results",
                evaluator,
                "place,competitor,points\n1,\"" + ref(1) + ",5\n",
                "text/csv");
        assertEquals(400, badCsv.status());
        assertEquals(0, board(event).size(), "none of the bad files stored anything");
        ApiClient.Reply wrongFormat =
                api.post("/events/" + event + "/results?format=excel", evaluator, "x", "text/csv");
        assertEquals(400, wrongFormat.status());
    }

    @Test
    void aTeamWithoutANameOrMembersIsRefusedNamingBoth() {
        ApiClient.Reply refused =
                api.post("/events/" + event("ATTACK_DEFENSE") + "/teams", evaluator, "{\"name\":\" \",\"members\":[]}");
        assertEquals(400, refused.status(), refused.toString());
        assertEquals(
                "[{\"field\":\"name\",\"message\":\"is required, and may not look like a student ref\"},"
                        + "{\"field\":\"members\",\"message\":\"at least one member (a student ref) is required\"}]",
                refused.json().getJsonArray("details").toString());
    }

    @Test
    void aTeamNamedLikeAStudentRefIsRefused() {
        ApiClient.Reply refused = api.post(
                "/events/" + event("ATTACK_DEFENSE") + "/teams",
                evaluator,
                "{\"name\":\"" + ref(9) + "\",\"members\":[\"" + ref(9) + "\"]}");
        assertEquals(400, refused.status(), refused.toString());
        assertEquals(
                "[{\"field\":\"name\",\"message\":\"is required, and may not look like a student ref\"}]",
                refused.json().getJsonArray("details").toString());
    }

    @Test
    void onlyAdminsAndEvaluatorsManageEventsAndReadScoreboards() {
        String event = event("JEOPARDY");
        String recruiter = api.token("recruiter", Fixtures.DEMO_PASSWORD);
        assertEquals(200, api.get("/events/" + event, recruiter).status(), "the catalogue is readable");
        assertEquals(403, api.get("/events/" + event + "/results", recruiter).status(), "a scoreboard names students");
        assertEquals(403, api.post("/events", recruiter, "{}").status());
        ApiClient.Reply invalid = api.post(
                "/events",
                evaluator,
                Json.object()
                        .add("code", "x")
                        .add("name", "")
                        .add("level", "GALACTIC")
                        .build()
                        .toString());
        assertEquals(400, invalid.status());
        assertTrue(
                invalid.body().contains("\"field\":\"level\"") && invalid.body().contains("NATIONAL"),
                invalid.toString());
    }
}
