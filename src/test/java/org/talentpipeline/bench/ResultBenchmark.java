package org.talentpipeline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.PayaraProcess;

/**
 * Issue 4's figure: posting a result file of 10,000 competitors (target ≤ 2 s), through
 * {@code POST /api/v1/events/{code}/results}, as a CSV ranking with three categories and as a solve
 * log of 50,000 solves, on H2 and on PostgreSQL. Each figure is the median of five posts after a
 * warm-up post. Run with {@code mvn -Pbench -Dbench=ResultBenchmark}.
 */
public final class ResultBenchmark {

    static final int COMPETITORS = 10_000;

    private ResultBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target", "bench", "results");
        StudentBenchmark.deleteTree(dir);
        Files.createDirectories(dir);
        Path students = dir.resolve("students.csv");
        GenerateData.writeCsv(students, COMPETITORS, 11, "R");
        List<String> numbers = new ArrayList<>();
        for (String line : Files.readAllLines(students).subList(1, COMPETITORS + 1)) {
            numbers.add(line.substring(0, line.indexOf(',')));
        }
        Random random = new Random(5);
        StringBuilder ranking =
                new StringBuilder("place,competitor,points,category:web,category:pwn,category:crypto\n");
        for (int i = 0; i < COMPETITORS; i++) {
            int web = random.nextInt(1000);
            int pwn = random.nextInt(1000);
            int crypto = random.nextInt(1000);
            ranking.append(i + 1)
                    .append(",SJTU/")
                    .append(numbers.get(i))
                    .append(',')
                    .append(30_000 - i)
                    .append(',')
                    .append(web)
                    .append(',')
                    .append(pwn)
                    .append(',')
                    .append(crypto)
                    .append('\n');
        }
        StringBuilder solves = new StringBuilder("challenge,category,competitor,time,points\n");
        Instant start = Instant.parse("2026-05-01T08:00:00Z");
        String[] categories = {"web", "pwn", "crypto", "forensics", "reverse"};
        for (int i = 0; i < COMPETITORS; i++) {
            for (int c = 0; c < 5; c++) {
                solves.append("ch")
                        .append(c)
                        .append('-')
                        .append(random.nextInt(3))
                        .append(c)
                        .append(',')
                        .append(categories[c])
                        .append(",SJTU/")
                        .append(numbers.get(i))
                        .append(',')
                        .append(start.plusSeconds(random.nextInt(28_800)))
                        .append(',')
                        .append(100 * (1 + random.nextInt(5)))
                        .append('\n');
            }
        }
        Path rankingFile = dir.resolve("ranking.csv");
        Path solveFile = dir.resolve("solves.csv");
        Files.writeString(rankingFile, ranking);
        Files.writeString(solveFile, solves);

        run(
                "H2 (file)",
                Map.of("TP_DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db/talent")),
                dir.resolve("server-h2.log"),
                students,
                rankingFile,
                solveFile);
        if (args.length > 0 && args[0].equals("--h2only")) {
            return;
        }
        String postgres = "jdbc:postgresql://127.0.0.1:5432/";
        String database = "tp_bench_results_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(postgres + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        try {
            run(
                    "PostgreSQL",
                    Map.of("TP_DB_URL", postgres + database, "TP_DB_USER", "postgres"),
                    dir.resolve("server-postgres.log"),
                    students,
                    rankingFile,
                    solveFile);
        } finally {
            try (Connection c = DriverManager.getConnection(postgres + "postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    static void run(String label, Map<String, String> database, Path log, Path students, Path ranking, Path solves)
            throws Exception {
        Map<String, String> env = new HashMap<>(database);
        env.put("TP_DEMO", "true");
        try (PayaraProcess app = PayaraProcess.start(env, "1g", log)) {
            ApiClient api = new ApiClient(app.root());
            String admin = api.token("admin", "talent-demo");
            post(app, admin, "/schools/SJTU/students/import", students, "text/csv");
            api.post(
                    "/events",
                    admin,
                    "{\"code\":\"BENCH-1\",\"name\":\"Bench\",\"competition\":\"BENCH\",\"level\":\"NATIONAL\","
                            + "\"format\":\"JEOPARDY\",\"startDate\":\"2026-05-01\",\"endDate\":\"2026-05-01\"}");
            System.out.printf(
                    Locale.ROOT, "%n== %s: 10,000 competitors per post, median of 5 after a warm-up%n", label);
            for (Path file : List.of(ranking, solves)) {
                String format = file.getFileName().toString().startsWith("ranking") ? "ranking" : "solves";
                post(app, admin, "/events/BENCH-1/results?format=" + format, file, "text/csv");
                double[] seconds = new double[5];
                String reply = "";
                for (int i = 0; i < seconds.length; i++) {
                    long started = System.nanoTime();
                    reply = post(app, admin, "/events/BENCH-1/results?format=" + format, file, "text/csv");
                    seconds[i] = (System.nanoTime() - started) / 1e9;
                }
                Arrays.sort(seconds);
                System.out.printf(
                        Locale.ROOT,
                        "%-8s %6.2f MB  median %.2f s  (min %.2f, max %.2f)  %s%n",
                        format,
                        Files.size(file) / 1e6,
                        seconds[2],
                        seconds[0],
                        seconds[4],
                        reply);
            }
        }
    }

    static String post(PayaraProcess app, String token, String path, Path file, String type) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(app.root() + "/api/v1" + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", type)
                                .POST(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body().length() > 80 ? r.body().substring(0, 80) : r.body();
    }
}
