package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.talentpipeline.identity.ApiDescription;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.ApiRoutes;
import org.talentpipeline.it.PayaraProcess;

/**
 * The application as an operator starts it on an empty database (issue 19): TP_ADMIN_PASSWORD
 * makes the administrator and nobody else; /openapi describes every route; /metrics answers the
 * metrics token in Prometheus text and 401 otherwise; the start logs nothing at WARNING or above,
 * and one line per stage.
 */
class OperationsIT {

    static final String ADMIN_PASSWORD = "first-operator-secret";
    static final String METRICS_TOKEN = "scrape-me-please-0123456789";
    /** A record at WARNING or SEVERE, in Payara's own format or in the plain one it uses when its output is not a terminal. */
    static final Pattern WARNING_OR_WORSE =
            Pattern.compile("^(WARNING|SEVERE):|^\\[[^\\]]*\\] \\[[^\\]]*\\] \\[[^\\]]*(WARNING|SEVERE)");
    /**
     * Hazelcast's note that its seed port 6900 is taken: the test server of the Arquillian tests runs
     * beside this one and holds it. A server alone on its machine does not log it.
     */
    static final String PORT_TAKEN = "Some of the ports seem occupied";

    static PayaraProcess payara;
    static ApiClient api;
    static List<String> startLog;
    static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "operations-it-");
        Path log = dir.resolve("payara.log");
        payara = PayaraProcess.start(
                Map.of(
                        "TP_DEMO",
                        "false",
                        "TP_DB_URL",
                        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("talent"),
                        "TP_ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "TP_METRICS_TOKEN",
                        METRICS_TOKEN,
                        "TP_BACKUP_DIR",
                        dir.resolve("backups").toString()),
                "768m",
                log);
        startLog = Files.readAllLines(log);
        api = new ApiClient(payara.root());
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(payara.root() + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAdministratorSignsInWithTheConfiguredPassword() {
        assertTrue(api.token("admin", ADMIN_PASSWORD).length() > 20);
    }

    @Test
    void theAdministratorIsTheOnlyUser() {
        assertEquals(
                1, api.get("/users", api.token("admin", ADMIN_PASSWORD)).json().getInt("total"));
    }

    @Test
    void theDemoPasswordSignsNobodyIn() {
        assertEquals(
                401,
                api.post("/auth/token", null, "{\"username\":\"admin\",\"password\":\"talent-demo\"}")
                        .status());
    }

    @Test
    void openApiDescribesEveryRoute() throws Exception {
        HttpResponse<String> answer = get("/openapi", null);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject document = Json.createReader(new StringReader(answer.body())).readObject();
        TreeSet<String> described = new TreeSet<>(ApiDescription.routes(document));
        TreeSet<String> missing = new TreeSet<>();
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            String key = route.method() + " " + ApiDescription.template(route.template());
            if (!described.contains(key)) {
                missing.add(key);
            }
        }
        assertEquals(new TreeSet<>(), missing, "routes missing from /openapi");
    }

    @Test
    void openApiNamesTheRolesOfARoute() throws Exception {
        JsonObject document = Json.createReader(
                        new StringReader(get("/openapi", null).body()))
                .readObject();
        JsonObject candidates = document.getJsonObject("paths")
                .getJsonObject("/api/v1/candidates")
                .getJsonObject("get");
        assertEquals("CANDIDATE_SEARCH", candidates.getString("x-operation"));
        assertEquals(
                "[{\"role\":\"ADMIN\",\"scope\":\"CONSENTING\"},{\"role\":\"RECRUITER\",\"scope\":\"CONSENTING\"}]",
                candidates.getJsonArray("x-roles").toString());
    }

    @Test
    void theApiBrowserIsServedByTheApplication() throws Exception {
        HttpResponse<String> page = get("/api-docs/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("../webjars/swagger-ui/5.35.0/swagger-ui-bundle.js"), page.body());
        assertEquals(
                200,
                get("/webjars/swagger-ui/5.35.0/swagger-ui-bundle.js", null).statusCode());
    }

    @Test
    void metricsWithTheTokenArePrometheusText() throws Exception {
        HttpResponse<String> answer = get("/metrics", "Bearer " + METRICS_TOKEN);
        assertEquals(200, answer.statusCode());
        assertEquals(
                "text/plain;version=0.0.4;charset=utf-8",
                answer.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .toLowerCase()
                        .replace(" ", ""));
        assertTrue(
                answer.body().lines().anyMatch(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\"} ")),
                answer.body());
    }

    @Test
    void metricsCountFailedSignIns() throws Exception {
        api.post("/auth/token", null, "{\"username\":\"nobody-at-all\",\"password\":\"wrong-wrong-wrong\"}");
        String body = get("/metrics", "Bearer " + METRICS_TOKEN).body();
        assertTrue(
                body.lines().anyMatch(l -> l.startsWith("tp_sign_in_failures_total{reason=\"unknown_user\"} ")), body);
    }

    @Test
    void metricsShowTheApplicationsConnectionPool() throws Exception {
        List<String> pool = get("/metrics", "Bearer " + METRICS_TOKEN)
                .body()
                .lines()
                .filter(l -> l.startsWith("tp_db_pool_") && l.contains("{pool=\"java:app/jdbc/talent\"}"))
                .map(l -> l.substring(0, l.indexOf('{')))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "tp_db_pool_connections",
                        "tp_db_pool_connections_free",
                        "tp_db_pool_connections_max",
                        "tp_db_pool_connections_min",
                        "tp_db_pool_connections_used",
                        "tp_db_pool_waiting_threads"),
                pool,
                get("/metrics", "Bearer " + METRICS_TOKEN).body());
    }

    @Test
    void metricsShowTheConnectionPoolsBounds() throws Exception {
        String body = get("/metrics", "Bearer " + METRICS_TOKEN).body();
        assertTrue(
                body.lines().anyMatch(l -> l.equals("tp_db_pool_connections_max{pool=\"java:app/jdbc/talent\"} 40")),
                body);
    }

    @Test
    void metricsWithoutTheTokenAnswer401() throws Exception {
        assertEquals(401, get("/metrics", null).statusCode());
    }

    @Test
    void metricsWithAWrongTokenAnswer401() throws Exception {
        assertEquals(401, get("/metrics", "Bearer not-the-token").statusCode());
    }

    @Test
    void theStartLogsNothingAtWarningOrAbove() {
        assertEquals(
                List.of(),
                startLog.stream()
                        .filter(l -> WARNING_OR_WORSE
                                .matcher(l.replaceAll("\u001B\\[[0-9;]*m", ""))
                                .find())
                        .filter(l -> !l.contains(PORT_TAKEN))
                        .toList());
    }

    @Test
    void theStartLogsEachStageWithItsTime() throws IOException {
        List<String> stages = startLog.stream()
                .sorted()
                .filter(l -> l.contains("Start-up: "))
                .map(l -> l.replaceAll(".*Start-up: ", "")
                        .replaceAll(" in \\d+ ms.*| \\d+ ms after.*|, \\d+ ms after.*", ""))
                .toList();
        assertEquals(
                new TreeSet<>(List.of(
                        schemaStage(),
                        "demo data off (TP_DEMO)",
                        "first administrator: user admin created with the password of TP_ADMIN_PASSWORD",
                        "scoring work resumed",
                        "application ready")),
                new TreeSet<>(stages));
    }

    /** What the empty database's migration logs: the newest version in {@code sql/}, every file applied. */
    static String schemaStage() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sql"))) {
            List<Integer> versions = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.valueOf(n.substring(1, n.indexOf("__"))))
                    .sorted()
                    .toList();
            return "database schema at version " + versions.get(versions.size() - 1) + " (" + versions.size()
                    + " migrations applied now)";
        }
    }
}
