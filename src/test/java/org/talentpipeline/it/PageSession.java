package org.talentpipeline.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's page session without a browser: cookies, the sign-in form, GETs and form postbacks
 * with the view state, as an attacker's script would send them (any field may be changed). It does
 * not follow redirects, so a test sees the redirect to the sign-in page as it is. Postbacks carry
 * the page's PrimeFaces CSP nonce, as the page's script adds it, and may be Ajax requests or file
 * uploads as PrimeFaces sends them.
 */
public final class PageSession {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

    private final String root;
    /** The CSP nonce of the last page; PrimeFaces keeps it in the view and checks it on every postback. */
    private String nonce;

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

    /** The value of a cookie this session holds (the session id, a load balancer's node cookie), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
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
        return answer.status() == 302
                && (answer.location() == null || !answer.location().contains("login.xhtml"));
    }

    /** GETs a path under the context root (with its query string). */
    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(root + path)).GET());
    }

    /** Posts a form (a postback: include {@code jakarta.faces.ViewState} and the form's own fields). */
    public Answer post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded(fields))));
    }

    /** An Ajax postback (a partial request): include the {@code jakarta.faces.partial.*} fields. */
    public Answer ajax(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded(fields))));
    }

    /** A multipart Ajax postback carrying one file, as PrimeFaces' file upload sends it. */
    public Answer upload(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "----tp" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> e : withNonce(fields).entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                                + e.getValue() + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                            + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private String encoded(Map<String, String> fields) {
        return withNonce(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Map<String, String> withNonce(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (nonce != null) {
            all.putIfAbsent("primefaces.nonce", nonce);
        }
        return all;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = NONCE.matcher(response.body());
            if (!response.body().startsWith("<?xml") && m.find()) {
                nonce = m.group(1);
            }
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
