package org.talentpipeline.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
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
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.it.pages.MainPage;

/** An evaluator in a real browser: an event's integrity cases, the evidence of one, its decision; in Chinese too. */
@ExtendWith(ArquillianExtension.class)
class IntegrityPagesIT {

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
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(by));
    }

    @Test
    void anEvaluatorReadsTheEvidenceAndClearsTheCase() {
        ApiClient api = Deployments.api(deployment);
        IntegrityIT.Planted planted = IntegrityIT.plant(api, new Fixtures(api));
        String base = Deployments.local(deployment);
        LoginPage.open(browser, base).signIn("evaluator", Fixtures.DEMO_PASSWORD);
        browser.get(base + "integrity/cases.xhtml?code=" + planted.event());
        String list = waitFor(By.id("cases:list")).getText();
        assertTrue(
                list.contains(planted.pair().get(0))
                        && list.contains(planted.pair().get(1)),
                list);

        browser.findElements(By.cssSelector("#cases\\:list_data tr")).stream()
                .filter(r -> r.getText().contains(planted.pair().get(0)))
                .findFirst()
                .orElseThrow()
                .findElement(By.tagName("button"))
                .click();
        assertTrue(waitFor(By.id("evidence")).getText().contains("timeline"));
        browser.findElement(By.id("cases:reason")).sendKeys("they worked side by side in one lab, as allowed");
        browser.findElement(By.id("cases:decide")).click();
        WebElement decided = waitFor(By.cssSelector("#messages .ui-messages-info"));
        assertTrue(decided.getText().contains("decided"), decided.getText());
        Browser.screenshot(browser, "integrity-case");

        String evaluator = api.token("evaluator", Fixtures.DEMO_PASSWORD);
        String state =
                api.get("/events/" + planted.event() + "/integrity", evaluator).json().getJsonArray("items").stream()
                        .map(JsonObject.class::cast)
                        .filter(c -> c.getString("pattern").equals("CO_SOLVING"))
                        .findFirst()
                        .orElseThrow()
                        .getString("state");
        assertEquals("CLEARED", state, "the decision taken on the page is the one stored");

        new MainPage(browser).switchToChinese();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "诚信案件"));
        assertTrue(
                browser.findElement(By.id("cases:list")).getText().contains("已澄清"),
                browser.findElement(By.id("cases:list")).getText());
        Browser.screenshot(browser, "integrity-case-zh");
        new MainPage(browser).switchToEnglish();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Integrity cases"));
        new MainPage(browser).signOut();
    }
}
