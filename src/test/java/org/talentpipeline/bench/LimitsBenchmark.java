package org.talentpipeline.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Bodies;
import org.talentpipeline.it.PayaraProcess;

/**
 * The input limits under attack: 20 oversize bodies sent at once (50 MB of results JSON, students
 * CSV of one 1 GB line, declared and chunked, 50 MB token requests), with the server's heap
 * (Payara Micro, 1 GiB) read by {@code jcmd} before, every 250 ms during, and after a full
 * collection. First it weighs realistic results of 5,000 entrants, the figures behind
 * {@code InputLimits.RESULTS_BYTES}.
 *
 * <pre>mvn -Pbench -Dbench=LimitsBenchmark</pre>
 */
public final class LimitsBenchmark {

    static final long MB = 1024 * 1024;

    private LimitsBenchmark() {}

    public static void main(String[] args) throws Exception {
        weighRealisticResults(5_000);

        Path dir = Path.of("target", "bench", "limits");
        StudentBenchmark.deleteTree(dir);
        Files.createDirectories(dir);
        try (PayaraProcess app = PayaraProcess.start(
                Map.of("TP_DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("talent"), "TP_DEMO", "true"),
                "1g",
                dir.resolve("server.log"))) {
            ApiClient api = new ApiClient(app.root());
            String admin = api.token("admin", "talent-demo");
            long before = StudentBenchmark.heapAfterGcKb(app.pid());
            System.out.printf(Locale.ROOT, "%nheap before (after a full GC): %,d MB%n", before / 1024);

            ExecutorService clientThreads = Executors.newFixedThreadPool(8);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(30))
                    .executor(clientThreads)
                    .build();
            List<Attack> attacks = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                attacks.add(new Attack(
                        "results JSON, 50 MB declared",
                        "/api/v1/events/NCSC-2025/results",
                        "application/json",
                        () -> Bodies.repeated((byte) '[', 50 * MB),
                        50 * MB,
                        admin));
            }
            for (int i = 0; i < 4; i++) {
                attacks.add(new Attack(
                        "students CSV, one 1 GB line declared",
                        "/api/v1/schools/XDU/students/import",
                        "text/csv",
                        () -> Bodies.repeated((byte) 'a', 1024 * MB),
                        1024 * MB,
                        admin));
            }
            for (int i = 0; i < 3; i++) {
                attacks.add(new Attack(
                        "students CSV, one 1 GB line chunked",
                        "/api/v1/schools/XDU/students/import",
                        "text/csv",
                        () -> Bodies.repeated((byte) 'a', 1024 * MB),
                        -1,
                        admin));
            }
            for (int i = 0; i < 6; i++) {
                attacks.add(new Attack(
                        "token request, 50 MB declared",
                        "/api/v1/auth/token",
                        "application/json",
                        () -> Bodies.repeated((byte) ' ', 50 * MB),
                        50 * MB,
                        null));
            }

            AtomicLong peak = new AtomicLong();
            List<Long> samples = new ArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(
                    () -> {
                        long used = StudentBenchmark.heapUsedKb(app.pid());
                        peak.accumulateAndGet(used, Math::max);
                        synchronized (samples) {
                            samples.add(used);
                        }
                    },
                    0,
                    250,
                    TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            List<CompletableFuture<String>> replies = new ArrayList<>();
            for (Attack attack : attacks) {
                replies.add(attack.send(http, app.root(), started));
            }
            List<String> lines = new ArrayList<>();
            for (CompletableFuture<String> reply : replies) {
                lines.add(reply.get(10, TimeUnit.MINUTES));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            // the client's threads are not daemons: left running, they would keep the benchmark from exiting
            clientThreads.shutdownNow();
            long after = StudentBenchmark.heapAfterGcKb(app.pid());
            String health = api.get("/events?size=1", admin).status() == 200 ? "answers" : "does not answer";

            System.out.printf(Locale.ROOT, "%n== 20 oversize bodies at once (%.1f s in all)%n", seconds);
            lines.stream().sorted().forEach(System.out::println);
            long sum;
            int count;
            synchronized (samples) {
                sum = samples.stream().mapToLong(Long::longValue).sum();
                count = samples.size();
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nheap (used, 1 GiB max): before %,d MB; during: peak %,d MB, mean %,d MB over %d samples;"
                            + " after (full GC) %,d MB; the API %s afterwards%n",
                    before / 1024,
                    peak.get() / 1024,
                    count == 0 ? 0 : sum / count / 1024,
                    count,
                    after / 1024,
                    health);
        }
    }

    /** One oversize request; its answer as one line: what, status, seconds, the error. */
    record Attack(String what, String path, String type, Supplier<InputStream> body, long length, String token) {

        CompletableFuture<String> send(HttpClient http, String root, long started) {
            HttpRequest.BodyPublisher publisher = length >= 0
                    ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length)
                    : HttpRequest.BodyPublishers.ofInputStream(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                    .timeout(Duration.ofMinutes(10))
                    .header("Content-Type", type)
                    .POST(publisher);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> String.format(
                            Locale.ROOT,
                            "%-38s %s after %5.1f s: %s",
                            what,
                            response == null ? "no answer" : Integer.toString(response.statusCode()),
                            (System.nanoTime() - started) / 1e9,
                            response == null ? String.valueOf(failure) : abbreviate(response.body())));
        }

        static String abbreviate(String s) {
            return s.length() > 160 ? s.substring(0, 160) + "..." : s;
        }
    }

    /**
     * What results of a field of this size weigh in each format: a ranking with four categories, the
     * same with teams of four, a solve log of 15 solves per entrant (30 for the top tenth), and
     * CTFd's scoreboard with teams of four.
     */
    static void weighRealisticResults(int entrants) {
        Random random = new Random(42);
        String[] categories = {"web", "pwn", "crypto", "forensics"};
        StringBuilder ranking = new StringBuilder("[");
        StringBuilder teams = new StringBuilder("[");
        StringBuilder solves = new StringBuilder("[");
        StringBuilder solvesCsv = new StringBuilder("challenge,category,competitor,time,points\n");
        StringBuilder ctfd = new StringBuilder("{\"success\":true,\"data\":[");
        Instant start = Instant.parse("2026-05-01T08:00:00Z");
        int solveCount = 0;
        for (int i = 0; i < entrants; i++) {
            String ref = "XDU/2026" + String.format(Locale.ROOT, "%05d", i);
            StringBuilder cats = new StringBuilder("{");
            for (int c = 0; c < categories.length; c++) {
                cats.append(c == 0 ? "" : ",")
                        .append('"')
                        .append(categories[c])
                        .append("\":")
                        .append(random.nextInt(2000));
            }
            cats.append('}');
            String sep = i == 0 ? "" : ",";
            ranking.append(sep)
                    .append("{\"place\":")
                    .append(i + 1)
                    .append(",\"competitor\":\"")
                    .append(ref)
                    .append("\",\"points\":")
                    .append(30_000 - i * 5)
                    .append(".5,\"categories\":")
                    .append(cats)
                    .append('}');
            StringBuilder members = new StringBuilder("[");
            StringBuilder ctfdMembers = new StringBuilder("[");
            for (int m = 0; m < 4; m++) {
                String member = "SJTU/2025" + String.format(Locale.ROOT, "%05d", i * 4 + m);
                members.append(m == 0 ? "" : ",").append('"').append(member).append('"');
                ctfdMembers
                        .append(m == 0 ? "" : ",")
                        .append("{\"id\":")
                        .append(i * 4 + m)
                        .append(",\"name\":\"")
                        .append(member)
                        .append("\",\"score\":")
                        .append(random.nextInt(3000))
                        .append('}');
            }
            members.append(']');
            ctfdMembers.append(']');
            teams.append(sep)
                    .append("{\"place\":")
                    .append(i + 1)
                    .append(",\"competitor\":\"Team ")
                    .append(i)
                    .append("\",\"points\":")
                    .append(30_000 - i * 5)
                    .append(",\"members\":")
                    .append(members)
                    .append(",\"categories\":")
                    .append(cats)
                    .append('}');
            ctfd.append(sep)
                    .append("{\"pos\":")
                    .append(i + 1)
                    .append(",\"account_id\":")
                    .append(i)
                    .append(",\"account_url\":\"/teams/")
                    .append(i)
                    .append("\",\"account_type\":\"team\",\"oauth_id\":null,\"name\":\"Team ")
                    .append(i)
                    .append("\",\"score\":")
                    .append(30_000 - i * 5)
                    .append(",\"members\":")
                    .append(ctfdMembers)
                    .append('}');
            int n = i < entrants / 10 ? 30 : 15;
            for (int s = 0; s < n; s++) {
                String category = categories[random.nextInt(categories.length)];
                String challenge = category + "-" + random.nextInt(40);
                Instant at = start.plusSeconds(random.nextInt(172_800));
                int points = 100 * (1 + random.nextInt(5));
                solves.append(solveCount++ == 0 ? "" : ",")
                        .append("{\"challenge\":\"")
                        .append(challenge)
                        .append("\",\"category\":\"")
                        .append(category)
                        .append("\",\"competitor\":\"")
                        .append(ref)
                        .append("\",\"time\":\"")
                        .append(at)
                        .append("\",\"points\":")
                        .append(points)
                        .append('}');
                solvesCsv
                        .append(challenge)
                        .append(',')
                        .append(category)
                        .append(',')
                        .append(ref)
                        .append(',')
                        .append(at)
                        .append(',')
                        .append(points)
                        .append('\n');
            }
        }
        ranking.append(']');
        teams.append(']');
        solves.append(']');
        ctfd.append("]}");
        System.out.printf(Locale.ROOT, "== results of %,d entrants, by weight%n", entrants);
        System.out.printf(Locale.ROOT, "ranking JSON, four categories:             %6.2f MB%n", mb(ranking));
        System.out.printf(Locale.ROOT, "ranking JSON, teams of four:               %6.2f MB%n", mb(teams));
        System.out.printf(Locale.ROOT, "CTFd scoreboard, teams of four:            %6.2f MB%n", mb(ctfd));
        System.out.printf(Locale.ROOT, "solve log JSON, %,7d solves:              %6.2f MB%n", solveCount, mb(solves));
        System.out.printf(
                Locale.ROOT, "solve log CSV,  %,7d solves:              %6.2f MB%n", solveCount, mb(solvesCsv));
    }

    static double mb(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length / (double) MB;
    }
}
