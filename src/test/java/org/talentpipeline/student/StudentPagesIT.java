package org.talentpipeline.student;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.WebDriver;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Browser;
import org.talentpipeline.it.BrowserSession;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.pages.ImportPage;
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.it.pages.StudentListPage;
import org.talentpipeline.it.pages.StudentPage;

/** A school admin's day in a real browser: find a student, edit, record consent, import a file. */
@ExtendWith(ArquillianExtension.class)
class StudentPagesIT {

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
    Fixtures fixtures;

    @BeforeEach
    void browser() {
        browser = session.driver();
    }

    @BeforeEach
    void address() {
        base = Deployments.local(deployment);
        fixtures = new Fixtures(Deployments.api(deployment));
    }

    @Test
    void theDemoSchoolAdminFindsEditsAndRecordsConsent() {
        LoginPage.open(browser, base).signIn("school_admin", Fixtures.DEMO_PASSWORD);
        StudentListPage list = StudentListPage.open(browser, base, null);
        assertTrue(list.report().endsWith("/ 60") || list.report().contains("60"), list.report());
        String first = list.names().get(0);
        String prefix = first.substring(0, 1);
        list.filterByName(prefix);
        Browser.screenshot(browser, "students-filtered");
        String number = list.numbers().get(0);

        StudentPage student = list.openStudent(number);
        String original = student.fullName();
        assertTrue(student.setEmail("not an email").save().contains("Email"), "the error names the field");
        String saved = student.setEmail(number + "@xdu.example.edu")
                .rename(original + " Jr")
                .save();
        assertTrue(saved.contains("saved"), saved);
        assertEquals(original + " Jr", student.fullName());

        int before = student.historyRows();
        String granted = student.grantConsent(true, "consent form of " + number);
        assertTrue(granted.contains("Consent recorded"), granted);
        assertTrue(student.consentState().contains("Shares"), student.consentState());
        String withdrawn = student.withdrawConsent();
        assertTrue(withdrawn.contains("withdrawn"), withdrawn);
        assertTrue(student.consentState().contains("Does not share"), student.consentState());
        assertEquals(before + 2, student.historyRows());
        Browser.screenshot(browser, "student-consent");
        student.rename(original).save();
        student.signOut();
    }

    @Test
    void aSchoolAdminImportsAFileAndSeesTheReport() throws Exception {
        String school = fixtures.school("North");
        ApiClient api = Deployments.api(deployment);
        String admin = "pages-" + Fixtures.unique("").toLowerCase();
        api.post(
                "/users",
                fixtures.adminToken(),
                Json.object()
                        .add("username", admin)
                        .add("password", "a-long-password")
                        .add("roles", Json.array("SCHOOL_ADMIN"))
                        .add("schoolCode", school)
                        .build()
                        .toString());
        LoginPage.open(browser, base).signIn(admin, "a-long-password");

        Path bad = Files.createTempFile("bad", ".csv");
        Files.writeString(
                bad,
                StudentsIT.HEADER + "P1,Page One,2004-03-01,,,2023,2027,false\n"
                        + "P2,Page Two,2004-13-01,,,2023,2027,false\n",
                StandardCharsets.UTF_8);
        ImportPage page = StudentListPage.open(browser, base, null).openImport();
        String rejected = page.upload(bad);
        assertTrue(rejected.contains("Nothing was stored"), rejected);
        Browser.screenshot(browser, "import-rejected");
        List<String> errors = page.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("3") && errors.get(0).contains("date_of_birth"), errors.get(0));
        assertEquals(0, StudentListPage.open(browser, base, null).names().size());

        Path good = Files.createTempFile("good", ".csv");
        StringBuilder csv = new StringBuilder(StudentsIT.HEADER);
        for (int i = 1; i <= 120; i++) {
            csv.append("P")
                    .append(i)
                    .append(",Page Student ")
                    .append(i)
                    .append(",2004-03-01,,Cyberspace Security,2023,2027,")
                    .append(i % 2 == 0)
                    .append("\r\n");
        }
        Files.writeString(good, csv, StandardCharsets.UTF_8);
        page = StudentListPage.open(browser, base, null).openImport();
        String imported = page.upload(good);
        assertTrue(page.sawProgressBar());
        assertTrue(imported.contains("120 students created"), imported);
        Browser.screenshot(browser, "import-done");
        StudentListPage list = StudentListPage.open(browser, base, null);
        assertTrue(list.report().contains("120"), list.report());
        assertTrue(browser.findElement(By.id("students:export"))
                .getAttribute("href")
                .contains("school=" + school));
        list.signOut();
    }
}
