package org.talentpipeline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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
import org.talentpipeline.it.PageSession;

/**
 * The judging of an event, scored but not yet published, as people without a part in it try to reach
 * it: through the judging page with a real sign-in session, and through the API. Nobody but ADMIN
 * and EVALUATOR reads the consensus; only they publish it; a judge scores only their own entries.
 */
@ExtendWith(ArquillianExtension.class)
class JudgingAccessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    /** The judged event all methods share, made once: its code, its school, the judge and a recruiter. */
    record Setting(String event, String school, Fixtures.Person judge, Fixtures.Person recruiter) {}

    private static Setting setting;

    ApiClient api;
    String admin;

    @BeforeEach
    void judgedEventScoredButNotPublished() {
        api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        admin = fixtures.adminToken();
        if (setting != null) {
            return;
        }
        String school = fixtures.school("East");
        fixtures.students(school, "A,Entrant A,2004-01-01,,2023,2027,false", "B,Entrant B,2004-01-02,,2023,2027,true");
        String event = fixtures.event("JUDGED", "REGIONAL", "JUDGED", "2026-06-01");
        String etag = api.get("/events/" + event + "/judging/rubric", admin)
                .raw()
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        assertEquals(200, rubric(event, etag).status());
        Fixtures.Person judge = fixtures.person("EVALUATOR", fixtures.school("West"), null);
        assertEquals(
                200,
                api.post(
                                "/events/" + event + "/judging/judges",
                                admin,
                                "{\"judge\":\"" + judge.username() + "\",\"entries\":[\"" + school + "/A\",\"" + school
                                        + "/B\"]}")
                        .status());
        for (String entry : new String[] {"A", "B"}) {
            assertEquals(
                    204,
                    api.post(
                                    "/events/" + event + "/judging/scores",
                                    judge.token(),
                                    "{\"entry\":\"" + school + "/" + entry + "\",\"scores\":{\"analysis\":"
                                            + (entry.equals("A") ? 9 : 5) + "}}")
                            .status());
        }
        setting = new Setting(event, school, judge, fixtures.person("RECRUITER", null, "NCSC"));
    }

    private ApiClient.Reply rubric(String event, String etag) {
        try {
            var response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(Deployments.local(deployment) + "api/v1/events/" + event
                                            + "/judging/rubric"))
                                    .header("Authorization", "Bearer " + admin)
                                    .header("Content-Type", "application/json")
                                    .header("If-Match", etag)
                                    .PUT(HttpRequest.BodyPublishers.ofString(
                                            "{\"criteria\":[{\"name\":\"analysis\",\"weight\":1,\"max\":10}]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Reply(response.statusCode(), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PageSession signedIn(Fixtures.Person person) {
        PageSession session = new PageSession(Deployments.local(deployment));
        assertEquals(true, session.signIn(person.username(), Fixtures.PASSWORD), person.username() + " signs in");
        return session;
    }

    private long resultsStored() {
        return api.get("/events/" + setting.event() + "/results", admin)
                .json()
                .getJsonNumber("total")
                .longValue();
    }

    private long latestScoringJob() {
        var jobs = api.get("/scoring/jobs", admin).parse().asJsonArray();
        return jobs.isEmpty() ? 0 : jobs.getJsonObject(0).getJsonNumber("id").longValue();
    }

    private long importsBy(String actor) {
        return api.get("/audit?actor=" + actor + "&action=IMPORT", admin)
                .json()
                .getJsonNumber("total")
                .longValue();
    }

    /** The publish button's form posted as the page would post it, with a view state the caller did get. */
    private PageSession.Answer postPublish(PageSession page) {
        String viewState =
                page.get("/competition/event.xhtml?code=" + setting.event()).viewState();
        return page.post(
                "/evaluation/judge.xhtml?code=" + setting.event(),
                Map.of(
                        "summary",
                        "summary",
                        "summary:publish",
                        "summary:publish",
                        "jakarta.faces.ViewState",
                        viewState));
    }

    @Test
    void theAssignedJudgeOpensTheJudgingPage() {
        PageSession.Answer page = signedIn(setting.judge()).get("/evaluation/judge.xhtml?code=" + setting.event());
        assertEquals(200, page.status());
        assertEquals(true, page.body().contains(setting.school() + "/A"), "the judge's entries are listed");
    }

    @Test
    void aRecruiterOpeningTheJudgingPageIsForbidden() {
        assertEquals(
                403,
                signedIn(setting.recruiter())
                        .get("/evaluation/judge.xhtml?code=" + setting.event())
                        .status());
    }

    @Test
    void aReviewerAndASchoolAdminOpeningTheJudgingPageAreForbidden() {
        Fixtures fixtures = new Fixtures(api);
        assertEquals(
                403,
                signedIn(fixtures.person("REVIEWER", null, null))
                        .get("/evaluation/judge.xhtml?code=" + setting.event())
                        .status(),
                "REVIEWER");
        assertEquals(
                403,
                signedIn(fixtures.person("SCHOOL_ADMIN", setting.school(), null))
                        .get("/evaluation/judge.xhtml?code=" + setting.event())
                        .status(),
                "SCHOOL_ADMIN of an entrant's school");
    }

    @Test
    void aRecruiterPostingThePublishButtonIsForbidden() {
        assertEquals(403, postPublish(signedIn(setting.recruiter())).status());
    }

    @Test
    void aRecruiterPostingThePublishButtonPublishesNothing() {
        postPublish(signedIn(setting.recruiter()));
        assertEquals(0, resultsStored());
        assertEquals(0, importsBy(setting.recruiter().username()), "no results stored in the recruiter's name");
    }

    @Test
    void aRecruiterPostingThePublishButtonQueuesNoRecompute() {
        long before = latestScoringJob();
        postPublish(signedIn(setting.recruiter()));
        assertEquals(before, latestScoringJob());
    }

    @Test
    void aRecruiterPublishingThroughTheApiIsForbiddenAndPublishesNothing() {
        long before = latestScoringJob();
        ApiClient.Reply published = api.post(
                "/events/" + setting.event() + "/judging/publish",
                setting.recruiter().token(),
                "{}");
        assertEquals(403, published.status(), published.toString());
        assertEquals(0, resultsStored());
        assertEquals(before, latestScoringJob(), "no recompute queued");
    }

    @Test
    void aRecruiterReadingTheConsensusThroughTheApiIsForbidden() {
        assertEquals(
                403,
                api.get(
                                "/events/" + setting.event() + "/judging",
                                setting.recruiter().token())
                        .status());
    }

    @Test
    void anEvaluatorNotAssignedScoringAnEntryFindsNoSuchEntry() {
        String other = new Fixtures(api).user("EVALUATOR", null, null);
        ApiClient.Reply scored = api.post(
                "/events/" + setting.event() + "/judging/scores",
                other,
                "{\"entry\":\"" + setting.school() + "/A\",\"scores\":{\"analysis\":1}}");
        assertEquals(404, scored.status(), scored.toString());
    }

    @Test
    void anEvaluatorNotAssignedLeavesTheJudgesScoresAsTheyWere() {
        String other = new Fixtures(api).user("EVALUATOR", null, null);
        api.post(
                "/events/" + setting.event() + "/judging/scores",
                other,
                "{\"entry\":\"" + setting.school() + "/A\",\"scores\":{\"analysis\":1}}");
        JsonObject first = api.get("/events/" + setting.event() + "/judging", admin)
                .json()
                .getJsonArray("entries")
                .getJsonObject(0);
        assertEquals(setting.school() + "/A", first.getString("entry"), "A, scored 9 by the judge, still leads");
        assertEquals(1, first.getInt("judges"));
    }

    @Test
    void theConsensusReadIsAuditedListingTheEntrants() {
        String evaluator = new Fixtures(api).person("EVALUATOR", null, null).username();
        String token = api.token(evaluator, Fixtures.PASSWORD);
        assertEquals(
                200, api.get("/events/" + setting.event() + "/judging", token).status());
        JsonObject entry = api.get("/audit?actor=" + evaluator + "&action=VIEW", admin)
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("event:" + setting.event(), entry.getString("subject"));
        assertEquals(
                "student:" + setting.school() + "/A, student:" + setting.school() + "/B", entry.getString("detail"));
    }
}
