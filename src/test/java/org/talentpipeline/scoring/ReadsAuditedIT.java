package org.talentpipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.talentpipeline.it.PageSession;

/**
 * Reads of students' data by other people leave an entry their school finds: scouting reports read
 * by any role, through the API and the page, and scoreboards (they name students). Recomputes are
 * the scoring administrator's, and the jobs that stored results set off name who stored them.
 */
@ExtendWith(ArquillianExtension.class)
class ReadsAuditedIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    /** What all methods share, made once: a school with two rated students, its admin, an event, an evaluator. */
    record Setting(String school, Fixtures.Person schoolAdmin, String event, Fixtures.Person evaluator) {}

    private static Setting setting;

    ApiClient api;
    String admin;

    @BeforeEach
    void ratedStudents() {
        api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        admin = fixtures.adminToken();
        if (setting != null) {
            return;
        }
        String school = fixtures.school("North");
        fixtures.students(school, "A,Ada,2004-01-01,,2023,2027,false", "B,Bo,2004-01-02,,2023,2027,true");
        String event = fixtures.event("AUDITED", "NATIONAL", "JEOPARDY", "2026-07-01");
        Fixtures.Person evaluator = fixtures.person("EVALUATOR", null, null);
        assertEquals(
                200,
                api.post(
                                "/events/" + event + "/results",
                                evaluator.token(),
                                "place,competitor,points\n1," + school + "/A,300\n2," + school + "/B,200\n",
                                "text/csv")
                        .status());
        Fixtures.awaitScoring(api, admin);
        setting = new Setting(school, fixtures.person("SCHOOL_ADMIN", school, null), event, evaluator);
    }

    private JsonObject latestEntry(String actor, String action) {
        ApiClient.Reply audit = api.get("/audit?actor=" + actor + "&action=" + action, admin);
        assertEquals(200, audit.status(), audit.toString());
        return audit.json().getJsonArray("items").getJsonObject(0);
    }

    private long entries(String actor, String action, String subject) {
        return api.get("/audit?actor=" + actor + "&action=" + action + "&subject=" + subject, admin)
                .json()
                .getJsonNumber("total")
                .longValue();
    }

    @Test
    void aSchoolAdminsReportReadThroughTheApiIsAudited() {
        Fixtures.Person reader = new Fixtures(api).person("SCHOOL_ADMIN", setting.school(), null);
        assertEquals(
                200,
                api.get("/students/" + setting.school() + "/A/report", reader.token())
                        .status());
        assertEquals(1, entries(reader.username(), "VIEW", "student:" + setting.school() + "/A"));
    }

    @Test
    void anAdminsReportReadThroughTheApiIsAudited() {
        Fixtures.Person reader = new Fixtures(api).person("ADMIN", null, null);
        assertEquals(
                200,
                api.get("/students/" + setting.school() + "/B/report", reader.token())
                        .status());
        assertEquals(1, entries(reader.username(), "VIEW", "student:" + setting.school() + "/B"));
    }

    @Test
    void aSchoolAdminsReportPageIsAudited() {
        Fixtures.Person reader = new Fixtures(api).person("SCHOOL_ADMIN", setting.school(), null);
        PageSession session = new PageSession(Deployments.local(deployment));
        assertEquals(true, session.signIn(reader.username(), Fixtures.PASSWORD), "the school admin signs in");
        PageSession.Answer page = session.get("/scoring/report.xhtml?ref=" + setting.school() + "/A");
        assertEquals(200, page.status());
        assertEquals(1, entries(reader.username(), "VIEW", "student:" + setting.school() + "/A"));
    }

    @Test
    void aRecruiterOpeningTheReportPageOfAStudentWhoDoesNotConsentGetsNotFound() {
        Fixtures.Person recruiter = new Fixtures(api).person("RECRUITER", null, "NCSC");
        PageSession session = new PageSession(Deployments.local(deployment));
        assertEquals(true, session.signIn(recruiter.username(), Fixtures.PASSWORD), "the recruiter signs in");
        assertEquals(
                404,
                session.get("/scoring/report.xhtml?ref=" + setting.school() + "/A")
                        .status());
    }

    @Test
    void aRecruiterDoesNotFindTheReportOfAStudentWhoDoesNotConsent() {
        String recruiter = new Fixtures(api).user("RECRUITER", null, "NCSC");
        assertEquals(
                404,
                api.get("/students/" + setting.school() + "/A/report", recruiter)
                        .status());
    }

    @Test
    void aScoreboardReadIsOneEntryListingTheStudentsShown() {
        assertEquals(
                200,
                api.get(
                                "/events/" + setting.event() + "/results",
                                setting.evaluator().token())
                        .status());
        JsonObject entry = latestEntry(setting.evaluator().username(), "VIEW");
        assertEquals("event:" + setting.event(), entry.getString("subject"));
        // in the board's order, which another method's re-post may have changed
        assertEquals(
                Set.of("student:" + setting.school() + "/A", "student:" + setting.school() + "/B"),
                Set.of(entry.getString("detail").split(", ")));
    }

    @Test
    void theSchoolAdminFindsTheScoreboardReadOfTheirStudent() {
        Fixtures.Person reader = new Fixtures(api).person("EVALUATOR", null, null);
        assertEquals(
                200,
                api.get("/events/" + setting.event() + "/results", reader.token())
                        .status());
        ApiClient.Reply found = api.get(
                "/audit?actor=" + reader.username() + "&subject=student:" + setting.school() + "/B",
                setting.schoolAdmin().token());
        assertEquals(200, found.status(), found.toString());
        assertEquals(1, found.json().getJsonNumber("total").longValue());
    }

    @Test
    void anEvaluatorMayNotStartARecompute() {
        assertEquals(
                403,
                api.post("/scoring/recompute", setting.evaluator().token(), "").status());
    }

    @Test
    void aRecomputeRecordsTheAdminWhoAskedForIt() {
        Fixtures.Person asker = new Fixtures(api).person("ADMIN", null, null);
        ApiClient.Reply started = api.post("/scoring/recompute", asker.token(), "");
        assertEquals(202, started.status(), started.toString());
        Fixtures.awaitScoring(api, admin);
        JsonObject job = api.get(
                        "/scoring/jobs/" + started.json().getJsonNumber("id").longValue(), admin)
                .json();
        assertEquals(asker.username(), job.getString("requestedBy"), job.toString());
    }

    @Test
    void aRecomputeThatRepostedResultsSetOffNamesWhoPostedThem() {
        Fixtures.awaitScoring(api, admin);
        ApiClient.Reply reposted = api.post(
                "/events/" + setting.event() + "/results",
                setting.evaluator().token(),
                "place,competitor,points\n1," + setting.school() + "/B,300\n2," + setting.school() + "/A,200\n",
                "text/csv");
        assertEquals(200, reposted.status(), reposted.toString());
        JsonObject job = api.get("/scoring/jobs", admin).parse().asJsonArray().getJsonObject(0);
        assertEquals(setting.evaluator().username(), job.getString("requestedBy"), job.toString());
        Fixtures.awaitScoring(api, admin);
    }
}
