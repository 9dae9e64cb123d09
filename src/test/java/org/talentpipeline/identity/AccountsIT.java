package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;

/**
 * Accounts through the API (issue 19): a user's own account and password change, and an admin's
 * edit, disabling and password reset of another, each acting on the database at the next call.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    Fixtures fixtures;
    String admin;

    @BeforeEach
    void client() {
        api = Deployments.api(deployment);
        fixtures = new Fixtures(api);
        admin = fixtures.adminToken();
    }

    /** Identity tells of them (AccountEvent) and audit writes them: the entries are there as before. */
    @Test
    void signInsAndAccountChangesAreInTheAuditLog() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        api.post(
                "/me/password",
                eve.token(),
                Json.object()
                        .add("currentPassword", Fixtures.PASSWORD)
                        .add("newPassword", "a-brand-new-secret")
                        .build()
                        .toString());
        List<String> byEve = actions("actor=" + eve.username());
        assertTrue(byEve.contains("TOKEN_ISSUED") && byEve.contains("PASSWORD_CHANGED"), byEve.toString());
        List<String> aboutEve =
                actions("subject=" + URLEncoder.encode("user:" + eve.username(), StandardCharsets.UTF_8));
        assertTrue(aboutEve.contains("CREATE") && aboutEve.contains("PASSWORD_CHANGED"), aboutEve.toString());
    }

    private List<String> actions(String filter) {
        ApiClient.Reply reply = api.get("/audit?size=100&" + filter, admin);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").stream()
                .map(o -> o.asJsonObject().getString("action"))
                .toList();
    }

    @Test
    void aUserSeesTheirOwnAccount() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        ApiClient.Reply me = api.get("/me", eve.token());
        assertEquals(200, me.status(), me.toString());
        assertEquals(eve.username(), me.json().getString("username"));
        assertEquals("[\"EVALUATOR\"]", me.json().getJsonArray("roles").toString());
    }

    @Test
    void aUserChangesTheirOwnPasswordAndSignsInWithTheNewOne() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        ApiClient.Reply changed = api.post(
                "/me/password",
                eve.token(),
                Json.object()
                        .add("currentPassword", Fixtures.PASSWORD)
                        .add("newPassword", "a-brand-new-secret")
                        .build()
                        .toString());
        assertEquals(204, changed.status(), changed.toString());
        assertEquals(
                200,
                api.get("/me", api.token(eve.username(), "a-brand-new-secret")).status());
    }

    @Test
    void aPasswordChangeRevokesTheUsersTokens() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        api.post(
                "/me/password",
                eve.token(),
                Json.object()
                        .add("currentPassword", Fixtures.PASSWORD)
                        .add("newPassword", "a-brand-new-secret")
                        .build()
                        .toString());
        assertEquals(401, api.get("/me", eve.token()).status());
    }

    @Test
    void aWrongCurrentPasswordIsRefusedNamingTheField() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        ApiClient.Reply refused = api.post(
                "/me/password",
                eve.token(),
                Json.object()
                        .add("currentPassword", "not-my-password")
                        .add("newPassword", "a-brand-new-secret")
                        .build()
                        .toString());
        assertEquals(400, refused.status(), refused.toString());
        assertEquals(
                "currentPassword",
                refused.json().getJsonArray("details").getJsonObject(0).getString("field"));
    }

    @Test
    void disablingAUserMakesTheirTokenAnswer401() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        ApiClient.Reply read = api.get("/users/" + eve.username(), admin);
        ApiClient.Reply disabled = api.put(
                "/users/" + eve.username(),
                admin,
                Json.object().add("enabled", false).build().toString(),
                read.etag());
        assertEquals(200, disabled.status(), disabled.toString());
        assertEquals(401, api.get("/events", eve.token()).status());
    }

    @Test
    void anEditWithoutIfMatchIsRefused() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        ApiClient.Reply refused = api.put(
                "/users/" + eve.username(),
                admin,
                Json.object().add("roles", Json.array("REVIEWER")).build().toString());
        assertEquals(428, refused.status(), refused.toString());
    }

    @Test
    void anAdminChangesAUsersRoles() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        ApiClient.Reply read = api.get("/users/" + eve.username(), admin);
        ApiClient.Reply edited = api.put(
                "/users/" + eve.username(),
                admin,
                Json.object().add("roles", Json.array("REVIEWER")).build().toString(),
                read.etag());
        assertEquals(200, edited.status(), edited.toString());
        assertEquals(
                "[\"REVIEWER\"]",
                api.get("/me", eve.token()).json().getJsonArray("roles").toString());
    }

    @Test
    void aResetUserMayCallNothingButThePasswordChange() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        String temporary = api.post("/users/" + eve.username() + "/password-reset", admin, "")
                .json()
                .getString("temporaryPassword");
        ApiClient.Reply refused = api.get("/events", api.token(eve.username(), temporary));
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(
                "password change required: your password was reset; POST /api/v1/me/password first",
                refused.json().getString("error"));
    }

    @Test
    void aResetRevokesTheUsersTokens() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        api.post("/users/" + eve.username() + "/password-reset", admin, "");
        assertEquals(401, api.get("/me", eve.token()).status());
    }

    @Test
    void aResetUserWhoChoseANewPasswordMayCallAgain() {
        Fixtures.Person eve = fixtures.person("EVALUATOR", null, null);
        String temporary = api.post("/users/" + eve.username() + "/password-reset", admin, "")
                .json()
                .getString("temporaryPassword");
        String token = api.token(eve.username(), temporary);
        ApiClient.Reply changed = api.post(
                "/me/password",
                token,
                Json.object()
                        .add("currentPassword", temporary)
                        .add("newPassword", "chosen-after-reset")
                        .build()
                        .toString());
        assertEquals(204, changed.status(), changed.toString());
        assertEquals(
                200,
                api.get("/events", api.token(eve.username(), "chosen-after-reset"))
                        .status());
    }
}
