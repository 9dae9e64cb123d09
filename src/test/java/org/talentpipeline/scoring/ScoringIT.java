package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Set;
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

/** From posted results to the scouting report, through the running application's API. */
@ExtendWith(ArquillianExtension.class)
class ScoringIT {

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

    // the first results: A, B and C of a new school, newcomers, finish in that order

    @Test
    void resultsGiveTalentScoresInTheirOrder() {
        String school = firstResults();
        double a = score(report(school, "A"));
        double b = score(report(school, "B"));
        double c = score(report(school, "C"));
        assertTrue(a > b && b > c, "A " + a + ", B " + b + ", C " + c);
    }

    @Test
    void theReportNamesTheModelAndItsFormula() {
        JsonObject a = report(firstResults(), "A");
        assertEquals(ScoringSettings.CURRENT.version(), a.getString("modelVersion"));
        assertEquals(
                ScoringSettings.CURRENT.talentScore().formula(),
                a.getJsonObject("talentScoreFormula").getString("formula"));
        assertEquals(
                "mu - 0.5 sigma，四舍五入取整，最低为 0",
                a.getJsonObject("talentScoreFormula").getJsonObject("words").getString("zh-CN"));
    }

    @Test
    void theWinnersEventRaisedTheirRatingFromTheInitialUncertainty() {
        String school = firstResults();
        String first = lastEvent;
        JsonObject effect = report(school, "A").getJsonArray("events").getJsonObject(0);
        assertEquals(first, effect.getString("event"));
        assertEquals(1, effect.getInt("place"));
        assertEquals(3, effect.getInt("fieldSize"));
        assertTrue(effect.getJsonNumber("change").doubleValue() > 0, "the winner's event raised their rating");
        assertEquals(
                ScoringSettings.CURRENT.initialSigma(),
                effect.getJsonNumber("sigmaBefore").doubleValue());
    }

    @Test
    void amongThreeNewcomersTheMiddlePlaceIsExpected() {
        JsonObject effect = report(firstResults(), "A").getJsonArray("events").getJsonObject(0);
        assertEquals(2, effect.getInt("expectedPlace"), "three newcomers: the middle place expected");
        assertEquals(1500.0, effect.getJsonNumber("fieldStrength").doubleValue());
    }

    @Test
    void theEventIsExplainedInEnglishAndInChinese() {
        JsonObject effect = report(firstResults(), "A").getJsonArray("events").getJsonObject(0);
        assertEquals(
                "1st of 3 where about 2nd was expected: +"
                        + Math.round(effect.getJsonNumber("change").doubleValue()),
                effect.getJsonObject("sentence").getString("en"));
        assertEquals(
                "3 个参赛者中第 1 名，预期约第 2 名：+"
                        + Math.round(effect.getJsonNumber("change").doubleValue()),
                effect.getJsonObject("sentence").getString("zh-CN"));
    }

    @Test
    void theLastsEventLoweredTheirRating() {
        double change = report(firstResults(), "C")
                .getJsonArray("events")
                .getJsonObject(0)
                .getJsonNumber("change")
                .doubleValue();
        assertTrue(change < 0, "C's change " + change);
    }

    @Test
    void theWinnerStandsAboveTheLastInTheirSchool() {
        String school = firstResults();
        double a = report(school, "A")
                .getJsonObject("percentiles")
                .getJsonNumber("school")
                .doubleValue();
        double c = report(school, "C")
                .getJsonObject("percentiles")
                .getJsonNumber("school")
                .doubleValue();
        assertTrue(a > c, "A's school percentile " + a + ", C's " + c);
    }

    // corrected results replace the first ones: the ratings follow as if the first had never been

    @Test
    void afterACorrectionTheNewWinnerLeads() {
        String school = correctedResults();
        double a = score(report(school, "A"));
        double c = score(report(school, "C"));
        assertTrue(c > a, "after the correction C leads: " + c + " > " + a);
    }

    @Test
    void theReplacedResultsLeaveNoTrace() {
        JsonObject a = report(correctedResults(), "A");
        assertEquals(1, a.getJsonArray("events").size(), "the replaced results left no trace");
        assertEquals(3, a.getJsonArray("events").getJsonObject(0).getInt("place"));
    }

    // a later event with category points gives a skill profile

    @Test
    void categoryPointsGiveASkillProfile() {
        JsonObject a = report(withCategories(), "A");
        assertEquals(2, a.getJsonArray("events").size());
        JsonObject skills = a.getJsonObject("categories");
        assertTrue(skills.containsKey("web") && skills.containsKey("pwn"), "skill profile: " + skills);
    }

    @Test
    void noPointsInACategoryGiveNoSkillInIt() {
        assertEquals(
                Set.of("pwn"),
                report(withCategories(), "C").getJsonObject("categories").keySet(),
                "C scored nothing in web: no evidence, no web skill");
    }

    @Test
    void theBestCategoryHasTheHighestSkill() {
        JsonObject skills = report(withCategories(), "A").getJsonObject("categories");
        assertTrue(
                skills.getJsonObject("pwn").getJsonNumber("mu").doubleValue()
                        > skills.getJsonObject("web").getJsonNumber("mu").doubleValue(),
                "A was best in pwn, second in web");
    }

    // a full recompute smooths the whole history (settings 2026.12-elo-mmr-smoothed): it may move what the updates
    // gave

    @Test
    void aSecondRecomputeGivesTheVeryNumbersOfTheFirst() {
        String school = withCategories();
        JsonObject[] once = recompute(school);
        JsonObject[] twice = recompute(school);
        for (int i = 0; i < 3; i++) {
            for (String field :
                    new String[] {"talentScore", "mu", "sigma", "events", "categories", "growth", "talentScoreFormula"
                    }) {
                assertEquals(once[i].get(field), twice[i].get(field), REFS[i] + " " + field);
            }
        }
    }

    @Test
    void afterARecomputeEachExplanationEndsAtTheRatingItExplains() {
        JsonObject[] recomputed = recompute(withCategories());
        for (int i = 0; i < 3; i++) {
            var events = recomputed[i].getJsonArray("events");
            assertEquals(
                    recomputed[i].getJsonNumber("mu").doubleValue(),
                    events.getJsonObject(events.size() - 1)
                            .getJsonNumber("muAfter")
                            .doubleValue(),
                    REFS[i] + " mu");
        }
    }

    @Test
    void anUpdateAfterARecomputeRatesTheNextEventFromTheSmoothedRatings() {
        String school = withCategories();
        JsonObject[] recomputed = recompute(school);
        post(event("2026-09-01"), "place,competitor,points\n1," + school + "/B,300\n2," + school + "/A,200\n");
        JsonObject updated = report(school, "A");
        assertEquals(3, updated.getJsonArray("events").size());
        assertEquals(
                recomputed[0].getJsonNumber("mu").doubleValue(),
                updated.getJsonArray("events")
                        .getJsonObject(2)
                        .getJsonNumber("muBefore")
                        .doubleValue());
    }

    // the canonical categories: built-in spellings, and an ADMIN's addition, which queues a recompute

    @Test
    void theBuiltInSpellingsAreListed() {
        var table = api.get("/scoring/categories", admin).parse().asJsonArray();
        assertTrue(
                table.stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(y ->
                                "reversing".equals(y.getString("spelling")) && "rev".equals(y.getString("category"))),
                table.toString());
    }

    @Test
    void aSpellingForAnUnknownWorkRoleIsRefused() {
        assertEquals(
                400,
                api.post("/scoring/categories", admin, "{\"spelling\":\"ics\",\"category\":\"ot\",\"workRole\":\"XX\"}")
                        .status());
    }

    @Test
    void anAdminsSpellingIsAddedBesideTheBuiltInOnes() {
        assertEquals(
                201,
                api.post(
                                "/scoring/categories",
                                admin,
                                "{\"spelling\":\"Web-Hacking\",\"category\":\"web\",\"workRole\":\"DD-WRL-005\"}")
                        .status());
        Fixtures.awaitScoring(api, admin);
        var table = api.get("/scoring/categories", admin).parse().asJsonArray();
        assertTrue(
                table.stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(y -> "web hacking".equals(y.getString("spelling")) && !y.getBoolean("builtIn")),
                table.toString());
    }

    // who may read and start what

    @Test
    void anotherSchoolsReportIsNotFound() {
        String school = firstResults();
        String otherAdmin = fixtures.user("SCHOOL_ADMIN", fixtures.school("South"), null);
        assertEquals(
                404,
                api.get("/students/" + school + "/A/report", otherAdmin).status(),
                "another school's report is not found");
    }

    @Test
    void aSchoolAdminMayNotStartARecompute() {
        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", fixtures.school("South"), null);
        assertEquals(403, api.post("/scoring/recompute", schoolAdmin, "").status());
    }

    @Test
    void anUnknownJobIsNotFound() {
        assertEquals(404, api.get("/scoring/jobs/987654321", admin).status());
    }

    @Test
    void theSettingsNameTheCurrentModel() {
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
        String code = event("2026-10-01");
        Fixtures.awaitScoring(api, admin);
        String ctfd = "{\"success\":true,\"data\":[{\"pos\":1,\"name\":\"Red\",\"score\":400,\"members\":["
                + "{\"name\":\"" + school + "/P\",\"score\":400},{\"name\":\"" + school + "/Q\",\"score\":0}]},"
                + "{\"pos\":2,\"name\":\"Blue\",\"score\":100,\"members\":[{\"name\":\"" + school
                + "/R\",\"score\":50},"
                + "{\"name\":\"" + school + "/S\",\"score\":50}]}]}";
        var posted = api.post("/events/" + code + "/results?format=ctfd", admin, ctfd, "application/json");
        assertEquals(200, posted.status(), posted.body());
        Fixtures.awaitScoring(api, admin);
        double scorer = report(school, "P")
                .getJsonArray("events")
                .getJsonObject(0)
                .getJsonNumber("change")
                .doubleValue();
        double idle = report(school, "Q")
                .getJsonArray("events")
                .getJsonObject(0)
                .getJsonNumber("change")
                .doubleValue();
        assertTrue(idle > 0 && scorer > idle, "the scorer's change " + scorer + ", the idle member's " + idle);
    }

    private static final String[] REFS = {"A", "B", "C"};

    /** The code of the event the last scenario step posted results to. */
    private String lastEvent;

    /** A new school whose students A, B and C finished first, second and third in one event; returns its code. */
    private String firstResults() {
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
        lastEvent = event("2026-07-01");
        Fixtures.awaitScoring(api, admin);
        post(
                lastEvent,
                "place,competitor,points\n1," + school + "/A,300\n2," + school + "/B,200\n3," + school + "/C,100\n");
        return school;
    }

    /** {@link #firstResults}, then the event's results corrected: C first, A last. */
    private String correctedResults() {
        String school = firstResults();
        post(
                lastEvent,
                "place,competitor,points\n1," + school + "/C,300\n2," + school + "/B,200\n3," + school + "/A,100\n");
        return school;
    }

    /** {@link #correctedResults}, then a later event with web and pwn points, where C scored no web points. */
    private String withCategories() {
        String school = correctedResults();
        lastEvent = event("2026-08-01");
        post(
                lastEvent,
                "place,competitor,points,category:web,category:pwn\n" + "1," + school + "/A,300,100,200\n2," + school
                        + "/B,200,150,50\n3," + school + "/C,100,0,100\n");
        return school;
    }

    /** Posts an event's results as CSV and waits until the ratings follow. */
    private void post(String event, String csv) {
        var posted = api.post("/events/" + event + "/results", admin, csv, "text/csv");
        assertEquals(200, posted.status(), posted.body());
        Fixtures.awaitScoring(api, admin);
    }

    /** Runs a full recompute to its end; returns the three students' reports after it. */
    private JsonObject[] recompute(String school) {
        var started = api.post("/scoring/recompute", admin, "");
        assertEquals(202, started.status());
        long job = started.json().getJsonNumber("id").longValue();
        Fixtures.awaitScoring(api, admin);
        JsonObject done = api.get("/scoring/jobs/" + job, admin).json();
        assertEquals("DONE", done.getString("state"), done.toString());
        assertEquals(100, done.getInt("percent"));
        return new JsonObject[] {report(school, "A"), report(school, "B"), report(school, "C")};
    }

    private String event(String day) {
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

    private JsonObject report(String school, String number) {
        var response = api.get("/students/" + school + "/" + number + "/report", admin);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    private static double score(JsonObject report) {
        return report.getJsonNumber("talentScore").doubleValue();
    }
}
