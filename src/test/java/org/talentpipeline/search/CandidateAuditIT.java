package org.talentpipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.BrowserSession;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.pages.LoginPage;

/**
 * Every page of search results, saved search run and export is one audit entry listing the
 * students it showed; the school admin of a shown student finds it, another school's does not; a
 * saved search is its owner's alone.
 */
@ExtendWith(ArquillianExtension.class)
class CandidateAuditIT {

    @RegisterExtension
    static BrowserSession session = new BrowserSession();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    /** Two schools of one fresh region, their consenting rated students, and a third school with none shown. */
    record World(ApiClient api, Fixtures fixtures, String region, String first, String second, String other) {}

    private static World world;

    private World world() {
        if (world == null) {
            ApiClient api = Deployments.api(deployment);
            Fixtures fixtures = new Fixtures(api);
            String region = Fixtures.unique("Region ");
            String first = fixtures.school(region);
            String second = fixtures.school(region);
            String other = fixtures.school(Fixtures.unique("Region "));
            fixtures.students(
                    first,
                    "A,Ann First,2003-01-01,ann@example.org,2022,2026,true",
                    "B,Ben First,2003-02-01,ben@example.org,2022,2026,true");
            fixtures.students(second, "C,Cai Second,2003-03-01,cai@example.org,2022,2026,true");
            fixtures.students(other, "D,Dai Other,2003-04-01,dai@example.org,2022,2026,true");
            fixtures.ratedEvent("AUDIT", "2026-09-02", first + "/A", first + "/B", second + "/C", other + "/D");
            world = new World(api, fixtures, region, first, second, other);
        }
        return world;
    }

    private String inRegion() {
        return "region=" + URLEncoder.encode(world().region(), StandardCharsets.UTF_8);
    }

    private static String students(String... refs) {
        return String.join(", ", List.of(refs).stream().map(r -> "student:" + r).toList());
    }

    /** The entries the caller reads in the audit log, with these query parameters. */
    private List<JsonObject> entries(String token, String query) {
        ApiClient.Reply reply = world().api().get("/audit?" + query, token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .toList();
    }

    private Fixtures.Person searched() {
        Fixtures.Person recruiter = world().fixtures().person("RECRUITER", null, "NCSC");
        ApiClient.Reply found = world().api().get("/candidates?" + inRegion(), recruiter.token());
        assertEquals(200, found.status(), found.toString());
        assertEquals(3, found.json().getJsonArray("items").size(), found.toString());
        return recruiter;
    }

    @Test
    void aSearchPageIsOneEntryListingTheStudentsShown() {
        Fixtures.Person recruiter = searched();
        List<JsonObject> entries =
                entries(world().fixtures().adminToken(), "action=VIEW&actor=" + recruiter.username());
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(
                "candidates:region=" + world().region() + " rows 1-3",
                entries.get(0).getString("subject"));
        assertEquals(
                students(world().first() + "/A", world().first() + "/B", world().second() + "/C"),
                entries.get(0).getString("detail"));
    }

    @Test
    void theSchoolAdminOfAShownStudentFindsTheSearchByTheirStudent() {
        Fixtures.Person recruiter = searched();
        String schoolAdmin = world().fixtures().user("SCHOOL_ADMIN", world().second(), null);
        List<JsonObject> entries =
                entries(schoolAdmin, "subject=student:" + world().second() + "/C&actor=" + recruiter.username());
        assertEquals(1, entries.size(), entries.toString());
        assertEquals("VIEW", entries.get(0).getString("action"));
    }

    @Test
    void theSchoolAdminReadsOnlyTheirOwnStudentsInAnEntryListingSeveralSchools() {
        Fixtures.Person recruiter = searched();
        String schoolAdmin = world().fixtures().user("SCHOOL_ADMIN", world().first(), null);
        List<JsonObject> entries = entries(schoolAdmin, "action=VIEW&actor=" + recruiter.username());
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(
                students(world().first() + "/A", world().first() + "/B"),
                entries.get(0).getString("detail"));
    }

    @Test
    void aSchoolAdminOfAnotherSchoolDoesNotSeeTheSearch() {
        Fixtures.Person recruiter = searched();
        String otherAdmin = world().fixtures().user("SCHOOL_ADMIN", world().other(), null);
        assertEquals(List.of(), entries(otherAdmin, "action=VIEW&actor=" + recruiter.username()));
    }

    @Test
    void theSchoolAdminFindsTheSearchOnTheAuditPage() {
        Fixtures.Person recruiter = searched();
        Fixtures.Person schoolAdmin = world().fixtures().person("SCHOOL_ADMIN", world().second(), null);
        WebDriver browser = session.driver();
        String base = Deployments.local(deployment);
        LoginPage.open(browser, base).signIn(schoolAdmin.username(), Fixtures.PASSWORD);
        browser.get(base + "audit/log.xhtml");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='audit:entries_data'] tr")));
        // newest first: the search is among the school's latest entries, after the users made since
        List<String> searches = browser.findElements(By.cssSelector("[id='audit:entries_data'] tr")).stream()
                .map(r -> r.getText())
                .filter(t -> t.contains(recruiter.username()))
                .toList();
        assertEquals(1, searches.size(), searches.toString());
        assertEquals(
                true,
                searches.get(0).contains("student:" + world().second() + "/C")
                        && !searches.get(0).contains("student:" + world().first() + "/A"),
                searches.get(0));
    }

    @Test
    void aPageOfTheSearchPageIsOneEntryListingTheStudentsShown() {
        Fixtures.Person recruiter = world().fixtures().person("RECRUITER", null, "NCSC");
        WebDriver browser = session.driver();
        String base = Deployments.local(deployment);
        LoginPage.open(browser, base).signIn(recruiter.username(), Fixtures.PASSWORD);
        browser.get(base + "search/candidates.xhtml?" + inRegion());
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='search:results_data'] tr")));
        // the searches' entries (the home, where sign-in lands, records its own read of the latest moves)
        List<JsonObject> entries =
                entries(world().fixtures().adminToken(), "actor=" + recruiter.username() + "&action=VIEW").stream()
                        .filter(e -> e.getString("subject").startsWith("candidates:"))
                        .toList();
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(
                students(world().first() + "/A", world().first() + "/B", world().second() + "/C"),
                entries.get(0).getString("detail"));
    }

    @Test
    void anExportIsOneEntryListingTheStudentsExported() {
        Fixtures.Person recruiter = world().fixtures().person("RECRUITER", null, "NCSC");
        assertEquals(
                200,
                world().api()
                        .get("/candidates/export?" + inRegion(), recruiter.token())
                        .status());
        List<JsonObject> entries =
                entries(world().fixtures().adminToken(), "action=EXPORT&actor=" + recruiter.username());
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(
                students(world().first() + "/A", world().first() + "/B", world().second() + "/C"),
                entries.get(0).getString("detail"));
    }

    private long saved(Fixtures.Person recruiter) {
        ApiClient.Reply saved = world().api()
                .post(
                        "/candidates/searches",
                        recruiter.token(),
                        Json.object()
                                .add("name", "mine")
                                .add("query", Json.object().add("region", world().region()))
                                .build()
                                .toString());
        assertEquals(201, saved.status(), saved.toString());
        return saved.json().getJsonNumber("id").longValue();
    }

    @Test
    void aSavedSearchRunIsOneEntryListingTheStudentsShown() {
        Fixtures.Person recruiter = world().fixtures().person("RECRUITER", null, "NCSC");
        long id = saved(recruiter);
        assertEquals(
                200,
                world().api()
                        .post("/candidates/searches/" + id + "/run", recruiter.token(), "")
                        .status());
        List<JsonObject> entries =
                entries(world().fixtures().adminToken(), "action=VIEW&actor=" + recruiter.username());
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(
                students(world().first() + "/A", world().first() + "/B", world().second() + "/C"),
                entries.get(0).getString("detail"));
    }

    @Test
    void anotherRecruitersSavedSearchDoesNotRun() {
        long id = saved(world().fixtures().person("RECRUITER", null, "NCSC"));
        String other = world().fixtures().user("RECRUITER", null, "NCSC");
        assertEquals(
                404,
                world().api()
                        .post("/candidates/searches/" + id + "/run", other, "")
                        .status());
    }

    @Test
    void anotherRecruitersSavedSearchCannotBeDeleted() {
        Fixtures.Person owner = world().fixtures().person("RECRUITER", null, "NCSC");
        long id = saved(owner);
        String other = world().fixtures().user("RECRUITER", null, "NCSC");
        assertEquals(
                404, world().api().delete("/candidates/searches/" + id, other).status());
        assertEquals(
                1,
                world().api()
                        .get("/candidates/searches", owner.token())
                        .parse()
                        .asJsonArray()
                        .size(),
                "the owner still has it");
    }

    @Test
    void anotherRecruitersSavedSearchIsNotListed() {
        saved(world().fixtures().person("RECRUITER", null, "NCSC"));
        String other = world().fixtures().user("RECRUITER", null, "NCSC");
        assertEquals(
                0,
                world().api()
                        .get("/candidates/searches", other)
                        .parse()
                        .asJsonArray()
                        .size());
    }
}
