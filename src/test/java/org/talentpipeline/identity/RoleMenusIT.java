package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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
import org.talentpipeline.it.BrowserSession;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.it.pages.MainPage;

/** Each demo role signs in through a real browser and sees the menu of what it may use. */
@ExtendWith(ArquillianExtension.class)
class RoleMenusIT {

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
    }

    @BeforeEach
    void address() {
        base = Deployments.local(deployment);
    }

    private MainPage signIn(String user) {
        return LoginPage.open(browser, base).signIn(user, IdentityIT.DEMO_PASSWORD);
    }

    @Test
    void adminSeesUsersAndAudit() {
        MainPage page = signIn("admin");
        List<String> menu = page.menu();
        assertTrue(menu.containsAll(List.of("Home", "Users", "Audit log")), menu.toString());
        page.signOut();
    }

    @Test
    void schoolAdminSeesTheAuditButNotUsers() {
        MainPage page = signIn("school_admin");
        List<String> menu = page.menu();
        assertTrue(menu.contains("Audit log"), menu.toString());
        assertTrue(!menu.contains("Users"), menu.toString());
        assertTrue(browser.findElement(By.id("school")).getText().contains("XDU"));
        page.signOut();
    }

    @Test
    void evaluatorReviewerAndRecruiterSeeNeitherUsersNorAudit() {
        for (String user : List.of("evaluator", "reviewer", "recruiter")) {
            MainPage page = signIn(user);
            List<String> menu = page.menu();
            assertTrue(!menu.contains("Users") && !menu.contains("Audit log"), user + ": " + menu);
            assertTrue(page.signedInAs().contains(user));
            page.signOut();
        }
    }

    @Test
    void aRoleThatOpensAnotherRolesPageGetsTheFriendlyNotAllowedPage() {
        signIn("recruiter");
        browser.get(base + "identity/users.xhtml");
        assertEquals("Not allowed", browser.findElement(By.id("error-title")).getText());
        String source = browser.getPageSource();
        assertTrue(!source.contains("Caused by") && !source.matches("(?s).*\\.java:\\d+.*"), "no stack trace is shown");
        browser.get(base + "index.xhtml");
        new MainPage(browser).signOut();
    }

    @Test
    void theMenuSpeaksChineseOnRequest() {
        MainPage page = signIn("admin").switchToChinese();
        List<String> menu = page.menu();
        assertTrue(menu.containsAll(List.of("首页", "用户", "审计日志")), menu.toString());
        page.switchToEnglish().signOut();
    }

    @Test
    void aWrongPasswordShowsAMessageOnTheSignInPage() {
        LoginPage login = LoginPage.open(browser, base);
        login.signInExpectingFailure("admin", "not-the-password");
        assertTrue(login.error().contains("Sign-in failed"), login.error());
    }
}
