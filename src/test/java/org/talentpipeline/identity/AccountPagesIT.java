package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
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
import org.talentpipeline.it.pages.LoginPage;

/** The account pages in a browser: the password page, a reset user sent to it, and the API browser under the CSP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountPagesIT {

    @RegisterExtension
    static BrowserSession browserSession = new BrowserSession();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    Fixtures fixtures;
    String base;

    @BeforeEach
    void client() {
        api = Deployments.api(deployment);
        fixtures = new Fixtures(api);
        base = Deployments.local(deployment);
    }

    @Test
    void aUserChangesTheirPasswordOnThePasswordPage() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        WebDriver browser = browserSession.driver();
        LoginPage.open(browser, base).signIn(eve.username(), Fixtures.PASSWORD);
        browser.get(base + "account/password.xhtml");
        browser.findElement(By.id("password:current")).sendKeys(Fixtures.PASSWORD);
        browser.findElement(By.id("password:new")).sendKeys("changed-in-the-browser");
        browser.findElement(By.id("password:change")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Password changed"));
        assertTrue(api.token(eve.username(), "changed-in-the-browser").length() > 20);
    }

    @Test
    void aResetUserIsSentToThePasswordPage() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        String temporary = api.post("/users/" + eve.username() + "/password-reset", fixtures.adminToken(), "")
                .json()
                .getString("temporaryPassword");
        WebDriver browser = browserSession.driver();
        LoginPage.open(browser, base).signIn(eve.username(), temporary);
        browser.get(base + "competition/events.xhtml");
        assertEquals(base + "account/password.xhtml", browser.getCurrentUrl());
    }

    /**
     * As a visitor who is not signed in: the browser is shared by this class's tests, and a session
     * left by {@link #aResetUserIsSentToThePasswordPage} is sent to the password page from every
     * address, this one included, until that user chooses a new password.
     */
    @Test
    void theApiBrowserShowsTheApiUnderTheContentSecurityPolicy() {
        WebDriver browser = browserSession.driver();
        browser.get(base + "login.xhtml");
        browser.manage().deleteAllCookies();
        browser.get(base + "api-docs/");
        // Swagger UI parses a 1.7 MB script and renders every route: a minute or more on a loaded 2-core machine
        String title = new WebDriverWait(browser, Duration.ofSeconds(240))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info .title")))
                .getText();
        assertTrue(title.startsWith("Talent Pipeline API"), title);
    }
}
