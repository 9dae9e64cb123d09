package org.talentpipeline.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Cluster;
import org.talentpipeline.it.Fixtures;

/**
 * Issue 19's figures: the candidate search ({@code GET /api/v1/candidates}, a least score, by score)
 * by 16 clients on the topology of {@code docker/cluster.sh}, side by side in one run: one node
 * reading the primary, one node reading the replica, both behind HAProxy, and the floor: the page's
 * statement alone by JDBC on the primary, 16 threads, the same parameters.
 * {@code mvn -Pbench -Dbench=ClusterBenchmark -Dbench.args="--students=50000 --events=200 --requests=100"}.
 */
public final class ClusterBenchmark {

    static final int CLIENTS = 16;
    static final int WARM_UP_SECONDS = 20;

    private ClusterBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = GenerateData.options(args);
        int requests = Integer.parseInt(opts.getOrDefault("requests", "100"));
        System.setProperty("http.maxConnections", Integer.toString(CLIENTS * 2));
        // node 1 reads the primary, node 2 the replica: one start measures both
        Cluster cluster = Cluster.prepare(
                Path.of("target", "bench", "cluster"),
                Map.of(
                        "TP_DEMO",
                        "true",
                        "TP_CLUSTER_NODE1_READS",
                        "primary",
                        "TP_CLUSTER_HEAP",
                        opts.getOrDefault("heap", "1g")));
        try {
            cluster.startDatabases();
            GenerateData.main(new String[] {
                "--db=" + cluster.primaryUrl(),
                "--user=postgres",
                "--students=" + opts.getOrDefault("students", "50000"),
                "--events=" + opts.getOrDefault("events", "200")
            });
            cluster.startAll();
            ApiClient api = new ApiClient(cluster.node(1));
            String admin = api.token("admin", Fixtures.DEMO_PASSWORD);
            Fixtures.awaitScoring(api, admin);
            String token = api.token("recruiter", Fixtures.DEMO_PASSWORD);
            System.out.printf(
                    Locale.ROOT,
                    "consenting rated candidates: %s (counted up to the cap); replica lag %s%n",
                    api.get("/candidates?size=1", token).json().get("total"),
                    lag(cluster));
            List<String> rows = new ArrayList<>();
            rows.add(run("one node, reads on the primary", cluster.node(1), token, requests));
            rows.add(run("one node, reads on the replica", cluster.node(2), token, requests));
            rows.add(run("two nodes behind HAProxy", cluster.balancer(), token, requests));
            rows.add(floor(cluster, requests));
            System.out.println();
            rows.forEach(System.out::println);
        } finally {
            cluster.close();
        }
    }

    static String lag(Cluster cluster) throws Exception {
        try (Connection c = cluster.replica();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)")) {
            rs.next();
            return String.format(Locale.ROOT, "%.1f s since the last replayed transaction", rs.getDouble(1));
        }
    }

    static int minScore(int i) {
        return 300 + i % 7 * 50;
    }

    static String run(String label, String root, String token, int requests) throws Exception {
        String url = root + "/api/v1/candidates";
        return measure(
                label,
                requests,
                (client, i) -> SearchBenchmark.send(
                        url + "?minScore=" + minScore(client * requests + i) + "&sort=score",
                        "Authorization",
                        "Bearer " + token));
    }

    /** The page's statement as CandidateSearch sends it for a least score, by score; one connection per client. */
    static String floor(Cluster cluster, int requests) throws Exception {
        String sql =
                "select p.id, p.score, p.category_score, p.fit, sc.code, st.student_number, st.full_name, sc.name, sc.region,"
                        + " st.expected_graduation_year, st.email, st.date_of_birth, sc.certification_status, st.consent_to_share"
                        + " from (select r.student_id as id, r.talent_score as score, cast(null as double precision) as category_score,"
                        + " cast(null as double precision) as fit from rating r join student st on st.id = r.student_id"
                        + " where r.category = '' and st.consent_to_share = true and r.talent_score >= ?"
                        + " order by r.talent_score desc, r.student_id offset ? rows fetch next ? rows only) p"
                        + " join student st on st.id = p.id join school sc on sc.id = st.school_id where st.consent_to_share = true"
                        + " order by p.score desc, p.id";
        ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(
                        cluster.primaryUrl() + "?options=-c%20jit%3Doff%20-c%20enable_memoize%3Doff", "postgres", "");
                return c.prepareStatement(sql);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return measure("floor: the page's statement, JDBC", requests, (client, i) -> {
            PreparedStatement s = statements.get();
            s.setDouble(1, minScore(client * requests + i));
            s.setInt(2, 0);
            s.setInt(3, 25);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rs.getString(7);
                }
            }
        });
    }

    interface Call {
        void send(int client, int i) throws Exception;
    }

    static String measure(String label, int requests, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long warmUntil = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
            List<Future<?>> warming = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                warming.add(pool.submit(() -> {
                    for (int w = 0; System.nanoTime() < warmUntil; w++) {
                        call.send(client, w % requests);
                    }
                    return null;
                }));
            }
            for (Future<?> f : warming) {
                f.get();
            }
            List<Future<double[]>> clients = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    double[] ms = new double[requests];
                    for (int i = 0; i < requests; i++) {
                        long t = System.nanoTime();
                        call.send(client, i);
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                    return ms;
                }));
            }
            double[] all = new double[CLIENTS * requests];
            for (int c = 0; c < CLIENTS; c++) {
                System.arraycopy(clients.get(c).get(), 0, all, c * requests, requests);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(all);
            String row = String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.1f | %.1f |",
                    label,
                    all.length / seconds,
                    all[all.length / 2],
                    all[(int) (all.length * 0.95)]);
            System.out.println(row);
            return row;
        } finally {
            pool.shutdown();
        }
    }
}
