package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
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

/** From posted results to the scouting report, through the running application's API. */
@ExtendWith(ArquillianExtension.class)
class ScoringIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void resultsGiveTalentScoresInOrderAndTheReportExplainsThemRepostsAreUndoneAndRecomputeEqualsIncremental() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        String school = fixtures.school("North");
        assertEquals(
                200,
                api.post(
                                "/schools/" + school + "/students/import",
                                admin,
                                "student_number,full_name,date_of_birth,enrollment_year,expected_graduation_year\n"
                                        + "A,Ada,2004-01-01,2023,2027\nB,Bo,2004-01-02,2023,2027\nC,Cy,2004-01-03,2023,2027\n",
                                "text/csv")
                        .status());
        String first = event(api, admin, "2026-07-01");
        Fixtures.awaitScoring(api, admin);
        assertEquals(
                200,
                api.post(
                                "/events/" + first + "/results",
                                admin,
                                "place,competitor,points\n1," + school + "/A,300\n2," + school + "/B,200\n3," + school
                                        + "/C,100\n",
                                "text/csv")
                        .status());
        Fixtures.awaitScoring(api, admin);

        JsonObject a = report(api, admin, school, "A");
        JsonObject c = report(api, admin, school, "C");
        assertTrue(
                score(a) > score(report(api, admin, school, "B")) && score(report(api, admin, school, "B")) > score(c));
        assertEquals(ScoringSettings.CURRENT.version(), a.getString("modelVersion"));
        JsonObject effect = a.getJsonArray("events").getJsonObject(0);
        assertEquals(first, effect.getString("event"));
        assertEquals(1, effect.getInt("place"));
        assertEquals(3, effect.getInt("fieldSize"));
        assertTrue(effect.getJsonNumber("change").doubleValue() > 0, "the winner's event raised their rating");
        assertEquals(2, effect.getInt("expectedPlace"), "three newcomers: the middle place expected");
        assertEquals(1500.0, effect.getJsonNumber("fieldStrength").doubleValue());
        assertEquals(
                ScoringSettings.CURRENT.initialSigma(),
                effect.getJsonNumber("sigmaBefore").doubleValue());
        assertEquals(
                "1st of 3 where about 2nd was expected: +"
                        + Math.round(effect.getJsonNumber("change").doubleValue()),
                effect.getJsonObject("sentence").getString("en"));
        assertEquals(
                "3 人中第 1 名，预期约第 2 名：+"
                        + Math.round(effect.getJsonNumber("change").doubleValue()),
                effect.getJsonObject("sentence").getString("zh-CN"));
        assertEquals(
                ScoringSettings.CURRENT.talentScore().formula(),
                a.getJsonObject("talentScoreFormula").getString("formula"));
        assertTrue(c.getJsonArray("events")
                        .getJsonObject(0)
                        .getJsonNumber("change")
                        .doubleValue()
                < 0);
        assertTrue(a.getJsonObject("percentiles").getJsonNumber("school").doubleValue()
                > c.getJsonObject("percentiles").getJsonNumber("school").doubleValue());

        // corrected results replace the first ones: the ratings follow as if the first had never been
        assertEquals(
                200,
                api.post(
                                "/events/" + first + "/results",
                                admin,
                                "place,competitor,points\n1," + school + "/C,300\n2," + school + "/B,200\n3," + school
                                        + "/A,100\n",
                                "text/csv")
                        .status());
        Fixtures.awaitScoring(api, admin);
        a = report(api, admin, school, "A");
        c = report(api, admin, school, "C");
        assertTrue(score(c) > score(a), "after the correction C leads: " + score(c) + " > " + score(a));
        assertEquals(1, a.getJsonArray("events").size(), "the replaced results left no trace");
        assertEquals(3, a.getJsonArray("events").getJsonObject(0).getInt("place"));

        // a later event with category points gives a skill profile
        String second = event(api, admin, "2026-08-01");
        assertEquals(
                200,
                api.post(
                                "/events/" + second + "/results",
                                admin,
                                "place,competitor,points,category:web,category:pwn\n" + "1," + school
                                        + "/A,300,100,200\n2," + school + "/B,200,150,50\n3," + school
                                        + "/C,100,0,100\n",
                                "text/csv")
                        .status());
        Fixtures.awaitScoring(api, admin);
        a = report(api, admin, school, "A");
        assertEquals(2, a.getJsonArray("events").size());
        JsonObject skills = a.getJsonObject("categories");
        assertTrue(skills.containsKey("web") && skills.containsKey("pwn"), "skill profile: " + skills);
        assertEquals(
                java.util.Set.of("pwn"),
                report(api, admin, school, "C").getJsonObject("categories").keySet(),
                "C scored nothing in web: no evidence, no web skill");
        assertTrue(
                skills.getJsonObject("pwn").getJsonNumber("mu").doubleValue()
                        > skills.getJsonObject("web").getJsonNumber("mu").doubleValue(),
                "A was best in pwn, second in web");

        // a full recompute smooths the whole history (settings 2026.12-elo-mmr-smoothed): it may move what the updates
        // gave,
        // and a second one gives the very same numbers; each explanation ends at the rating it explains
        JsonObject[] once = recompute(api, admin, school);
        JsonObject[] twice = recompute(api, admin, school);
        String[] refs = {"A", "B", "C"};
        for (int i = 0; i < 3; i++) {
            for (String field :
                    new String[] {"talentScore", "mu", "sigma", "events", "categories", "growth", "talentScoreFormula"
                    }) {
                assertEquals(once[i].get(field), twice[i].get(field), refs[i] + " " + field);
            }
            var events = twice[i].getJsonArray("events");
            assertEquals(
                    twice[i].getJsonNumber("mu").doubleValue(),
                    events.getJsonObject(events.size() - 1)
                            .getJsonNumber("muAfter")
                            .doubleValue(),
                    refs[i] + " mu");
        }

        // an update after the recompute rates the next event forward from the smoothed ratings
        String third = event(api, admin, "2026-09-01");
        assertEquals(
                200,
                api.post(
                                "/events/" + third + "/results",
                                admin,
                                "place,competitor,points\n1," + school + "/B,300\n2," + school + "/A,200\n",
                                "text/csv")
                        .status());
        Fixtures.awaitScoring(api, admin);
        JsonObject updated = report(api, admin, school, "A");
        assertEquals(3, updated.getJsonArray("events").size());
        assertEquals(
                twice[0].getJsonNumber("mu").doubleValue(),
                updated.getJsonArray("events")
                        .getJsonObject(2)
                        .getJsonNumber("muBefore")
                        .doubleValue());

        // the canonical categories: built-in spellings, and an ADMIN's addition, which queues a recompute
        var table = api.get("/scoring/categories", admin).parse().asJsonArray();
        assertTrue(
                table.stream()
                        .map(jakarta.json.JsonObject.class::cast)
                        .anyMatch(y ->
                                "reversing".equals(y.getString("spelling")) && "rev".equals(y.getString("category"))),
                table.toString());
        assertEquals(
                400,
                api.post("/scoring/categories", admin, "{\"spelling\":\"ics\",\"category\":\"ot\",\"workRole\":\"XX\"}")
                        .status());
        assertEquals(
                201,
                api.post(
                                "/scoring/categories",
                                admin,
                                "{\"spelling\":\"Web-Hacking\",\"category\":\"web\",\"workRole\":\"DD-WRL-005\"}")
                        .status());
        Fixtures.awaitScoring(api, admin);
        assertTrue(api.get("/scoring/categories", admin).parse().asJsonArray().stream()
                .map(jakarta.json.JsonObject.class::cast)
                .anyMatch(y -> "web hacking".equals(y.getString("spelling")) && !y.getBoolean("builtIn")));

        String otherAdmin = fixtures.user("SCHOOL_ADMIN", fixtures.school("South"), null);
        assertEquals(
                404,
                api.get("/students/" + school + "/A/report", otherAdmin).status(),
                "another school's report is not found");
        assertEquals(403, api.post("/scoring/recompute", otherAdmin, "").status());
        assertEquals(404, api.get("/scoring/jobs/987654321", admin).status());
        assertEquals(
                ScoringSettings.CURRENT.version(),
                api.get("/scoring/settings", admin).json().getString("version"));
    }

    /**
     * Issue 22 (d): a CTFd scoreboard that gives each member's own score. Both members of the winning
     * team rise with its place; the one who scored its points rises further.
     */
    @Test
    void aTeamMemberWhoScoredTheTeamsPointsRisesMoreThanOneWhoScoredNone() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String admin = fixtures.adminToken();
        String school = fixtures.school("Credit");
        assertEquals(
                200,
                api.post(
                                "/schools/" + school + "/students/import",
                                admin,
                                "student_number,full_name,date_of_birth,enrollment_year,expected_graduation_year\n"
                                        + "P,Pat,2004-01-01,2023,2027\nQ,Quin,2004-01-02,2023,2027\nR,Rae,2004-01-03,2023,2027\n"
                                        + "S,Sol,2004-01-04,2023,2027\n",
                                "text/csv")
                        .status());
        String code = event(api, admin, "2026-10-01");
        Fixtures.awaitScoring(api, admin);
        String ctfd = "{\"success\":true,\"data\":[{\"pos\":1,\"name\":\"Red\",\"score\":400,\"members\":["
                + "{\"name\":\"" + school + "/P\",\"score\":400},{\"name\":\"" + school + "/Q\",\"score\":0}]},"
                + "{\"pos\":2,\"name\":\"Blue\",\"score\":100,\"members\":[{\"name\":\"" + school
                + "/R\",\"score\":50},"
                + "{\"name\":\"" + school + "/S\",\"score\":50}]}]}";
        var posted = api.post("/events/" + code + "/results?format=ctfd", admin, ctfd, "application/json");
        assertEquals(200, posted.status(), posted.body());
        Fixtures.awaitScoring(api, admin);
        double scorer = report(api, admin, school, "P")
                .getJsonArray("events")
                .getJsonObject(0)
                .getJsonNumber("change")
                .doubleValue();
        double idle = report(api, admin, school, "Q")
                .getJsonArray("events")
                .getJsonObject(0)
                .getJsonNumber("change")
                .doubleValue();
        assertTrue(idle > 0 && scorer > idle, "the scorer's change " + scorer + ", the idle member's " + idle);
    }

    /** Runs a full recompute to its end; returns the three students' reports after it. */
    private static JsonObject[] recompute(ApiClient api, String admin, String school) {
        var started = api.post("/scoring/recompute", admin, "");
        assertEquals(202, started.status());
        long job = started.json().getJsonNumber("id").longValue();
        Fixtures.awaitScoring(api, admin);
        JsonObject done = api.get("/scoring/jobs/" + job, admin).json();
        assertEquals("DONE", done.getString("state"), done.toString());
        assertEquals(100, done.getInt("percent"));
        return new JsonObject[] {
            report(api, admin, school, "A"), report(api, admin, school, "B"), report(api, admin, school, "C")
        };
    }

    private static String event(ApiClient api, String admin, String day) {
        String code = Fixtures.unique("RATED-");
        assertEquals(
                201,
                api.post(
                                "/events",
                                admin,
                                Json.object()
                                        .add("code", code)
                                        .add("name", "Rated Cup")
                                        .add("competition", "RATED")
                                        .add("level", "NATIONAL")
                                        .add("format", "JEOPARDY")
                                        .add("startDate", day)
                                        .add("endDate", day)
                                        .build()
                                        .toString())
                        .status());
        return code;
    }

    private static JsonObject report(ApiClient api, String token, String school, String number) {
        var response = api.get("/students/" + school + "/" + number + "/report", token);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static double score(JsonObject report) {
        return report.getJsonNumber("talentScore").doubleValue();
    }
}
