package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.it.pages.MainPage;

/**
 * What a user's settings change for them: the decision letter in their language (or the one the
 * API call asks for), and the pages' dates and times in their time zone.
 */
@ExtendWith(ArquillianExtension.class)
class ReaderSettingsIT {

    /** How a page writes an instant in English (the CLDR medium date, short time). */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.ENGLISH);

    @RegisterExtension
    static BrowserSession session = new BrowserSession();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL deployment;

    ApiClient api;
    String base;

    @BeforeEach
    void clients() {
        api = Deployments.api(deployment);
        base = Deployments.local(deployment);
    }

    private String admin() {
        return api.token("admin", Fixtures.DEMO_PASSWORD);
    }

    private void settings(String token, String language, String zone) {
        JsonObject body = Json.object()
                .add("language", language == null ? JsonValue.NULL : jakarta.json.Json.createValue(language))
                .add("timeZone", zone == null ? JsonValue.NULL : jakarta.json.Json.createValue(zone))
                .build();
        assertEquals(200, api.put("/me/settings", token, body.toString()).status());
    }

    /** The decided XDU case's letter as text, asking in {@code language} (null: not asking). */
    private String letter(String token, String language) throws IOException, InterruptedException {
        long id = api.get("/certification/applications?size=100", token).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> "XDU".equals(c.getString("school", null)))
                // decided: other tests of the run open XDU cases of their own, which have no letter yet
                .filter(c -> Set.of("CERTIFIED", "REJECTED").contains(c.getString("state", "")))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + "api/v1/certification/applications/" + id + "/letter"))
                .header("Authorization", "Bearer " + token)
                .GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpResponse<byte[]> reply =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, reply.statusCode(), new String(reply.body()));
        try (PDDocument pdf = Loader.loadPDF(reply.body())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
        }
    }

    @Test
    void theLetterIsInTheLanguageTheCallAsksFor() throws Exception {
        String text = letter(admin(), "zh-CN");
        assertEquals(true, text.contains("世界一流网络安全学院认证：决定书"), text);
    }

    @Test
    void theLetterIsInTheLanguageTheReaderChose() throws Exception {
        String token = admin();
        settings(token, "zh-CN", null);
        String text;
        try {
            text = letter(token, null);
        } finally {
            settings(token, "en", null);
        }
        assertEquals(true, text.contains("世界一流网络安全学院认证：决定书"), text);
    }

    @Test
    void withoutAChoiceTheLetterIsInEnglish() throws Exception {
        String token = admin();
        settings(token, null, null);
        String text = letter(token, null);
        assertEquals(true, text.contains("World-ClassCybersecuritySchoolcertification:decision"), text);
    }

    /** The first user's creation time as the users page shows it to the admin, in the zone set. */
    private LocalDateTime createdShown(String zone) {
        settings(admin(), "en", zone);
        WebDriver browser = session.driver();
        MainPage page = LoginPage.open(browser, base).signIn("admin", Fixtures.DEMO_PASSWORD);
        if (!"en".equals(browser.findElement(By.tagName("html")).getAttribute("lang"))) {
            page.switchToEnglish();
        }
        browser.get(base + "identity/users.xhtml");
        new MainPage(browser);
        String shown = browser.findElement(By.cssSelector("[id='users:list_data'] tr:first-child td:nth-child(7)"))
                .getText();
        Browser.screenshot(browser, "users-in-" + zone.replace('/', '-'));
        new MainPage(browser).signOut();
        return LocalDateTime.parse(
                shown.replace('\u202f', ' ').replace('\u00a0', ' ').trim(), SHOWN);
    }

    @Test
    void thePagesShowTimesInTheUsersZone() {
        LocalDateTime inShanghai = createdShown("Asia/Shanghai");
        LocalDateTime inNewYork = createdShown("America/New_York");
        settings(admin(), "en", null);
        assertEquals(
                inShanghai
                        .atZone(ZoneId.of("Asia/Shanghai"))
                        .withZoneSameInstant(ZoneId.of("America/New_York"))
                        .toLocalDateTime(),
                inNewYork);
    }
}
