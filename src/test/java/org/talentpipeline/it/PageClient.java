package org.talentpipeline.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A page session without a browser: signs in through the login form as a person would (the
 * session cookie kept), then asks for pages and posts forms, so a test reads the status each answer
 * has. For what a browser's status line would show, where Selenium cannot tell it.
 */
public final class PageClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    /** {@code base}: the application's root with a trailing slash ({@link Deployments#local}). */
    public PageClient(String base) {
        this.base = base;
    }

    /** A page's answer: its status and body. */
    public record Answer(int status, String body) {

        /** The form state Faces wrote into the page, for posting one of its forms. */
        public String viewState() {
            Matcher m = VIEW_STATE.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no view state in the page (" + status + ")");
            }
            return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
        }
    }

    /** Signs in through the login form; throws unless the session is then signed in. */
    public PageClient signIn(String username, String password) {
        Answer login = get("login.xhtml");
        Answer after = post("login.xhtml", Map.of("signin", "signin", "signin:username", username, "signin:password", password,
                "signin:submit", "", "jakarta.faces.ViewState", login.viewState()));
        if (after.status() != 200 || after.body().contains("id=\"signin:username\"")) {
            throw new IllegalStateException("could not sign in as " + username + ": " + after.status());
        }
        return this;
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form, its fields URL-encoded. */
    public Answer post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
