package org.talentpipeline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.PayaraProcess;

/**
 * Issue 3's figures, on this machine, through the running application's API:
 * <ol>
 * <li>CSV import throughput for 100,000 rows (target 20,000 rows/s), and the server's heap during
 * imports of 100,000 and 400,000 rows (flat: the import holds one row at a time);</li>
 * <li>the p95 of the first page of the student list filtered by name, with 1,000,000 students
 * stored (target 100 ms).</li>
 * </ol>
 * Run with {@code mvn -Pbench -Dbench=StudentBenchmark}. It generates the data set (seed 42) into
 * {@code target/bench/} once, starts Payara Micro on it with a 1 GiB heap, and prints the figures.
 */
public final class StudentBenchmark {

    private StudentBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = GenerateData.options(args);
        int students = Integer.parseInt(opts.getOrDefault("students", "1000000"));
        int importRows = Integer.parseInt(opts.getOrDefault("importRows", "100000"));
        Path dir = Path.of("target", "bench", "students-" + students);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("talent");
        if (!Files.exists(dir.resolve("talent.mv.db"))) {
            Files.createDirectories(dir);
            System.out.printf(Locale.ROOT, "generating %,d students...%n", students);
            GenerateData.main(new String[] {"--students=" + students, "--seed=42", "--db=" + url});
        }
        Path small = dir.resolve("import-" + importRows + ".csv");
        Path large = dir.resolve("import-" + importRows * 4 + ".csv");
        GenerateData.writeCsv(small, importRows, 7, "A");
        GenerateData.writeCsv(large, importRows * 4, 8, "B");

        try (PayaraProcess app =
                PayaraProcess.start(Map.of("TP_DB_URL", url, "TP_DEMO", "true"), "1g", dir.resolve("server.log"))) {
            ApiClient api = new ApiClient(app.root());
            String admin = api.token("admin", "talent-demo");
            long total = api.get("/students?size=1", admin)
                    .json()
                    .getJsonNumber("total")
                    .longValue();
            System.out.printf(Locale.ROOT, "%nstudents stored: %,d%n", total);

            if (!opts.containsKey("skipList")) {
                System.out.println(
                        "\n== first page (25 rows) of the student list filtered by name, 300 requests after 50 warm-up");
                listBenchmark(app.root(), admin, "all schools, name prefix", "/students?size=25&name=");
                listBenchmark(
                        app.root(),
                        admin,
                        "one school (G0001, 2,000 students), name prefix",
                        "/schools/G0001/students?size=25&name=");
            }

            System.out.printf(
                    Locale.ROOT,
                    "%n== CSV import through POST /api/v1/schools/SJTU/students/import, %,d students stored%n",
                    total);
            importBenchmark(app, admin, small, importRows);
            importBenchmark(app, admin, large, importRows * 4);
            importBenchmark(app, admin, small, importRows);
        }

        Path fresh = dir.resolve("fresh");
        deleteTree(fresh);
        Path warmUp = dir.resolve("import-warm-up.csv");
        GenerateData.writeCsv(warmUp, 20_000, 9, "W");
        freshImports(
                "H2 (file)",
                Map.of("TP_DB_URL", "jdbc:h2:file:" + fresh.toAbsolutePath().resolve("talent")),
                dir.resolve("server-fresh.log"),
                warmUp,
                small,
                large,
                importRows);

        String postgres = opts.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:5432/");
        String database = "tp_bench_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(postgres + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create database " + database);
        } catch (SQLException e) {
            System.out.println("\n(PostgreSQL not reachable at " + postgres + ": " + e.getMessage() + ")");
            return;
        }
        try {
            freshImports(
                    "PostgreSQL",
                    Map.of("TP_DB_URL", postgres + database, "TP_DB_USER", "postgres"),
                    dir.resolve("server-postgres.log"),
                    warmUp,
                    small,
                    large,
                    importRows);
        } finally {
            try (Connection c = DriverManager.getConnection(postgres + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /** Imports into a fresh database with the demo data, after one warm-up import into another school. */
    static void freshImports(
            String label, Map<String, String> database, Path log, Path warmUp, Path small, Path large, int rows)
            throws Exception {
        Map<String, String> env = new HashMap<>(database);
        env.put("TP_DEMO", "true");
        try (PayaraProcess app = PayaraProcess.start(env, "1g", log)) {
            ApiClient api = new ApiClient(app.root());
            String admin = api.token("admin", "talent-demo");
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(app.root() + "/api/v1/schools/WHU/students/import"))
                                    .header("Authorization", "Bearer " + admin)
                                    .header("Content-Type", "text/csv")
                                    .POST(HttpRequest.BodyPublishers.ofFile(warmUp))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            System.out.printf(
                    Locale.ROOT,
                    "%n== %s, a fresh database (the demo data), after a warm-up import of 20,000 rows%n",
                    label);
            importBenchmark(app, admin, small, rows);
            importBenchmark(app, admin, large, rows * 4);
            importBenchmark(app, admin, small, rows);
        }
    }

    static void listBenchmark(String root, String token, String label, String path) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(1);
        String[] prefixes = {"wang", "li", "z", "zh", "chen", "o", "ol", "james", "w", "l", "x", "ma", "s", "b", "h"};
        List<Long> micros = new ArrayList<>();
        long matched = 0;
        for (int i = 0; i < 350; i++) {
            String prefix = prefixes[random.nextInt(prefixes.length)];
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(root + "/api/v1" + path + URLEncoder.encode(prefix, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token)
                    .build();
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = (System.nanoTime() - started) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            if (i >= 50) {
                micros.add(took);
                Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(response.body());
                matched += m.find() ? Long.parseLong(m.group(1)) : 0;
            }
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%-48s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (mean match %,d rows)%n",
                label,
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                sorted[sorted.length - 1] / 1000.0,
                matched / sorted.length);
    }

    static void importBenchmark(PayaraProcess app, String token, Path csv, int rows) throws Exception {
        AtomicLong peak = new AtomicLong();
        long before = heapUsedKb(app.pid());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> peak.accumulateAndGet(heapUsedKb(app.pid()), Math::max), 0, 250, TimeUnit.MILLISECONDS);
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.root() + "/api/v1/schools/SJTU/students/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.ofFile(csv))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.shutdownNow();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        long retained = heapAfterGcKb(app.pid());
        System.out.printf(
                Locale.ROOT,
                "%,9d rows (%5.1f MB) in %6.2f s = %,8.0f rows/s  %s  heap: before %,d MB,"
                        + " peak %,d MB, after GC %,d MB%n",
                rows,
                Files.size(csv) / 1e6,
                seconds,
                rows / seconds,
                response.body().replaceAll(",\"errors\":\\[\\]", ""),
                before / 1024,
                peak.get() / 1024,
                retained / 1024);
    }

    /** Live heap: used heap right after a full collection. */
    static long heapAfterGcKb(long pid) {
        try {
            new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid),
                            "GC.run")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return heapUsedKb(pid);
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Used heap of the server process, as {@code jcmd PID GC.heap_info} reports it. */
    static long heapUsedKb(long pid) {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(pid),
                            "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
    }
}
