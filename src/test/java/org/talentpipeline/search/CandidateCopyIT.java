package org.talentpipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.PayaraProcess;
import org.talentpipeline.it.PostgresDatabase;

/**
 * The candidate table's copy of a student rated for the first time, when the student's consent is
 * withdrawn at that very moment, on PostgreSQL (the production database): the withdrawal's
 * transaction has changed the student and found no candidate row to bring in line, and is still
 * open, when the rating update copies the student's records. The copy must not hold the consent
 * that was withdrawn.
 */
class CandidateCopyIT {

    @Test
    void aConsentWithdrawnWhileAStudentIsFirstRatedIsCopied() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create("tp_copy_")) {
            Map<String, String> env = new HashMap<>(database.environment());
            env.put("TP_DEMO", "true");
            try (PayaraProcess app = PayaraProcess.start(env, "768m", Path.of("target", "candidate-copy-it.log"));
                    Connection withdrawal = database.connect()) {
                ApiClient api = new ApiClient(app.root());
                Fixtures fixtures = new Fixtures(api);
                String admin = fixtures.adminToken();
                Fixtures.awaitScoring(api, admin);
                String school = fixtures.school(Fixtures.unique("Region "));
                fixtures.students(
                        school,
                        "A,Al First,2003-01-01,al@example.org,2022,2026,true",
                        "B,Bea Second,2003-02-01,bea@example.org,2022,2027,true");
                String event = Fixtures.unique("COPY-");
                assertEquals(
                        201,
                        api.post(
                                        "/events",
                                        admin,
                                        Json.object()
                                                .add("code", event)
                                                .add("name", "Copy Cup")
                                                .add("competition", "COPY")
                                                .add("level", "NATIONAL")
                                                .add("format", "JEOPARDY")
                                                .add("startDate", "2026-10-20")
                                                .add("endDate", "2026-10-20")
                                                .build()
                                                .toString())
                                .status());
                Fixtures.awaitScoring(api, admin);
                long a = studentId(withdrawal, school, "A");

                // A's consent withdrawn as the application does it (the student, then the candidate rows that copy it),
                // not yet committed
                withdrawal.setAutoCommit(false);
                try (Statement s = withdrawal.createStatement()) {
                    s.executeUpdate("update student set consent_to_share = false where id = " + a);
                    s.executeUpdate(CandidateStore.follow("candidate.student_id = " + a));
                }
                // A and B rated for the first time meanwhile
                CompletableFuture<ApiClient.Reply> posted = CompletableFuture.supplyAsync(() -> api.post(
                        "/events/" + event + "/results",
                        admin,
                        "place,competitor,points\n1," + school + "/A,200\n2," + school + "/B,100\n",
                        "text/csv"));
                // until the update waits for the withdrawal (a lock), or has copied A without waiting
                long until = System.nanoTime() + 30_000_000_000L;
                while (!waitsForALock(database) && !copied(database, a) && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                withdrawal.commit();
                assertEquals(200, posted.get().status());
                Fixtures.awaitScoring(api, admin);

                try (Connection c = database.connect();
                        Statement s = c.createStatement();
                        ResultSet rs =
                                s.executeQuery("select consent_to_share from candidate where student_id = " + a)) {
                    assertFalse(
                            rs.next() && rs.getBoolean(1), "the copy holds the withdrawal, not the consent withdrawn");
                }
                assertEquals(
                        List.of(school + "/B"),
                        api
                                .get("/candidates?school=" + school, fixtures.user("RECRUITER", null, "NCSC"))
                                .json()
                                .getJsonArray("items")
                                .stream()
                                .map(o -> o.asJsonObject().getString("ref"))
                                .toList());
            }
        }
    }

    private static long studentId(Connection c, String school, String number) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("select st.id from student st join school sc on sc.id = st.school_id"
                        + " where sc.code = ? and st.student_number = ?")) {
            s.setString(1, school);
            s.setString(2, number);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean waitsForALock(PostgresDatabase database) throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static boolean copied(PostgresDatabase database, long student) throws SQLException {
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from candidate where student_id = " + student)) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
