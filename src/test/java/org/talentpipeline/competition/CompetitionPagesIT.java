package org.talentpipeline.competition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

/** An evaluator in a real browser: the demo events' scoreboards, posting a file, judging an entry. */
@ExtendWith(ArquillianExtension.class)
class CompetitionPagesIT {

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
    void anEvaluatorReadsAScoreboardPostsResultsAndJudges() throws Exception {
        String base = Deployments.local(deployment);
        LoginPage.open(browser, base).signIn("evaluator", Fixtures.DEMO_PASSWORD);
        browser.get(base + "competition/events.xhtml");
        waitFor(By.id("events:list"));
        assertTrue(browser.findElement(By.id("events:list")).getText().contains("NCSC-2025"));

        browser.get(base + "competition/event.xhtml?code=NCSC-2025");
        assertTrue(waitFor(By.id("fieldSize")).getText().contains("150"));
        List<WebElement> headers = browser.findElements(By.cssSelector("#board\\:scoreboard th"));
        assertTrue(headers.stream().anyMatch(h -> h.getText().contains("forensics")), "a column per category");
        assertEquals(
                "1",
                browser.findElement(By.cssSelector("#board\\:scoreboard_data tr td"))
                        .getText());
        Browser.screenshot(browser, "scoreboard");

        // a ranking with a competitor nobody knows is refused, naming it
        browser.get(base + "competition/event.xhtml?code=XDU-2026-SPRING");
        waitFor(By.id("upload"));
        Path bad = Files.createTempFile("ranking", ".csv");
        Files.writeString(bad, "place,competitor,points\n1,XDU/NOBODY,10\n", StandardCharsets.UTF_8);
        browser.findElement(By.cssSelector("#upload input[type=file]"))
                .sendKeys(bad.toAbsolutePath().toString());
        assertTrue(waitFor(By.id("unmatched")).getText().contains("XDU/NOBODY"));

        browser.get(base + "competition/event.xhtml?code=XDU-FORENSICS-2026");
        assertTrue(
                waitFor(By.id("eventAgreement")).getText().matches(".*alpha.*: 0\\.\\d+.*"),
                browser.findElement(By.id("eventAgreement")).getText());
        browser.get(base + "evaluation/judge.xhtml?code=XDU-FORENSICS-2026");
        assertTrue(waitFor(By.id("agreement")).getText().contains("alpha"));
        WebElement firstScore = browser.findElement(By.cssSelector("#scores\\:entries_data tr input[type=text]"));
        firstScore.sendKeys(Keys.chord(Keys.CONTROL, "a"), "7");
        String entry = browser.findElement(By.cssSelector("#scores\\:entries_data tr td"))
                .getText()
                .split(" ")[0];
        browser.findElement(By.cssSelector("#scores\\:entries_data tr button")).click();
        WebElement saved = waitFor(By.cssSelector("#messages .ui-messages-info"));
        assertTrue(saved.getText().contains("saved"), saved.getText());
        ApiClient api = Deployments.api(deployment);
        String token = api.token("evaluator", Fixtures.DEMO_PASSWORD);
        JsonArray mine = api.get("/events/XDU-FORENSICS-2026/judging/mine", token)
                .parse()
                .asJsonArray();
        double stored = mine.stream()
                .map(v -> v.asJsonObject())
                .filter(a -> a.getString("entry").equals(entry))
                .findFirst()
                .orElseThrow()
                .getJsonObject("scores")
                .getJsonNumber("analysis")
                .doubleValue();
        assertEquals(7.0, stored, "the score typed on the page is the one stored");
        Browser.screenshot(browser, "judging");
        new MainPage(browser).signOut();
    }
}
