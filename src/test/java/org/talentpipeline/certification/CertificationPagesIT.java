package org.talentpipeline.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
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
import org.talentpipeline.it.Browser;
import org.talentpipeline.it.BrowserSession;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Documents;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.pages.CasePage;
import org.talentpipeline.it.pages.LoginPage;

/**
 * In a real browser: a school applies with its statements and documents, the admin assigns two
 * reviewers, both score every criterion, and the admin certifies; the letter and the schools list
 * show it.
 */
@ExtendWith(ArquillianExtension.class)
class CertificationPagesIT {

    @RegisterExtension
    static BrowserSession session = new BrowserSession();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void aSchoolAppliesTwoReviewersScoreAndTheAdminCertifies() throws Exception {
        String base = Deployments.local(deployment);
        ApiClient api = Deployments.api(deployment);
        Fixtures fixtures = new Fixtures(api);
        LocalDate today = LocalDate.now();
        assertEquals(
                201,
                api.post(
                                "/certification/cycles",
                                fixtures.adminToken(),
                                Json.object()
                                        .add("code", Fixtures.unique("B"))
                                        .add("name", "Browser cycle")
                                        .add("opensOn", today.minusDays(1).toString())
                                        .add("closesOn", today.toString())
                                        .add("passMark", 50)
                                        .build()
                                        .toString())
                        .status());
        String school = fixtures.school("South");
        Fixtures.Person schoolAdmin = fixtures.person("SCHOOL_ADMIN", school, null);
        Fixtures.Person first = fixtures.person("REVIEWER", null, null);
        Fixtures.Person second = fixtures.person("REVIEWER", null, null);
        Path pdf = Files.createTempFile("evidence", ".pdf");
        Files.write(pdf, Documents.pdf());
        WebDriver browser = session.driver();

        LoginPage.open(browser, base).signIn(schoolAdmin.username(), Fixtures.PASSWORD);
        CasePage page = CasePage.apply(browser, base);
        long id = page.id();
        assertEquals("Draft", page.state());
        List<String> criteria = page.criteria();
        List<String> required =
                api
                        .get("/certification/applications/" + id, schoolAdmin.token())
                        .json()
                        .getJsonArray("evidence")
                        .stream()
                        .map(JsonObject.class::cast)
                        .filter(p -> p.getBoolean("evidenceRequired"))
                        .map(p -> p.getString("criterion"))
                        .toList();
        for (String criterion : required) {
            page.writeStatement(criteria.indexOf(criterion), "Our case for " + criterion);
        }
        page.saveStatements();
        for (String criterion : required) {
            page = page.upload(criterion, pdf);
            assertTrue(page.messages().contains("Document uploaded"), page.messages());
        }
        Browser.screenshot(browser, "certification-draft");
        page.submit();
        assertTrue(page.text().contains("frozen at submission"), "the pipeline's figures are frozen");
        page.signOut();

        LoginPage.open(browser, base).signIn("admin", Fixtures.DEMO_PASSWORD);
        page = CasePage.open(browser, base, id);
        page.assign(first.username());
        page = CasePage.open(browser, base, id).assign(second.username()).awaitState("Under review");
        page.signOut();

        for (Fixtures.Person reviewer : List.of(first, second)) {
            LoginPage.open(browser, base).signIn(reviewer.username(), Fixtures.PASSWORD);
            page = CasePage.open(browser, base, id).score(4, "Convincing evidence");
            assertTrue(page.messages().contains("Review saved"), page.messages());
            page.signOut();
        }

        LoginPage.open(browser, base).signIn("admin", Fixtures.DEMO_PASSWORD);
        page = CasePage.open(browser, base, id);
        assertTrue(page.text().contains("Weighted total 80.0"), page.text());
        Browser.screenshot(browser, "certification-reviewed");
        page.decide("CERTIFIED").awaitState("Certified");
        Browser.screenshot(browser, "certification-certified");
        browser.get(base + "certification/letter.xhtml?id=" + id);
        String letter = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("letterText")))
                .getText();
        // dates read as people write them, in the page's language
        String shown = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.ENGLISH)
                .format(today);
        assertTrue(letter.contains("certifies the school as a World-Class Cybersecurity School from " + shown), letter);
        browser.get(base + "school/edit.xhtml?code=" + school);
        String status = browser.findElement(By.id("school:certification")).getText();
        assertTrue(status.startsWith("Certified") && status.contains(shown), status);
    }
}
