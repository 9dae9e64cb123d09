package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.PayaraProcess;
import org.talentpipeline.it.PostgresDatabase;

/**
 * The application as the README starts it: {@code java -jar payara-micro.jar --deploy}, demo mode
 * on. Data written before a restart is there after it, and the second start seeds nothing. Runs on
 * the default H2 file database and on PostgreSQL.
 */
class RestartIT {

    /** admin, school_admin, evaluator, reviewer, recruiter, the judged demo event's two other judges, certification's
     * two more reviewers and the SJTU and WHU school admins, and the student {@code student}. */
    static final int DEMO_USERS = 12;

    @Test
    void keepsItsDataAcrossARestartOnH2() throws Exception {
        Path dir = Files.createTempDirectory("tp-restart");
        restartKeepsData(Map.of("TP_DB_URL", "jdbc:h2:file:" + dir.resolve("talent")));
    }

    @Test
    void keepsItsDataAcrossARestartOnPostgres() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("tp_restart_")) {
            restartKeepsData(database.environment());
        }
    }

    private void restartKeepsData(Map<String, String> database) throws Exception {
        Map<String, String> env = new HashMap<>(database);
        env.put("TP_DEMO", "true");
        String created = "keeper-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = Path.of("target", "restart-it.log");

        try (PayaraProcess first = PayaraProcess.start(env, "768m", log)) {
            ApiClient api = new ApiClient(first.root());
            String admin = api.token("admin", "talent-demo");
            assertEquals(
                    DEMO_USERS, api.get("/users", admin).json().getInt("total"), "demo mode seeded the demo users");
            assertEquals(300, api.get("/students?size=1", admin).json().getInt("total"), "and 300 students");
            Fixtures.awaitScoring(api, admin);
            String winner = api.get("/events/NCSC-2025/results?size=1", admin)
                    .json()
                    .getJsonArray("items")
                    .getJsonObject(0)
                    .getString("competitor");
            JsonObject report =
                    api.get("/students/" + winner + "/report", admin).json();
            assertTrue(
                    report.containsKey("talentScore")
                            && !report.getJsonArray("events").isEmpty(),
                    "the demo results are rated: " + report);
            assertEquals(
                    201,
                    api.post(
                                    "/users",
                                    admin,
                                    Json.object()
                                            .add("username", created)
                                            .add("password", "survives-restarts")
                                            .add("roles", Json.array("EVALUATOR"))
                                            .build()
                                            .toString())
                            .status());
        }
        try (PayaraProcess second = PayaraProcess.start(env, "768m", log)) {
            ApiClient api = new ApiClient(second.root());
            String admin = api.token("admin", "talent-demo");
            assertEquals(
                    DEMO_USERS + 1,
                    api.get("/users", admin).json().getInt("total"),
                    "nothing seeded twice, nothing lost");
            assertEquals(300, api.get("/students?size=1", admin).json().getInt("total"));
            assertTrue(
                    api.token(created, "survives-restarts").length() > 0,
                    "the user created before the restart signs in");
        }
    }
}
