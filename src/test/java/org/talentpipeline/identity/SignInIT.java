package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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
import org.talentpipeline.it.BrowserSession;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.it.pages.MainPage;

/**
 * Throttled sign-ins, logout, revocation and the password rules, through the API as a client sees
 * them. Each test stands for clients at addresses of its own (X-Forwarded-For, which the test
 * server trusts from loopback), so that no test's failures slow another's sign-ins.
 */
@ExtendWith(ArquillianExtension.class)
class SignInIT {

    @RegisterExtension
    static BrowserSession browserSession = new BrowserSession();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    String admin;

    @BeforeEach
    void client() {
        api = Deployments.api(deployment);
        admin = api.from(address()).token("admin", Fixtures.DEMO_PASSWORD);
    }

    /** A client address no other test or run uses. */
    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    String user() {
        String name = Fixtures.unique("sig-").toLowerCase();
        ApiClient.Reply created = api.post(
                "/users",
                admin,
                Json.object()
                        .add("username", name)
                        .add("password", Fixtures.PASSWORD)
                        .add("roles", Json.array("EVALUATOR"))
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.toString());
        return name;
    }

    static ApiClient.Reply signIn(ApiClient client, String username, String password) {
        return client.post(
                "/auth/token",
                null,
                Json.object()
                        .add("username", username)
                        .add("password", password)
                        .build()
                        .toString());
    }

    static String token(ApiClient client, String username, String password) {
        ApiClient.Reply reply = signIn(client, username, password);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getString("token");
    }

    /** Four wrong passwords from one address: the account's first delay (1 s) begins. */
    static void failFourTimes(ApiClient client, String username) {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, signIn(client, username, "wrong-password-" + i).status());
        }
    }

    @Test
    void afterLogoutTheSameTokenIsRefused() {
        ApiClient client = api.from(address());
        String name = user();
        String token = token(client, name, Fixtures.PASSWORD);
        assertEquals(200, client.get("/events", token).status());

        assertEquals(204, client.post("/auth/logout", token, "").status());

        ApiClient.Reply after = client.get("/events", token);
        assertEquals(401, after.status(), after.toString());
    }

    @Test
    void logoutRevokesOnlyTheCallingToken() {
        ApiClient client = api.from(address());
        String name = user();
        String first = token(client, name, Fixtures.PASSWORD);
        String second = token(client, name, Fixtures.PASSWORD);
        client.post("/auth/logout", first, "");
        assertEquals(200, client.get("/events", second).status());
    }

    @Test
    void disablingAUserRevokesTheirToken() {
        ApiClient client = api.from(address());
        String name = user();
        String token = token(client, name, Fixtures.PASSWORD);

        ApiClient.Reply disabled = api.post("/users/" + name + "/disable", admin, "");
        assertEquals(200, disabled.status(), disabled.toString());
        assertFalse(disabled.json().getBoolean("enabled"));

        assertEquals(401, client.get("/events", token).status());
    }

    @Test
    void aDisabledUserIsAnsweredAsAWrongPassword() {
        ApiClient client = api.from(address());
        String name = user();
        api.post("/users/" + name + "/disable", admin, "");
        ApiClient.Reply disabled = signIn(client, name, Fixtures.PASSWORD);
        ApiClient.Reply unknown = signIn(client, Fixtures.unique("nobody-").toLowerCase(), Fixtures.PASSWORD);
        assertEquals(unknown.toString(), disabled.toString());
    }

    @Test
    void disablingAUserSignsOutTheirPageSession() {
        String name = user();
        WebDriver browser = browserSession.driver();
        String base = Deployments.local(deployment);
        MainPage signedIn = LoginPage.open(browser, base).signIn(name, Fixtures.PASSWORD);
        assertTrue(signedIn.signedInAs().contains(name), signedIn.signedInAs());

        assertEquals(200, api.post("/users/" + name + "/disable", admin, "").status());

        browser.get(base + "index.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/login.xhtml"), browser.getCurrentUrl());
        assertFalse(browser.findElements(By.id("signin:username")).isEmpty());
    }

    @Test
    void changingThePasswordRevokesTheOldTokens() {
        ApiClient client = api.from(address());
        String name = user();
        String token = token(client, name, Fixtures.PASSWORD);
        ApiClient.Reply changed = client.post(
                "/auth/password",
                token,
                Json.object()
                        .add("currentPassword", Fixtures.PASSWORD)
                        .add("password", "another long passphrase")
                        .build()
                        .toString());
        assertEquals(204, changed.status(), changed.toString());

        assertEquals(401, client.get("/events", token).status());
        assertEquals(200, signIn(client, name, "another long passphrase").status());
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        ApiClient client = api.from(address());
        String name = user();
        String token = token(client, name, Fixtures.PASSWORD);
        ApiClient.Reply refused = client.post(
                "/auth/password",
                token,
                Json.object()
                        .add("currentPassword", "not-the-current-one")
                        .add("password", "another long passphrase")
                        .build()
                        .toString());
        assertEquals(400, refused.status(), refused.toString());
        assertEquals(
                "currentPassword",
                refused.json().getJsonArray("details").getJsonObject(0).getString("field"));
        assertEquals(200, client.get("/events", token).status());
    }

    @Test
    void anAdminSettingAPasswordRevokesTheUsersTokens() {
        ApiClient client = api.from(address());
        String name = user();
        String token = token(client, name, Fixtures.PASSWORD);
        ApiClient.Reply set = api.put(
                "/users/" + name + "/password",
                admin,
                Json.object()
                        .add("password", "set by the administrator")
                        .build()
                        .toString());
        assertEquals(200, set.status(), set.toString());
        assertEquals(401, client.get("/events", token).status());
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheOwnerOutOfAnother() throws InterruptedException {
        String name = user();
        ApiClient stranger = api.from(address());
        failFourTimes(stranger, name);
        for (int i = 0; i < 6; i++) {
            signIn(stranger, name, "still-wrong-" + i);
        }

        ApiClient owner = api.from(address());
        ApiClient.Reply waiting = signIn(owner, name, Fixtures.PASSWORD);
        if (waiting.status() == 429) {
            long seconds = Long.parseLong(
                    waiting.raw().headers().firstValue("Retry-After").orElseThrow());
            assertTrue(seconds <= 30, "never longer than the longest delay: " + seconds);
            Thread.sleep(seconds * 1000);
        }
        assertEquals(200, signIn(owner, name, Fixtures.PASSWORD).status());
    }

    @Test
    void aThrottledAttemptIsRefusedEvenWithTheRightPassword() {
        String name = user();
        failFourTimes(api.from(address()), name);
        ApiClient.Reply refused = signIn(api.from(address()), name, Fixtures.PASSWORD);
        assertEquals(429, refused.status(), refused.toString());
        assertEquals(
                "too many failed sign-ins: try again in 1 s", refused.json().getString("error"));
        assertEquals("1", refused.raw().headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void aThrottledAccountIsAnsweredAsAThrottledUnknownName() {
        String name = user();
        failFourTimes(api.from(address()), name);
        ApiClient.Reply existing = signIn(api.from(address()), name, Fixtures.PASSWORD);

        String nobody = Fixtures.unique("nobody-").toLowerCase();
        failFourTimes(api.from(address()), nobody);
        ApiClient.Reply unknown = signIn(api.from(address()), nobody, Fixtures.PASSWORD);

        assertEquals(unknown.toString(), existing.toString());
        assertEquals(
                unknown.raw().headers().firstValue("Retry-After"),
                existing.raw().headers().firstValue("Retry-After"));
    }

    @Test
    void aWrongPasswordIsAnsweredAsAnUnknownUser() {
        ApiClient client = api.from(address());
        ApiClient.Reply wrong = signIn(client, user(), "not-the-password");
        ApiClient.Reply unknown = signIn(client, Fixtures.unique("nobody-").toLowerCase(), "not-the-password");
        assertEquals(401, wrong.status());
        assertEquals(unknown.toString(), wrong.toString());
    }

    List<JsonObject> passwordProblems(String password) {
        String name = Fixtures.unique("pw-").toLowerCase();
        ApiClient.Reply reply = api.post(
                "/users",
                admin,
                Json.object()
                        .add("username", name)
                        .add("password", password.replace("NAME", name))
                        .add("roles", Json.array("EVALUATOR"))
                        .build()
                        .toString());
        assertEquals(400, reply.status(), reply.toString());
        return reply.json().getJsonArray("details").getValuesAs(JsonObject.class);
    }

    static JsonObject problem(String field, String message) {
        return Json.object().add("field", field).add("message", message).build();
    }

    @Test
    void aShortPasswordIsRefusedNamingTheRule() {
        assertEquals(List.of(problem("password", "must be at least 12 characters")), passwordProblems("kq8#vWz!2mP"));
    }

    @Test
    void aCommonPasswordIsRefusedNamingTheRule() {
        assertEquals(
                List.of(problem("password", "is one of the 10,000 most common passwords")),
                passwordProblems("qwerty123456"));
    }

    @Test
    void aPasswordContainingTheUserNameIsRefusedNamingTheRule() {
        assertEquals(
                List.of(problem("password", "must not contain the user name")), passwordProblems("my NAME secret"));
    }

    @Test
    void tenSpacesNoLongerPass() {
        assertEquals(
                List.of(
                        problem("password", "must be at least 12 characters"),
                        problem("password", "must not be one character repeated")),
                passwordProblems(" ".repeat(10)));
    }

    @Test
    void twelveSpacesDoNotPassEither() {
        assertEquals(
                List.of(problem("password", "must not be one character repeated")), passwordProblems(" ".repeat(12)));
    }

    @Test
    void aNewOwnPasswordFollowsTheRulesToo() {
        ApiClient client = api.from(address());
        String name = user();
        String token = token(client, name, Fixtures.PASSWORD);
        ApiClient.Reply refused = client.post(
                "/auth/password",
                token,
                Json.object()
                        .add("currentPassword", Fixtures.PASSWORD)
                        .add("password", "1qaz2wsx3edc")
                        .build()
                        .toString());
        assertEquals(400, refused.status(), refused.toString());
        assertEquals(
                List.of(problem("password", "is one of the 10,000 most common passwords")),
                refused.json().getJsonArray("details").getValuesAs(JsonObject.class));
    }

    static boolean lists(ApiClient.Reply throttled, String kind, String subject) {
        return throttled.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> kind.equals(t.getString("kind")) && subject.equals(t.getString("subject")));
    }

    @Test
    void anAdminSeesAndClearsAThrottledAccount() {
        String name = user();
        ApiClient client = api.from(address());
        failFourTimes(client, name);
        assertTrue(lists(api.get("/users/throttled?size=200", admin), "ACCOUNT", name));

        assertEquals(204, api.delete("/users/" + name + "/throttle", admin).status());

        assertFalse(lists(api.get("/users/throttled?size=200", admin), "ACCOUNT", name));
        assertEquals(200, signIn(api.from(address()), name, Fixtures.PASSWORD).status(), "no delay left to wait");
    }

    @Test
    void anAdminSeesAndClearsAThrottledAddress() {
        String from = address();
        ApiClient client = api.from(from);
        for (int i = 0; i < 11; i++) {
            assertEquals(
                    401,
                    signIn(client, Fixtures.unique("nobody-").toLowerCase(), "wrong-password")
                            .status());
        }
        assertEquals(
                429,
                signIn(client, Fixtures.unique("nobody-").toLowerCase(), "wrong-password")
                        .status());
        assertTrue(lists(api.get("/users/throttled?size=200", admin), "ADDRESS", from));

        assertEquals(
                204, api.delete("/users/throttled/addresses/" + from, admin).status());

        assertFalse(lists(api.get("/users/throttled?size=200", admin), "ADDRESS", from));
        assertEquals(
                401,
                signIn(client, Fixtures.unique("nobody-").toLowerCase(), "wrong-password")
                        .status());
    }

    @Test
    void onlyAnAdminSeesTheThrottles() {
        String token = token(api.from(address()), "recruiter", Fixtures.DEMO_PASSWORD);
        assertEquals(403, api.get("/users/throttled", token).status());
        assertEquals(403, api.delete("/users/admin/throttle", token).status());
    }
}
