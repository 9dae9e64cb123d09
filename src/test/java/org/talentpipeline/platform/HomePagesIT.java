package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
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
import org.openqa.selenium.WebElement;
import org.talentpipeline.it.Accessibility;
import org.talentpipeline.it.Browser;
import org.talentpipeline.it.BrowserSession;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.it.pages.MainPage;

/**
 * Each demo role's home in a real browser, in English and in Chinese: the panel of the role's work,
 * figures formatted for people (no raw ISO instants, no 16-decimal numbers), a screenshot in
 * target/screenshots, no serious or critical accessibility violation (axe-core), and the language
 * kept from one sign-in to the next.
 */
@ExtendWith(ArquillianExtension.class)
class HomePagesIT {

    private static final String PASSWORD = "talent-demo";
    private static final Pattern RAW_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern LONG_DECIMAL = Pattern.compile("\\d\\.\\d{4,}");

    @RegisterExtension
    static BrowserSession session = new BrowserSession();

    WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    String base;

    @BeforeEach
    void browser() {
        browser = session.driver();
        base = Deployments.local(deployment);
    }

    /** Signs in and shows the home in the language asked for (whatever the user last chose). */
    private MainPage home(String user, String language) {
        MainPage page = LoginPage.open(browser, base).signIn(user, PASSWORD);
        if (!language.equals(lang())) {
            page = "zh-CN".equals(language) ? page.switchToChinese() : page.switchToEnglish();
        }
        return page;
    }

    private String lang() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    private String mainText() {
        return browser.findElement(By.cssSelector("main")).getText();
    }

    @ParameterizedTest(name = "{0} in {2}")
    @CsvSource({
        "admin, adminHome, en", "admin, adminHome, zh-CN",
        "school_admin, schoolHome, en", "school_admin, schoolHome, zh-CN",
        "evaluator, evaluatorHome, en", "evaluator, evaluatorHome, zh-CN",
        "reviewer, reviewerHome, en", "reviewer, reviewerHome, zh-CN",
        "recruiter, recruiterHome, en", "recruiter, recruiterHome, zh-CN"
    })
    void eachRoleHasAHomeOfItsWork(String user, String panel, String language) {
        home(user, language);
        Browser.screenshot(browser, "home-" + user + "-" + language);
        assertEquals(
                List.of(language, 1),
                List.of(lang(), browser.findElements(By.id(panel)).size()),
                mainText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"admin", "school_admin", "evaluator", "reviewer", "recruiter"})
    void homesShowNoRawInstantsNorLongDecimals(String user) {
        home(user, "en");
        String text = mainText();
        assertEquals(
                List.of(),
                RAW_INSTANT.matcher(text).results().map(m -> m.group()).toList(),
                text);
        assertEquals(
                List.of(),
                LONG_DECIMAL.matcher(text).results().map(m -> m.group()).toList(),
                text);
    }

    @Test
    void schoolAdminsHomeCountsItsStudents() {
        home("school_admin", "en");
        assertEquals(
                true,
                browser.findElement(By.id("students")).getText().matches("[1-9][0-9,]*"),
                browser.findElement(By.id("students")).getText());
    }

    /** The school's best rated students, at most five, best first, each linked to their report. */
    @Test
    void schoolAdminsHomeListsItsTopTalentsBestFirst() {
        home("school_admin", "en");
        List<WebElement> rows = browser.findElements(By.cssSelector("#topTalents_data tr[data-ri]"));
        assertTrue(!rows.isEmpty() && rows.size() <= 5, rows.size() + " rows");
        List<Double> scores = rows.stream()
                .map(r -> Double.parseDouble(
                        r.findElements(By.tagName("td")).get(1).getText().replace(",", "")))
                .toList();
        assertEquals(scores.stream().sorted(Comparator.reverseOrder()).toList(), scores);
        for (WebElement row : rows) {
            assertTrue(
                    row.findElement(By.tagName("a")).getDomAttribute("href").contains("ref=XDU%2F"),
                    row.findElement(By.tagName("a")).getDomAttribute("href"));
        }
    }

    @Test
    void chineseHomeSpeaksChinese() {
        home("reviewer", "zh-CN");
        assertEquals(
                "分配给您的案例",
                browser.findElement(By.cssSelector("#reviewerHome .ui-panel-title"))
                        .getText());
        home("reviewer", "en");
    }

    @Test
    void theChosenLanguageIsKeptAtTheNextSignIn() {
        home("evaluator", "en").switchToChinese().signOut();
        MainPage again = LoginPage.open(browser, base).signIn("evaluator", PASSWORD);
        String kept = lang();
        again.switchToEnglish();
        assertEquals("zh-CN", kept);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "admin, index.xhtml",
        "admin, identity/users.xhtml",
        "admin, scoring/settings.xhtml",
        "admin, audit/log.xhtml",
        "school_admin, index.xhtml",
        "school_admin, student/list.xhtml",
        "school_admin, certification/applications.xhtml",
        "evaluator, index.xhtml",
        "evaluator, competition/events.xhtml",
        "reviewer, index.xhtml",
        "reviewer, certification/applications.xhtml",
        "recruiter, index.xhtml",
        "recruiter, search/candidates.xhtml",
        "recruiter, placement/positions.xhtml"
    })
    void mainPagesHaveNoSeriousAccessibilityViolation(String user, String path) {
        home(user, "en");
        browser.get(base + path);
        new MainPage(browser);
        assertEquals(List.of(), Accessibility.seriousViolations(browser), user + " " + path);
    }
}
