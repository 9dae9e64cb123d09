package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Json;

/** Sign-in, tokens and roles through the running application's API and pages; throttling and revocation: SignInIT. */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    static final String DEMO_PASSWORD = "talent-demo";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    String base;

    ApiClient api;

    @BeforeEach
    void client() {
        base = Deployments.local(deployment);
        api = Deployments.api(deployment);
    }

    @Test
    void adminGetsATokenThatExpiresLater() {
        ApiClient.Reply reply = api.post(
                "/auth/token",
                null,
                Json.object()
                        .add("username", "admin")
                        .add("password", DEMO_PASSWORD)
                        .build()
                        .toString());
        assertEquals(200, reply.status(), reply.toString());
        JsonObject body = reply.json();
        assertTrue(body.getString("token").length() >= 40);
        assertTrue(Instant.parse(body.getString("expiresAt")).isAfter(Instant.now()));
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        ApiClient.Reply reply = api.post(
                "/auth/token",
                null,
                Json.object()
                        .add("username", "admin")
                        .add("password", "not-the-password")
                        .build()
                        .toString());
        assertEquals(401, reply.status());
        assertTrue(reply.json().containsKey("error"));
    }

    @Test
    void aRecruiterMayNotListUsers() {
        String token = api.token("recruiter", DEMO_PASSWORD);
        ApiClient.Reply reply = api.get("/users", token);
        assertEquals(403, reply.status(), reply.toString());
        assertTrue(reply.json().getString("error").contains("role"));
    }

    @Test
    void theApiAsksAnonymousCallersToSignIn() {
        assertEquals(401, api.get("/users", null).status());
        ApiClient.Reply forged = api.get("/users", "forged-token");
        assertEquals(401, forged.status());
        assertEquals(
                "Bearer", forged.raw().headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void adminCreatesAUserThatCanSignIn() {
        String admin = api.token("admin", DEMO_PASSWORD);
        String name = "eval-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Reply created = api.post(
                "/users",
                admin,
                Json.object()
                        .add("username", name)
                        .add("password", "a-long-password")
                        .add("roles", Json.array("EVALUATOR"))
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.toString());
        assertEquals(name, created.json().getString("username"));
        assertTrue(!created.body().contains("password"), "no password or hash comes back");

        ApiClient.Reply list = api.get("/users?size=500", admin);
        assertTrue(list.json().getJsonArray("items").stream()
                .anyMatch(u -> name.equals(u.asJsonObject().getString("username"))));
        assertTrue(api.token(name, "a-long-password").length() > 0);
    }

    @Test
    void badUserInputIsAnsweredFieldByField() {
        String admin = api.token("admin", DEMO_PASSWORD);
        ApiClient.Reply reply = api.post(
                "/users",
                admin,
                Json.object()
                        .add("username", "Bad Name")
                        .add("password", "short")
                        .add("roles", Json.array("SCHOOL_ADMIN"))
                        .build()
                        .toString());
        assertEquals(400, reply.status());
        String details = reply.json().getJsonArray("details").toString();
        assertTrue(details.contains("\"username\""), details);
        assertTrue(details.contains("\"password\""), details);

        ApiClient.Reply noSchool = api.post(
                "/users",
                admin,
                Json.object()
                        .add("username", "sa-" + UUID.randomUUID().toString().substring(0, 6))
                        .add("password", "a-long-password")
                        .add("roles", Json.array("SCHOOL_ADMIN"))
                        .add("schoolCode", "NOSUCH")
                        .build()
                        .toString());
        assertEquals(400, noSchool.status());
        assertTrue(noSchool.body().contains("schoolCode"), noSchool.toString());
    }

    @Test
    void pagesCarryTheSecurityHeadersAndASafeSessionCookie() throws Exception {
        HttpResponse<String> login = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "login.xhtml")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        var headers = login.headers();
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""));
        assertTrue(headers.firstValue("Referrer-Policy").isPresent());
        assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("nonce-"));
        String cookie = headers.firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }

    @Test
    void anonymousPagesSendYouToSignIn() throws Exception {
        HttpResponse<String> home = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "identity/users.xhtml"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(302, home.statusCode());
        assertTrue(home.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"));
    }

    @Test
    void theApplicationIsReadyWhenItsDatabaseAnswers() throws Exception {
        HttpResponse<String> health = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains("database"), health.body());
    }
}
