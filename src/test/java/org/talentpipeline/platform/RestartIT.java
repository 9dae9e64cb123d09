package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Json;

/**
 * The application as the README starts it: {@code java -jar payara-micro.jar --deploy}, demo mode
 * on. Data written before a restart is there after it, and the second start seeds nothing. Runs on
 * the default H2 file database and on PostgreSQL.
 */
class RestartIT {

    @Test
    void keepsItsDataAcrossARestartOnH2() throws Exception {
        Path dir = Files.createTempDirectory("tp-restart");
        restartKeepsData(Map.of("TP_DB_URL", "jdbc:h2:file:" + dir.resolve("talent")));
    }

    @Test
    void keepsItsDataAcrossARestartOnPostgres() throws Exception {
        String server = SchemaMigrationsIT.POSTGRES.substring(0, SchemaMigrationsIT.POSTGRES.lastIndexOf('/') + 1);
        String name = "tp_restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SchemaMigrationsIT.POSTGRES, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        try {
            restartKeepsData(Map.of("TP_DB_URL", server + name, "TP_DB_USER", "postgres", "TP_DB_PASSWORD", ""));
        } finally {
            try (Connection c = DriverManager.getConnection(SchemaMigrationsIT.POSTGRES, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    private void restartKeepsData(Map<String, String> database) throws Exception {
        int port = freePort();
        String root = "http://localhost:" + port;
        ApiClient api = new ApiClient(root);
        String created = "keeper-" + UUID.randomUUID().toString().substring(0, 8);

        Process first = start(port, database);
        try {
            awaitReady(root, first);
            String admin = api.token("admin", "talent-demo");
            assertEquals(5, api.get("/users", admin).json().getInt("total"), "demo mode seeded the five demo users");
            assertEquals(201, api.post("/users", admin, Json.object().add("username", created)
                    .add("password", "survives-restarts").add("roles", Json.array("EVALUATOR")).build().toString()).status());
        } finally {
            stop(first);
        }

        Process second = start(port, database);
        try {
            awaitReady(root, second);
            String admin = api.token("admin", "talent-demo");
            assertEquals(6, api.get("/users", admin).json().getInt("total"), "nothing seeded twice, nothing lost");
            assertTrue(api.token(created, "survives-restarts").length() > 0, "the user created before the restart signs in");
        } finally {
            stop(second);
        }
    }

    private static Process start(int port, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", System.getProperty("payara.microJar"), "--nocluster", "--port", Integer.toString(port),
                "--contextroot", "/", "--deploy", System.getProperty("tp.war")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "restart-it-" + port + ".log").toFile());
        builder.environment().put("TP_DEMO", "true");
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(String root, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "Payara Micro stopped; see target/restart-it-*.log");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(root + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("not ready within 3 minutes");
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
