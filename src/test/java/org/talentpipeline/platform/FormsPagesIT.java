package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.talentpipeline.it.Accessibility;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Browser;
import org.talentpipeline.it.BrowserSession;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.it.pages.MainPage;

/**
 * The forms' pick-lists (a user's school and agency, a school's region, a position's categories),
 * a field in error highlighted with its message naming it, in English and Chinese; the language and
 * time zone kept per user, on the settings page and through the API.
 */
@ExtendWith(ArquillianExtension.class)
class FormsPagesIT {

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
        browser = session.driver();
    }

    private MainPage signIn(String user, String language) {
        MainPage page = LoginPage.open(browser, base).signIn(user, Fixtures.DEMO_PASSWORD);
        if (!language.equals(browser.findElement(By.tagName("html")).getAttribute("lang"))) {
            page = "zh-CN".equals(language) ? page.switchToChinese() : page.switchToEnglish();
        }
        return page;
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void open(String path) {
        browser.get(base + path);
        new MainPage(browser);
    }

    /** The options a PrimeFaces pick-list offers once opened, as the user reads them. */
    private List<String> options(String id) {
        browser.findElement(By.id(id))
                .findElement(By.cssSelector(
                        ".ui-selectonemenu-trigger, .ui-selectcheckboxmenu-trigger," + " .ui-autocomplete-dropdown"))
                .click();
        WebElement panel = waitFor(By.id(id + "_panel"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !panel.findElements(By.cssSelector("li")).isEmpty());
        return panel.findElements(By.cssSelector("li")).stream()
                .map(li -> li.getText().trim())
                .filter(t -> !t.isEmpty())
                .toList();
    }

    @Test
    void aUsersSchoolIsPickedFromTheSchools() {
        signIn("admin", "en");
        open("identity/users.xhtml");
        // every school that exists, in code order (other tests of the run add schools of their own)
        String token = api.token("admin", Fixtures.DEMO_PASSWORD);
        List<String> schools = new ArrayList<>(List.of("(none)"));
        api.get("/schools?size=500", token).json().getJsonArray("items").stream()
                .map(school -> school.asJsonObject().getString("code"))
                .sorted()
                .forEach(schools::add);
        assertEquals(true, schools.containsAll(List.of("CDVTC", "SJTU", "SZMS", "WHU", "XDU")), schools.toString());
        assertEquals(schools, options("users:schoolCode"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, School code", "zh-CN, 学校代码"})
    void aMissingSchoolIsHighlightedBesideItsField(String language, String label) {
        signIn("admin", language);
        open("identity/users.xhtml");
        browser.findElement(By.id("users:username")).sendKeys("en".equals(language) ? "forms_it_en" : "forms_it_zh");
        browser.findElement(By.id("users:password")).sendKeys("a long enough password 2026!");
        String box = browser.findElement(By.cssSelector("[id='users:roles'] input[value='SCHOOL_ADMIN']"))
                .getAttribute("id");
        browser.findElement(By.cssSelector("label[for='" + box + "']")).click();
        browser.findElement(By.id("users:create")).click();
        waitFor(By.cssSelector(".ui-messages-error, .ui-messages-info"));
        Browser.screenshot(browser, "forms-user-error-" + language);
        WebElement message = browser.findElement(By.cssSelector("[id='users:schoolCode'] ~ .ui-message-error"));
        assertEquals(
                List.of(true, true),
                List.of(
                        message.getText().startsWith(label),
                        browser.findElement(By.id("users:schoolCode"))
                                .getAttribute("class")
                                .contains("ui-state-error")),
                message.getText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, School administrator, Administrator, Yes", "zh-CN, 学校管理员, 系统管理员, 是"})
    void rolesAreNamedInTheReadersLanguage(String language, String schoolAdmin, String admin, String yes) {
        signIn("admin", language);
        open("identity/users.xhtml");
        String box = browser.findElement(By.cssSelector("[id='users:roles'] input[value='SCHOOL_ADMIN']"))
                .getAttribute("id");
        assertEquals(
                schoolAdmin,
                browser.findElement(By.cssSelector("label[for='" + box + "']")).getText());
        // the first administrator, as the list names their role and that the account is enabled
        List<String> row = browser.findElements(By.cssSelector("[id='users:list'] tbody tr")).stream()
                .map(WebElement::getText)
                .filter(text -> text.startsWith("admin "))
                .toList();
        assertEquals(1, row.size(), row.toString());
        assertEquals(true, row.get(0).startsWith("admin " + admin) && row.get(0).contains(yes), row.get(0));
    }

    @Test
    void aSchoolsRegionIsSuggestedFromThoseInUse() {
        signIn("admin", "en");
        open("school/edit.xhtml?code=XDU");
        List<String> regions = options("school:region");
        assertEquals(
                true,
                regions.containsAll(List.of("Central", "East", "Northwest", "South", "Southwest")),
                regions.toString());
    }

    @Test
    void aPositionsCategoriesArePickedFromTheRatedOnes() {
        signIn("recruiter", "en");
        open("placement/positions.xhtml");
        List<String> categories = options("positions:categories");
        assertEquals(true, categories.containsAll(List.of("web", "pwn", "crypto")), categories.toString());
    }

    @Test
    void aPositionWithoutATitleIsRefusedBesideTheTitle() {
        signIn("recruiter", "en");
        open("placement/positions.xhtml");
        browser.findElement(By.id("positions:create")).click();
        WebElement message = waitFor(By.cssSelector("[id='positions:title'] ~ .ui-message-error"));
        assertEquals(
                List.of(true, true),
                List.of(
                        message.getText().startsWith("Title"),
                        browser.findElement(By.id("positions:title"))
                                .getAttribute("class")
                                .contains("ui-state-error")),
                message.getText());
    }

    // --- settings ---

    @Test
    void aZoneThatIsNoneIsRefusedNamingTheField() {
        String token = api.token("reviewer_wang", Fixtures.DEMO_PASSWORD);
        ApiClient.Reply reply = api.put(
                "/me/settings",
                token,
                Json.object()
                        .add("language", "en")
                        .add("timeZone", "Mars/Olympus")
                        .build()
                        .toString());
        assertEquals(
                List.of(400, "timeZone"),
                List.of(
                        reply.status(),
                        reply.json().getJsonArray("details").getJsonObject(0).getString("field")));
    }

    @Test
    void settingsAreKeptOnTheUser() {
        String token = api.token("reviewer_wang", Fixtures.DEMO_PASSWORD);
        api.put(
                "/me/settings",
                token,
                Json.object()
                        .add("language", "zh-CN")
                        .add("timeZone", "Europe/Paris")
                        .build()
                        .toString());
        JsonObject kept = api.get("/me/settings", token).json();
        api.put(
                "/me/settings",
                token,
                Json.object().add("language", "en").addNull("timeZone").build().toString());
        assertEquals(List.of("zh-CN", "Europe/Paris"), List.of(kept.getString("language"), kept.getString("timeZone")));
    }

    @Test
    void theSettingsPageShowsTheZoneChosenAtTheNextSignIn() {
        String token = api.token("reviewer_wang", Fixtures.DEMO_PASSWORD);
        api.put(
                "/me/settings",
                token,
                Json.object()
                        .add("language", "en")
                        .add("timeZone", "America/New_York")
                        .build()
                        .toString());
        signIn("reviewer_wang", "en");
        open("account/settings.xhtml");
        String shown = browser.findElement(By.id("settings:timeZone_label")).getText();
        Browser.screenshot(browser, "settings-en");
        api.put(
                "/me/settings",
                token,
                Json.object().add("language", "en").addNull("timeZone").build().toString());
        assertEquals(true, shown.startsWith("America/New_York (UTC-0"), shown);
    }

    @Test
    void choosingChineseOnTheSettingsPageShowsThePagesInChinese() {
        signIn("reviewer_wang", "en");
        open("account/settings.xhtml");
        browser.findElement(By.cssSelector("[id='settings:language'] .ui-selectonemenu-trigger"))
                .click();
        // chosen once the menu shows it: a click that lands while the panel is still opening selects nothing,
        // so the item is clicked again until it is chosen
        By chinese = By.cssSelector("[id='settings:language_panel'] li[data-label='中文']");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> item = d.findElements(chinese);
            if (!item.isEmpty() && item.get(0).isDisplayed()) {
                item.get(0).click();
            }
            return "中文".equals(d.findElement(By.id("settings:language_label")).getText());
        });
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("settings:language_panel")));
        browser.findElement(By.id("settings:save")).click();
        // the page is sent again, in the language saved
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        String title = waitFor(By.tagName("h1")).getText();
        Browser.screenshot(browser, "settings-zh-CN");
        String kept = api.get("/me/settings", api.token("reviewer_wang", Fixtures.DEMO_PASSWORD))
                .json()
                .getString("language");
        new MainPage(browser).switchToEnglish();
        assertEquals(List.of("语言和时区", "zh-CN"), List.of(title, kept));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "admin, identity/users.xhtml",
        "admin, school/edit.xhtml?code=XDU",
        "recruiter, placement/positions.xhtml",
        "reviewer, account/settings.xhtml"
    })
    void formsHaveNoSeriousAccessibilityViolation(String user, String path) {
        signIn(user, "en");
        open(path);
        assertEquals(List.of(), Accessibility.seriousViolations(browser), user + " " + path);
    }
}
