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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's page session without a browser: cookies, the sign-in form, GETs and form postbacks
 * with the view state, as an attacker's script would send them (any field may be changed). It does
 * not follow redirects, so a test sees the redirect to the sign-in page as it is.
 */
public final class PageSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String root;

    /** A session against the application at {@code root} (its context root, without a trailing slash). */
    public PageSession(String root) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** A page's answer: status, body and where it redirects to, if it does. */
    public record Answer(int status, String body, String location) {

        /** The page's view state, for a postback. */
        public String viewState() {
            Matcher m = VIEW_STATE.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no view state in the page (" + status + ")");
            }
            return m.group(1).replace("&#58;", ":");
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location);
        }
    }

    /** Signs in through the sign-in form; true when the application took the credentials. */
    public boolean signIn(String username, String password) {
        Answer form = get("/login.xhtml");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signin", "signin");
        fields.put("signin:username", username);
        fields.put("signin:password", password);
        fields.put("signin:submit", "");
        fields.put("jakarta.faces.ViewState", form.viewState());
        Answer answer = post("/login.xhtml", fields);
        return answer.status() == 302 && (answer.location() == null || !answer.location().contains("login.xhtml"));
    }

    /** GETs a path under the context root (with its query string). */
    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).GET());
    }

    /** Posts a form (a postback: include {@code jakarta.faces.ViewState} and the form's own fields). */
    public Answer post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
