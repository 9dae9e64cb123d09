package org.talentpipeline.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Browser;
import org.talentpipeline.it.BrowserSession;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.it.pages.MainPage;
import org.talentpipeline.scoring.ScoringSettings;
import org.talentpipeline.taxonomy.NiceFramework;

/**
 * In a real browser: the admin recomputes the ratings and watches the job; a recruiter searches
 * candidates, opens a scouting report with its skill chart, and moves a candidate on a position's board;
 * all of it under the full content security policy, which blocks nothing the pages need.
 */
@ExtendWith(ArquillianExtension.class)
class RecruitingPagesIT {

    @RegisterExtension
    static BrowserSession session = new BrowserSession();

    WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    @BeforeEach
    void browser() {
        browser = session.driver();
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** The labels the chart on the page has drawn (Chart.js' own record of them), or null without a chart. */
    @SuppressWarnings("unchecked")
    List<String> chartLabels(String chartId) {
        return (List<String>) ((JavascriptExecutor) browser)
                .executeScript(
                        "var c = document.querySelector(\"[id$='\" + arguments[0]"
                                + " + \"'] canvas\"); var chart = c && window.Chart && Chart.getChart(c); return chart ? chart.data.labels : null;",
                        chartId);
    }

    @Test
    void theAdminRecomputesAndARecruiterSearchesReadsAReportAndMovesACandidate() throws IOException {
        String base = Deployments.local(deployment);
        ApiClient api = Deployments.api(deployment);
        Fixtures.awaitScoring(api, new Fixtures(api).adminToken());

        LoginPage.open(browser, base).signIn("admin", Fixtures.DEMO_PASSWORD);
        browser.get(base + "scoring/settings.xhtml");
        assertTrue(waitFor(By.id("settings")).getText().contains(ScoringSettings.CURRENT.version()));
        browser.findElement(By.id("recompute:start")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobState"), "done"));
        Browser.screenshot(browser, "scoring-recompute");
        new MainPage(browser).signOut();

        LoginPage.open(browser, base).signIn("recruiter", Fixtures.DEMO_PASSWORD);
        browser.get(base + "search/candidates.xhtml?school=XDU");
        WebElement results = waitFor(By.id("search:results_data"));
        List<WebElement> rows = results.findElements(By.tagName("tr"));
        assertFalse(
                rows.isEmpty() || rows.get(0).getText().contains("No consenting"),
                "XDU's consenting candidates are listed");
        assertTrue(rows.get(0).getText().contains("XDU"));
        Browser.screenshot(browser, "candidates");

        // within a region (the candidate table's walk): only that region's candidates, first the API's first
        browser.get(base + "search/candidates.xhtml?region=Northwest");
        List<WebElement> inRegion = waitFor(By.id("search:results_data")).findElements(By.tagName("tr"));
        assertFalse(
                inRegion.isEmpty() || inRegion.get(0).getText().contains("No consenting"),
                "Northwest's candidates are listed");
        assertTrue(inRegion.stream().allMatch(r -> r.getText().contains("Northwest")), "only Northwest's candidates");
        String bestInRegion = api.get(
                        "/candidates?region=Northwest&size=1", api.token("recruiter", Fixtures.DEMO_PASSWORD))
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("fullName");
        assertTrue(
                inRegion.get(0).getText().contains(bestInRegion),
                inRegion.get(0).getText());
        // by fit to a work role, from the URL: the fit column shows, and the first is the API's first
        browser.get(base + "search/candidates.xhtml?workRole=PD-WRL-001&sort=FIT");
        List<WebElement> byFit = waitFor(By.id("search:results_data")).findElements(By.tagName("tr"));
        assertTrue(waitFor(By.id("search:results")).getText().contains("Fit to the role"));
        var bestFit = api.get(
                        "/candidates?workRole=PD-WRL-001&sort=fit&size=1",
                        api.token("recruiter", Fixtures.DEMO_PASSWORD))
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertTrue(
                byFit.get(0).getText().contains(bestFit.getString("fullName"))
                        && byFit.get(0)
                                .getText()
                                .contains(NumberFormat.getIntegerInstance(Locale.ENGLISH)
                                        .format(Math.round(
                                                bestFit.getJsonNumber("fit").doubleValue()))),
                byFit.get(0).getText());
        browser.get(base + "search/candidates.xhtml?school=XDU");
        waitFor(By.id("search:results_data"));

        // the XLSX export holds the whole result (streamed, inline strings), and each exported candidate is audited
        String firstRef = api.get("/candidates?school=XDU&size=1", api.token("recruiter", Fixtures.DEMO_PASSWORD))
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("ref");
        Path xlsx = Browser.downloads().resolve("candidates.xlsx");
        Files.deleteIfExists(xlsx);
        browser.findElement(By.id("search:exportXlsx")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(xlsx));
        byte[] zip = Files.readAllBytes(xlsx);
        assertTrue(zip.length > 100 && zip[0] == 'P' && zip[1] == 'K', "an XLSX (zip) file");
        String cells;
        // read through the central directory: the streaming workbook writes its entries' sizes after their data
        try (var file = new ZipFile(xlsx.toFile())) {
            StringBuilder sheet = new StringBuilder();
            for (var entry : Collections.list(file.entries())) {
                if (entry.getName().startsWith("xl/worksheets/")
                        || entry.getName().equals("xl/sharedStrings.xml")) {
                    sheet.append(new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            cells = sheet.toString();
        }
        assertTrue(cells.contains(firstRef) && cells.contains("Northwest") && !cells.contains("#{"), cells);
        var exports = api.get(
                        "/audit?action=EXPORT&actor=recruiter&subject=student:" + firstRef,
                        new Fixtures(api).adminToken())
                .json();
        assertTrue(exports.getInt("total") > 0, "the exported candidate is in the audit log");
        rows = waitFor(By.id("search:results_data")).findElements(By.tagName("tr"));

        rows.get(0).findElement(By.cssSelector("a[id$='report']")).click();
        assertTrue(
                waitFor(By.id("talentScore")).getText().matches("\\d{1,3}(,\\d{3})*"),
                "a talent score is a whole number of points, grouped for the reader");
        assertFalse(
                browser.findElements(By.cssSelector("#events tbody tr")).isEmpty(), "the explanation lists the events");
        List<String> skills = browser.findElements(By.cssSelector("[id$='skills_data'] tr td:first-child")).stream()
                .map(WebElement::getText)
                .toList();
        assertFalse(skills.isEmpty(), "the demo candidate has category ratings");
        assertEquals(skills, chartLabels("skillChart"), "the skill chart is drawn with the table's categories");
        Browser.screenshot(browser, "scouting-report");

        browser.get(base + "placement/positions.xhtml");
        // the demo position's work role by id and title, its categories as a list
        String positions = waitFor(By.id("positions:list")).getText();
        assertTrue(
                positions.contains("PD-WRL-001 "
                                + new NiceFramework()
                                        .workRole("PD-WRL-001")
                                        .orElseThrow()
                                        .title())
                        && positions.contains("forensics, web"),
                positions);
        waitFor(By.id("positions:list"))
                .findElement(By.linkText("Cyber Defense Analyst"))
                .click();
        WebElement shortlisted = waitFor(By.id("stage-SHORTLISTED"));
        int before = browser.findElements(By.cssSelector("#stage-CONTACTED .tp-board-card"))
                .size();
        List<WebElement> moves = shortlisted.findElements(By.cssSelector("button"));
        assertFalse(moves.isEmpty(), "the demo board has a shortlisted candidate");
        moves.stream()
                .filter(b -> b.getText().contains("Contacted"))
                .findFirst()
                .orElseThrow()
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#stage-CONTACTED .tp-board-card"))
                                .size()
                        == before + 1);
        Browser.screenshot(browser, "placement-board");
        browser.get(base + "placement/positions.xhtml");
        assertTrue(waitFor(By.id("timeToPlacement")).getText().contains("days"));
        assertEquals(7, chartLabels("funnel").size(), "the funnel chart is drawn, one bar a stage");
        assertEquals(List.of(), Browser.policyViolations(browser), "the policy blocked nothing on the way");
    }

    @Test
    void aCategoryWithMarksIsChartedOnTheReportAsItWasNamed() {
        String base = Deployments.local(deployment);
        String school = schoolWithARatedEvent();
        Browser.policyViolations(browser);

        LoginPage.open(browser, base).signIn("admin", Fixtures.DEMO_PASSWORD);
        browser.get(base + "scoring/report.xhtml?ref=" + school + "/S1");
        waitFor(By.id("talentScore"));
        assertEquals(List.of("c++/#1", "web", "网络 安全"), chartLabels("skillChart"));
        assertEquals(List.of(), Browser.policyViolations(browser));
        Browser.screenshot(browser, "scouting-report-marks");
    }

    @Test
    void theOtherLanguageShowsTheSameStudentsReport() {
        String base = Deployments.local(deployment);
        String school = schoolWithARatedEvent();
        LoginPage.open(browser, base).signIn("admin", Fixtures.DEMO_PASSWORD);
        browser.get(base + "scoring/report.xhtml?ref=" + school + "/S1");
        waitFor(By.id("talentScore"));

        browser.findElement(By.id("menu:lang-zh")).click();
        waitFor(By.id("menu:lang-en"));
        assertEquals(
                true, browser.findElement(By.id("who")).getText().startsWith(school + "/S1"), browser.getCurrentUrl());
        waitFor(By.id("talentScore"));
        // and its address is still the report's: a reload or a link copied shows the same student
        assertEquals(
                true,
                browser.getCurrentUrl().contains("ref=" + URLEncoder.encode(school + "/S1", StandardCharsets.UTF_8)),
                browser.getCurrentUrl());
        // back to English: the language is kept on the account the other tests sign in with
        browser.findElement(By.id("menu:lang-en")).click();
        waitFor(By.id("menu:lang-zh"));
    }

    /** A new school whose students S1 to S3 took part in one event, rated, with points in three categories. */
    private String schoolWithARatedEvent() {
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        String school = fixtures.school("North");
        fixtures.students(
                school,
                "S1,Sam One,2004-01-01,s1@example.org,2023,2027,true",
                "S2,Sue Two,2004-02-01,s2@example.org,2023,2027,true",
                "S3,Sid Three,2004-03-01,s3@example.org,2023,2027,true");
        String event = Fixtures.unique("MARKS-");
        String evaluator = api.token("evaluator", Fixtures.DEMO_PASSWORD);
        assertEquals(
                201,
                api.post(
                                "/events",
                                evaluator,
                                Json.object()
                                        .add("code", event)
                                        .add("name", "Marks Cup")
                                        .add("competition", "MARKSCUP")
                                        .add("level", "NATIONAL")
                                        .add("format", "JEOPARDY")
                                        .add("startDate", "2026-05-01")
                                        .add("endDate", "2026-05-01")
                                        .build()
                                        .toString())
                        .status());
        ApiClient.Reply posted = api.post(
                "/events/" + event + "/results",
                evaluator,
                "place,competitor,points,category:C++/#1,"
                        + "category:网络 安全,category:web\n1," + school + "/S1,30,10,10,10\n2," + school
                        + "/S2,20,5,10,5\n3," + school
                        + "/S3,10,5,0,5\n",
                "text/csv");
        assertEquals(200, posted.status(), posted.body());
        Fixtures.awaitScoring(api, fixtures.adminToken());
        return school;
    }

    @Test
    void thePositionFormSaysWhenSomeoneElseChangedThePosition() {
        String base = Deployments.local(deployment);
        ApiClient api = Deployments.api(deployment);
        Fixtures.Person recruiter = new Fixtures(api).person("RECRUITER", null, "NCSC");
        String body =
                Json.object().add("title", "Analyst").add("openings", 2).build().toString();
        ApiClient.Reply created = api.post("/positions", recruiter.token(), body);
        long id = created.json().getJsonNumber("id").longValue();

        LoginPage.open(browser, base).signIn(recruiter.username(), Fixtures.PASSWORD);
        browser.get(base + "placement/board.xhtml?id=" + id);
        WebElement title = waitFor(By.id("board:title"));
        // someone else changes the position after the form was loaded
        ApiClient.Reply changed =
                api.put("/positions/" + id, recruiter.token(), body.replace("Analyst", "Lead"), created.etag());
        assertEquals(200, changed.status(), changed.toString());
        title.clear();
        title.sendKeys("Senior Analyst");
        browser.findElement(By.id("board:save")).click();
        String message = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .ui-messages-error")))
                .getText();
        assertEquals(true, message.contains("Someone else changed this position"), message);
        assertEquals(
                "Lead",
                api.get("/positions/" + id, recruiter.token()).json().getString("title"),
                "their change stands");
    }
}
