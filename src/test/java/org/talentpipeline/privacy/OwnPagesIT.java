package org.talentpipeline.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
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

/** A student in a real browser, in English and in Chinese: activating their account, their own page, their consent. */
@ExtendWith(ArquillianExtension.class)
class OwnPagesIT {

    @RegisterExtension
    static BrowserSession session = new BrowserSession();

    WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    private static ApiClient api;
    private static Fixtures fixtures;
    private static String school;

    @BeforeEach
    void browser() {
        browser = session.driver();
        if (api == null) {
            api = Deployments.api(deployment);
            fixtures = new Fixtures(api);
            school = fixtures.school("Northeast");
        }
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** A new student of the school and an invitation code for them; the student's number. */
    private static String[] invited() {
        String number = Fixtures.unique("P");
        fixtures.students(school, number + ",Pei Page,2003-03-03,pei@example.org,2022,2026,true");
        String code = api.post(
                        "/students/" + URLEncoder.encode(school + "/" + number, StandardCharsets.UTF_8) + "/invitation",
                        fixtures.adminToken(),
                        "")
                .json()
                .getString("code");
        return new String[] {number, code};
    }

    /** A new student with an account; their user name. */
    private static String account() {
        String[] invited = invited();
        String username = Fixtures.unique("s-").toLowerCase(Locale.ROOT);
        assertEquals(
                201,
                api.post(
                                "/auth/activate",
                                null,
                                Json.object()
                                        .add("code", invited[1])
                                        .add("username", username)
                                        .add("password", Fixtures.PASSWORD)
                                        .build()
                                        .toString())
                        .status());
        return username;
    }

    private void openOwnPage(String username) {
        String base = Deployments.local(deployment);
        LoginPage.open(browser, base).signIn(username, Fixtures.PASSWORD);
        waitFor(By.id("menu:signout"));
        browser.get(base + "me/record.xhtml");
        waitFor(By.id("record"));
    }

    @Test
    void aStudentActivatesTheirAccountOnThePage() {
        String[] invited = invited();
        browser.manage().deleteAllCookies();
        browser.get(Deployments.local(deployment) + "activate.xhtml");
        waitFor(By.id("activate:code")).sendKeys(invited[1]);
        browser.findElement(By.id("activate:username"))
                .sendKeys(Fixtures.unique("s-").toLowerCase(Locale.ROOT));
        browser.findElement(By.id("activate:password")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("activate:submit")).click();
        waitFor(By.id("activate:signin"));
        Browser.screenshot(browser, "student-activated");
        assertEquals(
                1,
                browser.findElements(By.cssSelector("#activate\\:messages .ui-messages-info"))
                        .size());
    }

    @Test
    void theOwnPageShowsTheRecordInEnglish() {
        openOwnPage(account());
        assertEquals("My data", browser.findElement(By.cssSelector("main h1")).getText());
        Browser.screenshot(browser, "student-own-page");
    }

    @Test
    void theOwnPageShowsTheRecordInChinese() {
        openOwnPage(account());
        browser.findElement(By.id("menu:lang-zh")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "我的数据"));
        assertEquals(
                "我的档案",
                browser.findElement(By.cssSelector("#record_header .ui-panel-title"))
                        .getText());
        Browser.screenshot(browser, "student-own-page-zh");
    }

    @Test
    void aStudentSharesWithAChosenAgencyOnThePage() {
        openOwnPage(account());
        browser.findElement(By.cssSelector("#consent\\:sharing label[for='consent:sharing:1']"))
                .click();
        browser.findElement(By.cssSelector("#consent\\:agencies label[for='consent:agencies:1']"))
                .click();
        browser.findElement(By.id("consent:save")).click();
        waitFor(By.cssSelector("#messages .ui-messages-info"));
        assertEquals(
                "Your choice is in force now.",
                browser.findElement(By.cssSelector("#messages .ui-messages-info"))
                        .getText());
    }
}
