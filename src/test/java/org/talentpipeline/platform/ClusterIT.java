package org.talentpipeline.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Cluster;
import org.talentpipeline.it.Fixtures;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.PageSession;

/**
 * Two nodes on one PostgreSQL primary with a streaming replica, behind HAProxy, as
 * {@code docker/cluster.sh} starts them: what one node does, the other knows at once; a recompute
 * asked of both runs once; reads on the replica never serve a withdrawn consent; a signed-in page
 * session outlives the node that served it (the last test: it stops that node).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static Cluster cluster;
    private static ApiClient one;
    private static ApiClient two;
    private static Fixtures fixtures;
    private static String admin;
    private static String school;
    private static String recruiterOnTwo;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start(Path.of("target", "cluster-it"), Map.of("TP_DEMO", "true"));
        one = new ApiClient(cluster.node(1));
        two = new ApiClient(cluster.node(2));
        fixtures = new Fixtures(one);
        admin = fixtures.adminToken();
        Fixtures.awaitScoring(one, admin);
        school = fixtures.school(Fixtures.unique("Cluster "));
        fixtures.students(
                school,
                "A,Ann Cluster,2003-01-01,ann@example.org,2022,2026,true",
                "B,Ben Cluster,2003-02-01,ben@example.org,2022,2026,true",
                "C,Cai Cluster,2003-03-01,cai@example.org,2022,2026,true",
                "E,Eva Cluster,2003-04-01,eva@example.org,2022,2026,false");
        fixtures.ratedEvent("CLUSTER", "2026-10-20", school + "/A", school + "/B", school + "/C", school + "/E");
        // a recruiter made on node 1 signs in on node 2
        recruiterOnTwo = two.token(fixtures.person("RECRUITER", null, "NCSC").username(), Fixtures.PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aRecomputeAskedOfBothNodesAtOnceRunsOnce() throws Exception {
        Fixtures.awaitScoring(one, admin);
        CompletableFuture<ApiClient.Reply> first;
        CompletableFuture<ApiClient.Reply> second;
        // "at once": both requests wait for the row that queueing locks until both have arrived, however the two
        // nodes' threads are scheduled on a busy machine
        try (Connection primary = cluster.primary();
                Statement s = primary.createStatement()) {
            primary.setAutoCommit(false);
            s.executeQuery("select id from scoring_lease where id = 1 for update")
                    .close();
            first = CompletableFuture.supplyAsync(() -> one.post("/scoring/recompute", admin, ""));
            second = CompletableFuture.supplyAsync(() -> two.post("/scoring/recompute", admin, ""));
            long until = System.nanoTime() + 30_000_000_000L;
            while (waitingForALock() < 2 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            primary.rollback();
        }
        ApiClient.Reply a = first.get();
        ApiClient.Reply b = second.get();
        assertEquals(202, a.status(), a.toString());
        assertEquals(202, b.status(), b.toString());
        assertEquals(
                a.json().getJsonNumber("id").longValue(),
                b.json().getJsonNumber("id").longValue(),
                "one job for both");
        Fixtures.awaitScoring(two, admin);
        assertEquals(
                "DONE",
                two.get("/scoring/jobs/" + a.json().getJsonNumber("id").longValue(), admin)
                        .json()
                        .getString("state"));
    }

    @Test
    @Order(2)
    void aConsentWithdrawnOnOneNodeIsOutOfTheOtherNodesSearchAtOnce() {
        assertEquals(List.of(school + "/A", school + "/B", school + "/C"), candidates(two));
        ApiClient.Reply withdrawn = one.post(
                "/students/" + school + "/A/consent",
                admin,
                Json.object().add("granted", false).build().toString());
        assertEquals(200, withdrawn.status(), withdrawn.toString());
        assertEquals(List.of(school + "/B", school + "/C"), candidates(two));
    }

    @Test
    @Order(3)
    void aWithdrawnConsentIsNeverServedFromAReplicaThatLags() throws Exception {
        try (Connection replica = cluster.replica();
                Statement s = replica.createStatement()) {
            s.execute("select pg_wal_replay_pause()");
            try {
                // B withdraws, E consents, on the primary; the paused replica knows of neither
                assertEquals(
                        200,
                        one.post(
                                        "/students/" + school + "/B/consent",
                                        admin,
                                        Json.object()
                                                .add("granted", false)
                                                .build()
                                                .toString())
                                .status());
                assertEquals(
                        200,
                        one.post(
                                        "/students/" + school + "/E/consent",
                                        admin,
                                        Json.object()
                                                .add("granted", true)
                                                .build()
                                                .toString())
                                .status());
                // E is not found (the page is read on the replica), B is not shown (its consent is asked of the
                // primary)
                assertEquals(List.of(school + "/C"), candidates(two));
            } finally {
                s.execute("select pg_wal_replay_resume()");
            }
        }
        long until = System.nanoTime() + 20_000_000_000L;
        List<String> found = candidates(two);
        while (!found.equals(List.of(school + "/C", school + "/E")) && System.nanoTime() < until) {
            Thread.sleep(200);
            found = candidates(two);
        }
        assertEquals(List.of(school + "/C", school + "/E"), found, "the replica caught up");
    }

    @Test
    @Order(4)
    void aTokenSignedOutOnOneNodeIsRefusedByTheOther() {
        String token = fixtures.user("RECRUITER", null, "NCSC");
        assertEquals(200, two.get("/candidates?school=" + school, token).status());
        assertEquals(2, one.post("/auth/logout", token, "").status() / 100);
        assertEquals(401, two.get("/candidates?school=" + school, token).status());
    }

    @Test
    @Order(5)
    void aUserDisabledOnOneNodeCannotUseTheirTokenOnTheOther() {
        Fixtures.Person person = fixtures.person("RECRUITER", null, "NCSC");
        assertEquals(
                200, two.get("/candidates?school=" + school, person.token()).status());
        ApiClient.Reply account = one.get("/users/" + person.username(), admin);
        ApiClient.Reply disabled = account.status() == 200 && account.etag() != null
                // the accounts API: PUT /users/{username} with If-Match
                ? one.put(
                        "/users/" + person.username(),
                        admin,
                        Json.object().add("enabled", false).build().toString(),
                        account.etag())
                : one.post("/users/" + person.username() + "/disable", admin, "");
        assertEquals(2, disabled.status() / 100, disabled.toString());
        assertEquals(
                401, two.get("/candidates?school=" + school, person.token()).status());
    }

    @Test
    @Order(6)
    void aSignedInPageSessionOutlivesACrashOfTheNodeThatServedIt() throws Exception {
        PageSession browser = new PageSession(cluster.balancer());
        assertEquals(true, browser.signIn("admin", Fixtures.DEMO_PASSWORD));
        assertEquals(200, browser.get("/index.xhtml").status());
        String node = browser.cookie("TPNODE");
        assertNotNull(node, "the balancer names the node that served the session");
        // a crash: a node stopped in an orderly way expires the sessions it serves (Payara Micro 6.2025.10)
        cluster.killNode("n1".equals(node) ? 1 : 2);
        // until the balancer has seen the node die (a request in flight to it may fail, as in any crash)
        PageSession.Answer after = browser.get("/index.xhtml");
        long until = System.nanoTime() + 20_000_000_000L;
        while (after.status() >= 500 && System.nanoTime() < until) {
            Thread.sleep(500);
            after = browser.get("/index.xhtml");
        }
        assertEquals(200, after.status(), after.toString());
    }

    /** How many sessions of the primary wait for a lock (asked on a connection of its own: a transaction sees one snapshot). */
    private static int waitingForALock() throws SQLException {
        try (Connection c = cluster.primary();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = 'talent'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The candidates of the test's school, in the search's order, as a recruiter on node 2 finds them. */
    private static List<String> candidates(ApiClient node) {
        ApiClient.Reply found = node.get("/candidates?school=" + school, recruiterOnTwo);
        assertEquals(200, found.status(), found.toString());
        return found.json().getJsonArray("items").stream()
                .map(o -> o.asJsonObject().getString("ref"))
                .toList();
    }
}
