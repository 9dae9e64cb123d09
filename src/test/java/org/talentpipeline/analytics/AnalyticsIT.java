package org.talentpipeline.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.talentpipeline.it.Accessibility;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Browser;
import org.talentpipeline.it.BrowserSession;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.it.pages.MainPage;

/**
 * A school's and the nation's analytics, through the API (JSON and each table as CSV, reached by the
 * roles the policy names) and in a real browser in English and Chinese (a chart, its table and its
 * CSV in each panel; screenshots in target/screenshots; no serious accessibility violation).
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsIT {

    @RegisterExtension
    static BrowserSession session = new BrowserSession();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    WebDriver browser;
    String base;

    @BeforeEach
    void clients() {
        api = Deployments.api(deployment);
        base = Deployments.local(deployment);
    }

    private String token(String user) {
        return api.token(user, Fixtures.DEMO_PASSWORD);
    }

    private JsonObject school(String user, String code) {
        ApiClient.Reply reply = api.get("/analytics/schools/" + code, token(user));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static long sum(JsonArray items, String field) {
        return items.stream()
                .mapToLong(v -> v.asJsonObject().getJsonNumber(field).longValue())
                .sum();
    }

    private static List<String> lines(ApiClient.Reply csv) {
        assertEquals(200, csv.status(), csv.body());
        return csv.body().lines().toList();
    }

    @Test
    void aSchoolsDistributionCountsEachOfItsRatedStudentsOnce() {
        JsonObject ratings = school("school_admin", "XDU").getJsonObject("ratings");
        long rated = ratings.getJsonNumber("rated").longValue();
        assertEquals(List.of(true, rated), List.of(rated > 0, sum(ratings.getJsonArray("distribution"), "students")));
    }

    @Test
    void aSchoolsPlacementsAreThoseTheAgenciesPlaced() {
        long placedByAgencies = api.get("/placements/numbers", token("admin"))
                .json()
                .getJsonObject("placedBySchool")
                .getJsonNumber("XDU")
                .longValue();
        long placed = school("admin", "XDU")
                .getJsonObject("placements")
                .getJsonObject("funnel")
                .getJsonNumber("PLACED")
                .longValue();
        assertEquals(placedByAgencies, placed);
    }

    @Test
    void aSchoolsTrendCountsEveryRatedResultOfItsStudents() {
        JsonObject ratings = school("school_admin", "XDU").getJsonObject("ratings");
        JsonArray trend = ratings.getJsonArray("trend");
        // each rated student has at least one result, and a quarter's students are among its results
        assertEquals(
                List.of(true, true),
                List.of(
                        sum(trend, "results") >= ratings.getJsonNumber("rated").longValue(),
                        trend.stream()
                                .allMatch(q -> q.asJsonObject()
                                                .getJsonNumber("students")
                                                .longValue()
                                        <= q.asJsonObject()
                                                .getJsonNumber("results")
                                                .longValue())));
    }

    @Test
    void aSchoolsCategoriesStandBesideTheNationsMean() {
        JsonArray categories =
                school("school_admin", "XDU").getJsonObject("ratings").getJsonArray("categories");
        assertEquals(
                List.of(true, true),
                List.of(
                        !categories.isEmpty(),
                        categories.stream()
                                .allMatch(c -> c.asJsonObject()
                                                .getJsonNumber("nationalMean")
                                                .doubleValue()
                                        > 0)));
    }

    @Test
    void eachSchoolTableIsACsvOfTheSameRows() {
        JsonObject figures = school("school_admin", "XDU");
        List<String> trend = lines(api.get("/analytics/schools/XDU/trend", token("school_admin")));
        List<String> categories = lines(api.get("/analytics/schools/XDU/categories", token("school_admin")));
        assertEquals(
                List.of(
                        "quarter,results,students,mean_place_percentile",
                        figures.getJsonObject("ratings").getJsonArray("trend").size() + 1,
                        "category,students,mean_talent_score,national_mean_talent_score",
                        figures.getJsonObject("ratings")
                                        .getJsonArray("categories")
                                        .size()
                                + 1),
                List.of(trend.get(0), trend.size(), categories.get(0), categories.size()));
    }

    @Test
    void anotherSchoolIsNotFoundForASchoolAdmin() {
        assertEquals(
                List.of(404, 404),
                List.of(
                        api.get("/analytics/schools/SJTU", token("school_admin"))
                                .status(),
                        api.get("/analytics/schools/SJTU/trend", token("school_admin"))
                                .status()));
    }

    @Test
    void anUnknownSchoolOrTableIsNotFound() {
        assertEquals(
                List.of(404, 404),
                List.of(
                        api.get("/analytics/schools/NOPE", token("admin")).status(),
                        api.get("/analytics/schools/XDU/salaries", token("admin"))
                                .status()));
    }

    @Test
    void theNationIsTheAdminsAlone() {
        assertEquals(
                List.of(403, 403, 403),
                List.of(
                        api.get("/analytics/nation", token("school_admin")).status(),
                        api.get("/analytics/nation", token("recruiter")).status(),
                        api.get("/analytics/schools/XDU", token("recruiter")).status()));
    }

    @Test
    void theNationsRegionsAndSchoolsAddUpToItsRatedStudents() {
        JsonObject ratings = api.get("/analytics/nation", token("admin")).json().getJsonObject("ratings");
        long rated = ratings.getJsonNumber("rated").longValue();
        assertEquals(
                List.of(rated, rated, rated),
                List.of(
                        sum(ratings.getJsonArray("regions"), "students"),
                        sum(ratings.getJsonArray("schools"), "students"),
                        sum(ratings.getJsonArray("distribution"), "students")));
    }

    @Test
    void aWorkRoleCountsNoMoreThanTheRatedStudents() {
        JsonObject ratings = api.get("/analytics/nation", token("admin")).json().getJsonObject("ratings");
        long rated = ratings.getJsonNumber("rated").longValue();
        List<String> csv = lines(api.get("/analytics/nation/work-roles", token("admin")));
        assertEquals(
                List.of(ratings.getJsonArray("workRoles").size() + 1, true),
                List.of(
                        csv.size(),
                        ratings.getJsonArray("workRoles").stream()
                                .map(JsonValue::asJsonObject)
                                .allMatch(r -> r.getJsonNumber("students").longValue() <= rated)));
    }

    // --- pages ---

    private MainPage signIn(String user, String language) {
        browser = session.driver();
        MainPage page = LoginPage.open(browser, base).signIn(user, Fixtures.DEMO_PASSWORD);
        String lang = browser.findElement(By.tagName("html")).getAttribute("lang");
        if (!language.equals(lang)) {
            page = "zh-CN".equals(language) ? page.switchToChinese() : page.switchToEnglish();
        }
        return page;
    }

    private void open(String path) {
        browser.get(base + path);
        new MainPage(browser);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("canvas")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"en, School analytics, Xidian University (XDU)", "zh-CN, 学校分析, 西安电子科技大学 (XDU)"})
    void aSchoolAdminSeesTheirSchoolsFourCharts(String language, String title, String school) {
        signIn("school_admin", language);
        open("analytics/school.xhtml");
        Browser.screenshot(browser, "analytics-school-" + language);
        assertEquals(
                List.of(title, school, 4),
                List.of(
                        browser.findElement(By.tagName("h1")).getText(),
                        browser.findElement(By.id("schoolName")).getText(),
                        browser.findElements(By.cssSelector("#analytics canvas"))
                                .size()));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"en, National analytics", "zh-CN, 全国分析"})
    void theAdminSeesTheNationsCharts(String language, String title) {
        signIn("admin", language);
        open("analytics/nation.xhtml");
        Browser.screenshot(browser, "analytics-nation-" + language);
        assertEquals(
                List.of(title, true),
                List.of(
                        browser.findElement(By.tagName("h1")).getText(),
                        browser.findElements(By.cssSelector("#analytics canvas"))
                                        .size()
                                >= 3));
    }

    @Test
    void theCsvBesideAChartHoldsItsTable() throws Exception {
        signIn("school_admin", "en");
        open("analytics/school.xhtml");
        int rows = browser.findElements(By.cssSelector("[id='analytics:trend_data'] tr"))
                .size();
        Path file = Browser.downloads().resolve("analytics-XDU-trend.csv");
        Files.deleteIfExists(file);
        browser.findElement(By.id("analytics:trendCsv")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(file));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(
                List.of("quarter,results,students,mean_place_percentile", rows + 1),
                List.of(lines.get(0), lines.size()));
    }

    @Test
    void anotherSchoolsAnalyticsPageIsNotFound() {
        signIn("school_admin", "en");
        browser.get(base + "analytics/school.xhtml?school=SJTU");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
        assertEquals(
                List.of("Not found", 0),
                List.of(
                        browser.findElement(By.id("error-title")).getText(),
                        browser.findElements(By.cssSelector("#analytics canvas"))
                                .size()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "school_admin, analytics/school.xhtml",
        "admin, analytics/nation.xhtml",
        "admin, analytics/school.xhtml?school=SJTU"
    })
    void analyticsPagesHaveNoSeriousAccessibilityViolation(String user, String path) {
        signIn(user, "en");
        open(path);
        assertEquals(List.of(), Accessibility.seriousViolations(browser), user + " " + path);
    }
}
