package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.talentpipeline.competition.CategoryName;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Deployments;
import org.talentpipeline.it.Documents;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;

/**
 * What every response tells the browser, as a client sees it: the content security policy on a
 * page, an API answer and a download; HSTS and Secure cookies behind an HTTPS proxy; no server
 * banner; no WADL; file names in UTF-8; and category names checked where results come in.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityHeadersIT {

    private static final List<String> DIRECTIVES = List.of(
            "default-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> page(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Deployments.local(deployment) + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertFullPolicy(HttpHeaders headers) {
        List<String> policies = headers.allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "one policy, so no second one blocks what the first allows: " + policies);
        List<String> directives = List.of(policies.get(0).split("\\s*;\\s*"));
        for (String directive : DIRECTIVES) {
            assertTrue(directives.contains(directive), directive + " in " + policies.get(0));
        }
    }

    static void assertNoBanner(HttpHeaders headers) {
        assertEquals(Optional.empty(), headers.firstValue("Server"));
        assertEquals(Optional.empty(), headers.firstValue("X-Powered-By"));
    }

    @Test
    void aPageHasTheFullPolicyWithItsScriptNonceAndNoBanner() throws Exception {
        HttpResponse<String> login = page("login.xhtml");
        assertEquals(200, login.statusCode());
        assertFullPolicy(login.headers());
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        String nonce = policy.replaceAll(".*script-src 'self' 'nonce-([^']+)'.*", "$1");
        assertFalse(nonce.equals(policy), "script-src carries a nonce: " + policy);
        assertTrue(login.body().contains("nonce=\"" + nonce + "\""), "the page's scripts carry the header's nonce");
        assertNoBanner(login.headers());
        assertEquals(Optional.of("nosniff"), login.headers().firstValue("X-Content-Type-Options"));
    }

    @Test
    void plainHttpHasNoHstsAndAnOrdinarySessionCookie() throws Exception {
        HttpResponse<String> login = page("login.xhtml");
        assertEquals(Optional.empty(), login.headers().firstValue("Strict-Transport-Security"));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertFalse(List.of(cookie.split("\\s*;\\s*")).contains("Secure"), cookie);
    }

    @Test
    void behindAnHttpsProxyThereIsHstsAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> login = page("login.xhtml", "X-Forwarded-Proto", "https");
        assertEquals(
                Optional.of("max-age=31536000; includeSubDomains"),
                login.headers().firstValue("Strict-Transport-Security"));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(
                cookie.startsWith("JSESSIONID=")
                        && List.of(cookie.split("\\s*;\\s*")).contains("Secure"),
                cookie);
    }

    @Test
    void anApiAnswerHasThePolicyAndNoBanner() throws Exception {
        HttpResponse<String> schools =
                page("api/v1/schools", "Authorization", "Bearer " + new Fixtures(api()).adminToken());
        assertEquals(200, schools.statusCode());
        assertFullPolicy(schools.headers());
        assertNoBanner(schools.headers());
    }

    @Test
    void theWadlIsNotServed() throws Exception {
        assertEquals(404, page("api/v1/application.wadl").statusCode());
        assertEquals(
                404,
                page("api/v1/application.wadl", "Authorization", "Bearer " + new Fixtures(api()).adminToken())
                        .statusCode());
    }

    @Test
    void aDownloadWithAChineseNameGivesItInUtf8WithAnAsciiFallback() throws Exception {
        ApiClient api = api();
        Fixtures fixtures = new Fixtures(api);
        LocalDate today = LocalDate.now();
        String cycle = Fixtures.unique("H");
        assertEquals(
                201,
                api.post(
                                "/certification/cycles",
                                fixtures.adminToken(),
                                Json.object()
                                        .add("code", cycle)
                                        .add("name", "Headers cycle")
                                        .add("opensOn", today.minusDays(1).toString())
                                        .add("closesOn", today.plusDays(1).toString())
                                        .add("passMark", 60)
                                        .build()
                                        .toString())
                        .status());
        String schoolAdmin = fixtures.user("SCHOOL_ADMIN", fixtures.school("East"), null);
        ApiClient.Reply opened = api.post(
                "/certification/applications",
                schoolAdmin,
                Json.object().add("cycle", cycle).build().toString());
        assertEquals(201, opened.status(), opened.body());
        long id = opened.json().getJsonNumber("id").longValue();
        String criterion =
                opened.json().getJsonArray("evidence").getJsonObject(0).getString("criterion");
        ApiClient.Reply uploaded = api.post(
                "/certification/applications/" + id + "/evidence/" + criterion + "/documents?fileName="
                        + URLEncoder.encode("成绩单 2026.pdf", StandardCharsets.UTF_8)
                                .replace("+", "%20"),
                schoolAdmin,
                Documents.pdf(),
                "application/pdf");
        assertEquals(201, uploaded.status(), uploaded.body());
        HttpResponse<String> download = page(
                "api/v1/certification/applications/" + id + "/documents/"
                        + uploaded.json().getJsonNumber("id").longValue(),
                "Authorization",
                "Bearer " + schoolAdmin);
        assertEquals(200, download.statusCode());
        assertEquals(
                Optional.of(
                        "attachment; filename=\"___ 2026.pdf\"; filename*=UTF-8''%E6%88%90%E7%BB%A9%E5%8D%95%202026.pdf"),
                download.headers().firstValue("Content-Disposition"));
        assertFullPolicy(download.headers());
        assertNoBanner(download.headers());
    }

    @Test
    void aResultsCategoryThatCouldBreakOutOfTheChartIsRefusedNamingIt() {
        ApiClient api = api();
        String evaluator = api.token("evaluator", Fixtures.DEMO_PASSWORD);
        String event = Fixtures.unique("HDR-");
        assertEquals(
                201,
                api.post(
                                "/events",
                                evaluator,
                                Json.object()
                                        .add("code", event)
                                        .add("name", "Header Cup")
                                        .add("competition", "HDRCUP")
                                        .add("level", "SCHOOL")
                                        .add("format", "JEOPARDY")
                                        .add("startDate", "2026-05-01")
                                        .add("endDate", "2026-05-01")
                                        .build()
                                        .toString())
                        .status());
        ApiClient.Reply refused = api.post(
                "/events/" + event + "/results",
                evaluator,
                "[{\"place\":1,\"competitor\":\"XDU/20260001\",\"points\":5,\"categories\":{\"</script><p>x\":5}}]");
        assertEquals(400, refused.status(), refused.body());
        JsonObject problem = refused.json().getJsonArray("details").getJsonObject(0);
        assertEquals("categories", problem.getString("field"));
        assertEquals("'</script><p>x' " + CategoryName.RULE, problem.getString("message"));
        assertEquals(
                0, api.get("/events/" + event + "/results", evaluator).json().getInt("total"), "nothing stored");
    }

    @Test
    void anEventCategoryThatBreaksTheRuleIsRefusedNamingTheField() {
        ApiClient api = api();
        String evaluator = api.token("evaluator", Fixtures.DEMO_PASSWORD);
        ApiClient.Reply refused = api.post(
                "/events",
                evaluator,
                Json.object()
                        .add("code", Fixtures.unique("HDR-"))
                        .add("name", "Header Cup")
                        .add("competition", "HDRCUP")
                        .add("level", "SCHOOL")
                        .add("format", "JEOPARDY")
                        .add("startDate", "2026-05-01")
                        .add("endDate", "2026-05-01")
                        .add(
                                "categories",
                                jakarta.json.Json.createArrayBuilder()
                                        .add(Json.object().add("name", "web"))
                                        .add(Json.object().add("name", "<img src=x>")))
                        .build()
                        .toString());
        assertEquals(400, refused.status(), refused.body());
        JsonObject problem = refused.json().getJsonArray("details").getJsonObject(0);
        assertEquals("categories[1].name", problem.getString("field"));
    }

    @Test
    void eventCategoriesDifferingOnlyInCaseAreOneAndStoredInLowerCase() {
        ApiClient api = api();
        String evaluator = api.token("evaluator", Fixtures.DEMO_PASSWORD);
        var body = Json.object()
                .add("code", Fixtures.unique("HDR-"))
                .add("name", "Header Cup")
                .add("competition", "HDRCUP")
                .add("level", "SCHOOL")
                .add("format", "JEOPARDY")
                .add("startDate", "2026-05-01")
                .add("endDate", "2026-05-01");
        ApiClient.Reply twice = api.post(
                "/events",
                evaluator,
                body.add(
                                "categories",
                                jakarta.json.Json.createArrayBuilder()
                                        .add(Json.object().add("name", "Web"))
                                        .add(Json.object().add("name", "web")))
                        .build()
                        .toString());
        assertEquals(400, twice.status(), twice.body());
        assertEquals(
                "categories[1].name",
                twice.json().getJsonArray("details").getJsonObject(0).getString("field"));
        String code = Fixtures.unique("HDR-");
        ApiClient.Reply created = api.post(
                "/events",
                evaluator,
                Json.object()
                        .add("code", code)
                        .add("name", "Header Cup")
                        .add("competition", "HDRCUP")
                        .add("level", "SCHOOL")
                        .add("format", "JEOPARDY")
                        .add("startDate", "2026-05-01")
                        .add("endDate", "2026-05-01")
                        .add(
                                "categories",
                                jakarta.json.Json.createArrayBuilder()
                                        .add(Json.object().add("name", "Reverse Engineering"))
                                        .add(Json.object().add("name", "网络 C++/#1")))
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.body());
        assertEquals(
                List.of("reverse engineering", "网络 c++/#1"),
                created.json().getJsonArray("categories").stream()
                        .map(c -> c.asJsonObject().getString("name"))
                        .toList());
    }

    ApiClient api() {
        return Deployments.api(deployment);
    }
}
