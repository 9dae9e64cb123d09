package org.talentpipeline.bench;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.PayaraProcess;

/**
 * Issue 5's figures, on a data set made by the generator (1,000,000 students and 10,000,000 results
 * in 5,000 events: {@code mvn -Pgenerate -Dstudents=1000000 -Devents=5000 -Dresults=10000000
 * -Ddb=URL}). Starts the application with a 2 GiB heap and a GC log on that database, then times
 * <ul>
 * <li>a full recompute through {@code POST /api/v1/scoring/recompute}, polling the job until it is
 * done (target ≤ 60 s), and the heap the GC log shows (target ≤ 2 GiB: the heap cannot grow past
 * it; the figures say how close it came);</li>
 * <li>the rating update for a new event of 5,000 competitors, as the server logs it, and the whole
 * results post (target ≤ 1 s for the update).</li>
 * </ul>
 * {@code mvn -Pbench -Dbench=ScoringBenchmark -Dbench.args="--db=jdbc:h2:file:/abs/path/talent"}
 * (for PostgreSQL add {@code --user=postgres}; {@code --full=false} times only the updates; {@code --every=9} takes
 * the update's entrants from every 9th student instead of every 97th, for a data set of a tenth of the size;
 * {@code --rounds=N} times N updates instead of 3). The first start seeds the demo users (and rates
 * everything once) if the database has none.
 */
public final class ScoringBenchmark {

    private static final Pattern UPDATE = Pattern.compile("entrants in ([0-9.]+) s");
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private ScoringBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = GenerateData.options(args);
        String url = opts.get("db");
        Path dir = Path.of("target", "bench", "scoring");
        Files.createDirectories(dir);
        List<String> refs = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        LocalDate last;
        try (Connection c = GenerateData.dataSource(url, opts.get("user"), opts.get("password"))
                        .getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select max(start_date) from competition_event")) {
                rs.next();
                last = rs.getDate(1).toLocalDate();
            }
        }
        try (Connection c = GenerateData.dataSource(url, opts.get("user"), opts.get("password"))
                        .getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select sc.code, st.student_number, st.id from student st join school sc on sc.id = st.school_id"
                                + " where mod(st.id, " + Integer.parseInt(opts.getOrDefault("every", "97"))
                                + ") = 3 order by st.id fetch first 10000 rows only")) {
            while (rs.next()) {
                refs.add(rs.getString(1) + "/" + rs.getString(2));
                ids.add(rs.getLong(3));
            }
        }
        boolean postgres = url.startsWith("jdbc:postgresql:");
        DataSource floorDb = GenerateData.dataSource(url, opts.get("user"), opts.get("password"));
        Map<String, String> env = new HashMap<>();
        env.put("TP_DB_URL", url);
        env.put("TP_DEMO", "true");
        if (opts.containsKey("user")) {
            env.put("TP_DB_USER", opts.get("user"));
        }
        Path log = dir.resolve("server.log");
        Path gc = dir.resolve("gc.log");
        Files.deleteIfExists(gc);
        System.setProperty("tp.startMinutes", "30");
        long starting = System.nanoTime();
        try (PayaraProcess app = PayaraProcess.start(
                env, opts.getOrDefault("heap", "2g"), log, "-Xlog:gc:file=" + gc.toAbsolutePath())) {
            System.out.printf(Locale.ROOT, "started in %.1f s (%s)%n", (System.nanoTime() - starting) / 1e9, url);
            ApiClient api = new ApiClient(app.root());
            String admin = api.token("admin", "talent-demo");
            awaitIdle(api, admin);
            long gcLinesBefore = Files.readAllLines(gc).size();
            if (!"false".equals(opts.get("full"))) {

                long started = System.nanoTime();
                ApiClient.Reply reply = api.post("/scoring/recompute", admin, "");
                long id = reply.json().getJsonNumber("id").longValue();
                String state;
                JsonObject job;
                do {
                    Thread.sleep(250);
                    job = api.get("/scoring/jobs/" + id, admin).json();
                    state = job.getString("state");
                } while (!state.equals("DONE") && !state.equals("FAILED"));
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        Locale.ROOT, "full recompute: %s in %.1f s (%s)%n", state, seconds, job.getString("message"));
                printHeap(
                        opts.getOrDefault("heap", "2g"),
                        Files.readAllLines(gc)
                                .subList(
                                        (int) gcLinesBefore,
                                        Files.readAllLines(gc).size()));
                grep(log, "ratings recomputed");
                if (postgres) {
                    try (Connection c = floorDb.getConnection()) {
                        ScoringFloor.Recompute floor = ScoringFloor.recompute(c);
                        System.out.printf(
                                Locale.ROOT,
                                "  floor: %s; the recompute %.2fx it%n",
                                ScoringFloor.describe(floor),
                                seconds / floor.total());
                    }
                }
            }

            int rounds = Integer.parseInt(opts.getOrDefault("rounds", "3"));
            for (int round = 1; round <= rounds; round++) {
                // after every stored event, so that the update is an append (an earlier date queues a full recompute)
                String day = last.plusDays(round).toString();
                String code = "BENCH-INC-" + System.currentTimeMillis();
                api.post(
                        "/events",
                        admin,
                        "{\"code\":\"" + code + "\",\"name\":\"Incremental bench " + round + "\",\"competition\":"
                                + "\"BENCH\",\"level\":\"NATIONAL\",\"format\":\"JEOPARDY\",\"startDate\":\"" + day
                                + "\",\"endDate\":\"" + day + "\"}");
                StringBuilder ranking = new StringBuilder("place,competitor,points,category:web,category:pwn\n");
                for (int i = 0; i < 5_000; i++) {
                    ranking.append(i + 1)
                            .append(',')
                            .append(refs.get((i * 7 + round * 1_000) % refs.size()))
                            .append(',')
                            .append(50_000 - i)
                            .append(',')
                            .append((i * 37) % 1000)
                            .append(',')
                            .append((i * 53) % 1000)
                            .append('\n');
                }
                Path file = dir.resolve("incremental.csv");
                Files.writeString(file, ranking);
                long posting = System.nanoTime();
                String answer = ResultBenchmark.post(app, admin, "/events/" + code + "/results", file, "text/csv");
                System.out.printf(
                        Locale.ROOT,
                        "round %d: results post of 5,000 competitors incl. the rating update %.2f s (%s)%n",
                        round,
                        (System.nanoTime() - posting) / 1e9,
                        answer);
                String rated = grep(log, "event " + code + " rated");
                if (postgres) {
                    List<Long> entrants = new ArrayList<>();
                    for (int i = 0; i < 5_000; i++) {
                        entrants.add(ids.get((i * 7 + round * 1_000) % ids.size()));
                    }
                    try (Connection c = floorDb.getConnection()) {
                        ScoringFloor.Update floor = ScoringFloor.update(c, entrants, List.of("", "web", "pwn"));
                        Matcher m = UPDATE.matcher(rated);
                        double update = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
                        System.out.printf(
                                Locale.ROOT,
                                "  floor: reading the %,d rating rows %.3f s, one MERGE of them %.3f s;"
                                        + " the update %.3f s is %.2fx the MERGE, %.2fx both%n",
                                floor.rows(),
                                floor.read(),
                                floor.merge(),
                                update,
                                update / floor.merge(),
                                update / (floor.read() + floor.merge()));
                    }
                }
            }
        }
    }

    private static void printHeap(String heap, List<String> lines) {
        long before = 0;
        long after = 0;
        long committed = 0;
        for (String line : lines) {
            Matcher m = GC.matcher(line);
            if (m.find()) {
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "heap during the recompute (-Xmx" + heap + "): most used %d MB, most live after a GC %d MB,"
                        + " most committed %d MB, %d GC pauses%n",
                before,
                after,
                committed,
                lines.size());
    }

    /** Prints the server's log lines with this text; returns the last. */
    private static String grep(Path log, String text) throws IOException {
        String found = "";
        for (String line : Files.readAllLines(log)) {
            if (line.contains(text)) {
                found = line.substring(Math.max(0, line.indexOf(text))).replaceAll("\\]+$", "");
                System.out.println("  server: " + found);
            }
        }
        return found;
    }

    private static void awaitIdle(ApiClient api, String admin) throws InterruptedException {
        while (api.get("/scoring/jobs", admin).parse().asJsonArray().stream()
                .map(JsonObject.class::cast)
                .anyMatch(j -> j.getString("state").equals("QUEUED")
                        || j.getString("state").equals("RUNNING"))) {
            Thread.sleep(500);
        }
    }
}
