package org.talentpipeline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.PayaraProcess;

/**
 * A start on an empty database without TP_ADMIN_PASSWORD: the log holds a one-time set-up link,
 * where the first person sets the admin password; the link then works no more. The steps run in
 * order on one server, each failing on its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdminLinkIT {

    static final Pattern LINK = Pattern.compile("/setup\\?key=([A-Za-z0-9_-]{40,})");
    static PayaraProcess payara;
    static String key;
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "first-admin-it-");
        Path log = dir.resolve("payara.log");
        payara = PayaraProcess.start(
                Map.of(
                        "TP_DEMO",
                        "false",
                        "TP_DB_URL",
                        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("talent"),
                        "TP_ADMIN_PASSWORD",
                        ""),
                "768m",
                log);
        Matcher m = LINK.matcher(Files.readString(log));
        key = m.find() ? m.group(1) : null;
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    static HttpResponse<String> setUp(String password) throws Exception {
        String form = "key=" + key + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&repeat="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(payara.root() + "/setup"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void theLogHoldsASetUpLink() {
        assertTrue(key != null, "no /setup?key= link in the log");
    }

    @Test
    @Order(2)
    void theLinkOpensTheSetUpPage() throws Exception {
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(URI.create(payara.root() + "/setup?key=" + key))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
    }

    @Test
    @Order(3)
    void aWeakPasswordIsRefused() throws Exception {
        assertEquals(400, setUp("password").statusCode());
    }

    @Test
    @Order(4)
    void theFirstPersonSetsTheAdminPassword() throws Exception {
        assertEquals(302, setUp("chosen-on-first-start").statusCode());
        assertTrue(new ApiClient(payara.root())
                        .token("admin", "chosen-on-first-start")
                        .length()
                > 20);
    }

    @Test
    @Order(5)
    void theLinkWorksOnlyOnce() throws Exception {
        assertEquals(404, setUp("another-admin-password").statusCode());
    }
}
