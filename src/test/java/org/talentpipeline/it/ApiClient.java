package org.talentpipeline.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small client for the JSON API, as a script or another system would call it. It speaks
 * HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade is not something browsers or load balancers
 * do, and Payara's handling of it has been seen to drop the connection.
 */
public final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String forwardedFor;

    public ApiClient(String root) {
        this(root + "/api/v1", null);
    }

    private ApiClient(String base, String forwardedFor) {
        this.base = base;
        this.forwardedFor = forwardedFor;
    }

    /**
     * The same client standing for a client at another address: it sends {@code X-Forwarded-For},
     * which the test server believes because it trusts loopback as a proxy (TP_TRUSTED_PROXIES).
     */
    public ApiClient from(String address) {
        return new ApiClient(base, address);
    }

    /** A response with its status, headers and body. */
    public record Reply(int status, HttpResponse<String> raw) {

        public String body() {
            return raw.body();
        }

        /** The ETag header, or null. */
        public String etag() {
            return raw.headers().firstValue("ETag").orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonStructure parse() {
            try (JsonReader reader = Json.createReader(new StringReader(raw.body()))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public String token(String username, String password) {
        Reply reply = post(
                "/auth/token",
                null,
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("password", password)
                        .build()
                        .toString());
        if (reply.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + reply);
        }
        return reply.json().getString("token");
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** A GET whose answer is binary (a zip): its status and bytes. */
    public HttpResponse<byte[]> getBytes(String path, String token) {
        try {
            return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, String token, String body, String contentType) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply post(String path, String token, byte[] body, String contentType) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply put(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A PUT naming the version it was read at ({@code If-Match}; none when null). */
    public Reply put(String path, String token, String json, String ifMatch) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b.PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The {@code ETag} of a reply, as a PUT names it in {@code If-Match}. */
    public static String etag(Reply reply) {
        return reply.raw().headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + reply));
    }

    /** A POST of JSON naming the version it started from ({@code If-Match}). */
    public Reply postIfMatch(String path, String token, String json, String ifMatch) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** An edit as a client makes one: GET the record for its ETag, then PUT the change with If-Match. */
    public Reply edit(String path, String token, String json) {
        Reply current = get(path, token);
        if (current.etag() == null) {
            return current;
        }
        return put(path, token, json, current.etag());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
