package org.talentpipeline.certification;

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
 * A signed-in page session without a browser: its cookies, and the requests a browser would send,
 * with any parameter a client cares to add (a changed view parameter, a hidden field).
 */
final class PageSession {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private PageSession(String base) {
        this.base = base;
    }

    /** Signs in through the sign-in form; {@code base} ends with the context path and a slash. */
    static PageSession signIn(String base, String username, String password) {
        PageSession session = new PageSession(base);
        HttpResponse<String> form = session.get("login.xhtml");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("signin", "signin");
        fields.put("signin:username", username);
        fields.put("signin:password", password);
        fields.put("signin:submit", "");
        fields.put("jakarta.faces.ViewState", viewState(form.body()));
        HttpResponse<String> home = session.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form(fields)));
        if (home.statusCode() != 200 || home.uri().getPath().endsWith("login.xhtml")) {
            throw new IllegalStateException(username + " did not get past the sign-in page: " + home.statusCode());
        }
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** An Ajax postback of a page, as PrimeFaces sends it, with the view state of {@code page}. */
    HttpResponse<String> ajax(String path, HttpResponse<String> page, String source, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("jakarta.faces.partial.ajax", "true");
        all.put("jakarta.faces.source", source);
        all.put("jakarta.faces.partial.execute", "@all");
        all.put("jakarta.faces.partial.render", "case messages");
        all.put(source, source);
        all.putAll(fields);
        all.put("jakarta.faces.ViewState", viewState(page.body()));
        // PrimeFaces' CSP: the script nonce of the page, which its Ajax requests send back
        Matcher nonce = NONCE.matcher(page.body());
        if (nonce.find()) {
            all.put("primefaces.nonce", nonce.group(1));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8").POST(form(all)));
    }

    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no view state in the page");
        }
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
