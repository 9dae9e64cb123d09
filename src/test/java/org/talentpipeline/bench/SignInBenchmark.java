package org.talentpipeline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Json;
import org.talentpipeline.it.PayaraProcess;

/**
 * Issue 18's sign-in figures, through the running application's API:
 * <ol>
 * <li>the time of each kind of failed sign-in (unknown user, wrong password, disabled user,
 * throttled account), which should not tell them apart, and of a success;</li>
 * <li>what 16 parallel sign-ins do to other requests' latency ({@code GET /api/v1/schools}).</li>
 * </ol>
 * Run with {@code mvn -Pbench -Dbench=SignInBenchmark} [{@code -Dbench.args="--samples=40"}]. It
 * starts Payara Micro with the demo data on a fresh H2 database under {@code target/bench/signin},
 * trusting loopback as a proxy so that each attempt can come from an address of its own.
 */
public final class SignInBenchmark {

    private static final String PASSWORD = "benchmark passphrase";

    private SignInBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = GenerateData.options(args);
        int samples = Integer.parseInt(opts.getOrDefault("samples", "30"));
        Path dir = Path.of("target", "bench", "signin");
        StudentBenchmark.deleteTree(dir);
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("talent");
        try (PayaraProcess app = PayaraProcess.start(
                Map.of("TP_DB_URL", url, "TP_DEMO", "true", "TP_TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1"),
                "1g",
                dir.resolve("server.log"))) {
            ApiClient api = new ApiClient(app.root());
            String admin = api.from(address()).token("admin", "talent-demo");
            String known = user(api, admin, "bench-known");
            String disabled = user(api, admin, "bench-disabled");
            api.post("/users/" + disabled + "/disable", admin, "");
            String throttled = user(api, admin, "bench-throttled");
            for (int i = 0; i < 5; i++) {
                signIn(api.from(address()), known, PASSWORD); // warm-up
            }

            System.out.printf(
                    Locale.ROOT,
                    "%n== one sign-in (POST /api/v1/auth/token), %d samples each, each from its own address%n",
                    samples);
            report("success", time(samples, () -> expect(200, signIn(api.from(address()), known, PASSWORD))));
            report(
                    "unknown user",
                    time(samples, () -> expect(401, signIn(api.from(address()), "nobody-" + random(), PASSWORD))));
            // each wrong password the first since the count was cleared (untimed), so none is throttled
            report(
                    "wrong password",
                    time(
                            samples,
                            () -> api.delete("/users/" + known + "/throttle", admin),
                            () -> expect(401, signIn(api.from(address()), known, "wrong " + PASSWORD))));
            report(
                    "disabled user, right password",
                    time(
                            samples,
                            () -> api.delete("/users/" + disabled + "/throttle", admin),
                            () -> expect(401, signIn(api.from(address()), disabled, PASSWORD))));
            // nine failures in a row, each after the delay the previous one earned: a 30 s delay
            for (int i = 0; i < 9; i++) {
                ApiClient.Reply r = signIn(api.from(address()), throttled, "wrong " + PASSWORD);
                while (r.status() == 429) {
                    Thread.sleep(Long.parseLong(
                                    r.raw().headers().firstValue("Retry-After").orElse("1"))
                            * 1000);
                    r = signIn(api.from(address()), throttled, "wrong " + PASSWORD);
                }
            }
            // a wrong password, as an attacker's: one that lands after the 30 s ran out counts (401) and is not timed
            List<Double> refused = new ArrayList<>();
            while (refused.size() < samples) {
                long t0 = System.nanoTime();
                ApiClient.Reply r = signIn(api.from(address()), throttled, "wrong " + PASSWORD);
                if (r.status() == 429) {
                    refused.add((System.nanoTime() - t0) / 1e6);
                }
            }
            report("throttled account", refused);

            System.out.println("\n== GET /api/v1/schools (signed in), 100 requests after 20 warm-up");
            for (int i = 0; i < 20; i++) {
                api.get("/schools", admin);
            }
            report("alone", time(100, () -> expect(200, api.get("/schools", admin))));
            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicInteger attempts = new AtomicInteger();
            AtomicInteger busy = new AtomicInteger();
            ExecutorService flood = Executors.newFixedThreadPool(16);
            for (int t = 0; t < 16; t++) {
                flood.submit(() -> {
                    while (flooding.get()) {
                        int status = signIn(api.from(address()), "nobody-" + random(), PASSWORD)
                                .status();
                        attempts.incrementAndGet();
                        if (status == 503) {
                            busy.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(3000);
            long started = System.nanoTime();
            int before = attempts.get();
            List<Double> during = time(100, () -> expect(200, api.get("/schools", admin)));
            double seconds = (System.nanoTime() - started) / 1e9;
            int made = attempts.get() - before;
            flooding.set(false);
            flood.shutdown();
            flood.awaitTermination(2, TimeUnit.MINUTES);
            report("during 16 parallel sign-ins", during);
            System.out.printf(
                    Locale.ROOT,
                    "  sign-ins answered meanwhile: %d (%.1f/s), of which refused as busy (503): %d%n",
                    made,
                    made / seconds,
                    busy.get());
        }
    }

    interface Step {
        void run() throws Exception;
    }

    static List<Double> time(int n, Step step) throws Exception {
        return time(n, () -> {}, step);
    }

    /** The times of {@code step}, each after an untimed {@code setup}. */
    static List<Double> time(int n, Step setup, Step step) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            setup.run();
            long t0 = System.nanoTime();
            step.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }

    static void report(String label, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-40s median %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
                label,
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1));
    }

    static void expect(int status, ApiClient.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + reply);
        }
    }

    static String user(ApiClient api, String admin, String prefix) {
        String name = prefix + "-" + random();
        expect(
                201,
                api.post(
                        "/users",
                        admin,
                        Json.object()
                                .add("username", name)
                                .add("password", PASSWORD)
                                .add("roles", Json.array("EVALUATOR"))
                                .build()
                                .toString()));
        return name;
    }

    static ApiClient.Reply signIn(ApiClient client, String username, String password) {
        return client.post(
                "/auth/token",
                null,
                Json.object()
                        .add("username", username)
                        .add("password", password)
                        .build()
                        .toString());
    }

    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static String random() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }
}
