package org.talentpipeline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.postgresql.ds.PGSimpleDataSource;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Browser;
import org.talentpipeline.it.PayaraProcess;
import org.talentpipeline.it.pages.LoginPage;
import org.talentpipeline.platform.Paging;
import org.talentpipeline.search.CandidateQuery;
import org.talentpipeline.search.CandidateSearch;

/**
 * Issue 6's figure: the candidate search with three filters and a sort, over a generated data set
 * with ratings (run {@link ScoringBenchmark} on it first), through {@code GET /api/v1/candidates} and
 * as the page (a signed-in session GETs the bookmarkable search URL; the page renders the first 25
 * rows). Issue 25's floor beside each figure, in the same run: the statement the server runs for the
 * page of each search ({@link CandidateSearch#pageStatement}, the same code builds it), run through
 * plain JDBC with a prepared statement on the same database, with the same parameters, by as many
 * clients; then the ratio. Figures: one client (p50 and p95, API against floor), 16 clients
 * (searches a second, API against floor; the page's p95 against the API's), and a search that
 * matches nobody (graduation years no candidate has) against one that matches.
 * {@code mvn -Pbench -Dbench=SearchBenchmark -Dbench.args="--db=URL [--user=postgres] [--requests=200] [--pageRequests=200] [--warmup=30]"}
 * ({@code --jvm=OPTION} passes one option to the server's JVM, for a flight recording).
 */
public final class SearchBenchmark {

    static final int CLIENTS = 16;
    static final String[] REGIONS = GenerateData.REGIONS;

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = GenerateData.options(args);
        int requests = Integer.parseInt(opts.getOrDefault("requests", "200"));
        int pageRequests = Integer.parseInt(opts.getOrDefault("pageRequests", Integer.toString(requests)));
        warmUpSeconds = Integer.parseInt(opts.getOrDefault("warmup", Integer.toString(WARM_UP_SECONDS)));
        Path dir = Path.of("target", "bench", "search");
        Files.createDirectories(dir);
        Map<String, String> env = new HashMap<>();
        env.put("TP_DB_URL", opts.get("db"));
        env.put("TP_DEMO", "true");
        if (opts.containsKey("user")) {
            env.put("TP_DB_USER", opts.get("user"));
        }
        System.setProperty("tp.startMinutes", "30");
        // each client keeps its connection open between searches (the JDK keeps 5 idle per server by default)
        System.setProperty("http.maxConnections", Integer.toString(CLIENTS * 2));
        Floor floor = new Floor(opts.get("db"), opts.get("user"), opts.get("password"), "recruiter");
        String[] jvm = opts.containsKey("jvm") ? new String[] {opts.get("jvm")} : new String[0];
        try (PayaraProcess app = PayaraProcess.start(env, "2g", dir.resolve("server.log"), jvm)) {
            Cpu.server = app.pid();
            Cpu.db = new PGSimpleDataSource();
            Cpu.db.setURL(opts.get("db"));
            Cpu.db.setUser(opts.getOrDefault("user", "postgres"));
            Cpu.db.setApplicationName("SearchBenchmark");
            ApiClient api = new ApiClient(app.root());
            String token = api.token("recruiter", "talent-demo");
            ApiClient.Reply first = api.get("/candidates?size=1", token);
            if (first.status() != 200) {
                throw new IllegalStateException("the search answers " + first.status() + ": " + first.body());
            }
            String total = first.json().get("total").toString();
            System.out.printf(Locale.ROOT, "consenting rated candidates: %s (counted up to the cap)%n", total);
            System.out.printf(
                    Locale.ROOT, "floor: the page's statement through JDBC, e.g.%n  %s%n", floor.sql(query(0)));
            String url = app.root() + "/api/v1/candidates";
            String bearer = "Bearer " + token;
            warmUp(url, "Authorization", bearer, SearchBenchmark::query);
            floor.run(CLIENTS, requests, SearchBenchmark::query);

            Figures[] one = alternate(
                    r -> run(url, "Authorization", bearer, 1, r, SearchBenchmark::query),
                    r -> floor.run(1, r, SearchBenchmark::query),
                    requests);
            Figures api1 = one[0];
            Figures floor1 = one[1];
            compare("API  one client", api1, floor1);
            Figures[] many = alternate(
                    r -> run(url, "Authorization", bearer, CLIENTS, r, SearchBenchmark::query),
                    r -> floor.run(CLIENTS, r, SearchBenchmark::query),
                    requests);
            Figures apiN = many[0];
            Figures floorN = many[1];
            compare("API  " + CLIENTS + " clients", apiN, floorN);

            Figures[] nobody = alternate(
                    r -> run(url, "Authorization", bearer, 1, r, SearchBenchmark::nobody),
                    r -> floor.run(1, r, SearchBenchmark::nobody),
                    requests);
            Figures none = nobody[0];
            Figures floorNone = nobody[1];
            compare("API  one client, matching nobody", none, floorNone);
            System.out.printf(
                    Locale.ROOT,
                    "  matching nobody against matching: API p50 %.2f / %.2f ms (x%.2f), floor p50 %.2f / %.2f ms (x%.2f)%n",
                    none.p50(),
                    api1.p50(),
                    none.p50() / api1.p50(),
                    floorNone.p50(),
                    floor1.p50(),
                    floorNone.p50() / floor1.p50());

            WebDriver browser = Browser.start();
            String cookie;
            try {
                LoginPage.open(browser, app.root() + "/").signIn("recruiter", "talent-demo");
                Cookie session = browser.manage().getCookieNamed("JSESSIONID");
                cookie = "JSESSIONID=" + session.getValue();
            } finally {
                browser.quit();
            }
            String page = app.root() + "/search/candidates.xhtml";
            warmUp(page, "Cookie", cookie, SearchBenchmark::query);
            Figures[] pageOne = alternate(
                    r -> run(page, "Cookie", cookie, 1, r, SearchBenchmark::query),
                    r -> floor.run(1, r, SearchBenchmark::query),
                    pageRequests);
            compare("page one client", pageOne[0], pageOne[1]);
            Figures[] pageMany = alternate(
                    r -> run(page, "Cookie", cookie, CLIENTS, r, SearchBenchmark::query),
                    Cpu::product,
                    r -> run(url, "Authorization", bearer, CLIENTS, r, SearchBenchmark::query),
                    Cpu::product,
                    pageRequests);
            Figures pageN = pageMany[0];
            apiN = pageMany[1];
            compare("page " + CLIENTS + " clients", pageN, floorN);
            System.out.printf(
                    Locale.ROOT,
                    "  page against API (taking turns), %d clients: p95 %.2f / %.2f ms (x%.2f), %.0f / %.0f searches/s%n",
                    CLIENTS,
                    pageN.p95(),
                    apiN.p95(),
                    pageN.p95() / apiN.p95(),
                    pageN.perSecond(),
                    apiN.perSecond());
        }
    }

    /** Rounds in which the product and its floor take turns, so that both see the same load of the machine. */
    static final int ROUNDS = 5;

    interface Series {
        Figures run(int requests) throws Exception;
    }

    /** The product's series and the floor's, {@link #ROUNDS} turns each of a part of the requests, merged. */
    static Figures[] alternate(Series product, Series floor, int requests) throws Exception {
        return alternate(product, Cpu::product, floor, Cpu::floor, requests);
    }

    interface Meter {
        double read() throws SQLException;
    }

    static Figures[] alternate(Series product, Meter productCpu, Series floor, Meter floorCpu, int requests)
            throws Exception {
        int part = Math.max(1, requests / ROUNDS);
        List<Figures> a = new ArrayList<>();
        List<Figures> b = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double cpu = productCpu.read();
            Figures f = product.run(part);
            a.add(new Figures(f.clients(), f.ms(), f.seconds(), productCpu.read() - cpu));
            cpu = floorCpu.read();
            f = floor.run(part);
            b.add(new Figures(f.clients(), f.ms(), f.seconds(), floorCpu.read() - cpu));
        }
        return new Figures[] {merge(a), merge(b)};
    }

    static Figures merge(List<Figures> parts) {
        double[] all = parts.stream()
                .flatMapToDouble(f -> Arrays.stream(f.ms()))
                .sorted()
                .toArray();
        double seconds = parts.stream().mapToDouble(Figures::seconds).sum();
        double cpu = parts.stream().mapToDouble(Figures::cpuMs).sum();
        return new Figures(parts.get(0).clients(), all, seconds, cpu);
    }

    /** Latencies in milliseconds, sorted, and the seconds the series took, of one series. */
    record Figures(int clients, double[] ms, double seconds, double cpuMs) {
        double perSecond() {
            return ms.length / seconds;
        }

        /** Processor time per search: the server's and its database sessions' (the product), or the floor's sessions'. */
        double cpuPerSearch() {
            return cpuMs / ms.length;
        }

        double p50() {
            return ms[ms.length / 2];
        }

        double p95() {
            return ms[(int) (ms.length * 0.95)];
        }

        double p99() {
            return ms[(int) (ms.length * 0.99)];
        }

        double max() {
            return ms[ms.length - 1];
        }
    }

    /** The product's figures, its floor's, and the ratios. */
    static void compare(String label, Figures product, Figures floor) {
        System.out.printf(
                Locale.ROOT,
                "%-34s %2d x %d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms, %.0f searches/s, CPU %.2f ms/search%n",
                label,
                product.clients(),
                product.ms().length / product.clients(),
                product.p50(),
                product.p95(),
                product.p99(),
                product.max(),
                product.perSecond(),
                product.cpuPerSearch());
        System.out.printf(
                Locale.ROOT,
                "%-34s %2d x %d: p50 %.2f ms, p95 %.2f ms, %.0f statements/s, CPU %.2f ms/statement; product - floor"
                        + " p50 %+.2f ms, p50 x%.2f, p95 x%.2f, searches/s x%.2f of the floor's, CPU x%.1f%n",
                "  floor (statement, JDBC)",
                floor.clients(),
                floor.ms().length / floor.clients(),
                floor.p50(),
                floor.p95(),
                floor.perSecond(),
                floor.cpuPerSearch(),
                product.p50() - floor.p50(),
                product.p50() / floor.p50(),
                product.p95() / floor.p95(),
                product.perSecond() / floor.perSecond(),
                product.cpuPerSearch() / floor.cpuPerSearch());
    }

    /**
     * Processor time, which the other loads of a shared machine do not inflate as they do the
     * latencies: the server's threads (not its JIT compilers) and its database sessions (the product),
     * or the floor's sessions (the floor's own JDBC client is left out, as the benchmark's HTTP client is).
     */
    static final class Cpu {
        static final String FLOOR = "SearchBenchmark floor";
        static long server;
        static PGSimpleDataSource db;

        /** Milliseconds of processor time the server and its sessions have used so far. */
        static double product() throws SQLException {
            return serverThreads() + sessions("<>");
        }

        static double floor() throws SQLException {
            return sessions("=");
        }

        /** The processor time of this database's sessions whose application name is (or is not) the floor's. */
        private static double sessions(String op) throws SQLException {
            double ms = 0;
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement("select pid from pg_stat_activity where datname ="
                            + " current_database() and pid <> pg_backend_pid() and coalesce(application_name, '') "
                            + op + " ?")) {
                s.setString(1, FLOOR);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ms += ticks(rs.getInt(1)) * 10.0;
                    }
                }
            }
            return ms;
        }

        /**
         * Milliseconds of processor time of the server's threads but its JIT compilers': a server a
         * few minutes old still compiles, and on a loaded machine that took most of its processor.
         */
        static double serverThreads() {
            double ms = 0;
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(server), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String name;
                    try {
                        name = Files.readString(task.resolve("comm")).strip();
                    } catch (IOException e) {
                        continue;
                    }
                    if (!name.contains("Compiler")) {
                        ms += ticks(task.resolve("stat")) * 10.0;
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return ms;
        }

        private static long ticks(int pid) {
            return ticks(Path.of("/proc", Integer.toString(pid), "stat"));
        }

        /** utime + stime of a process, in clock ticks (a hundredth of a second on Linux). */
        private static long ticks(Path file) {
            try {
                String stat = Files.readString(file);
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /**
     * The floor: the page's statement for each search, as the server builds it for the recruiter's
     * agency, prepared on a connection of each client's own (the driver prepares it on the server from
     * the fifth run on, as the server's connections do) with the server's session options.
     */
    static final class Floor {
        private final PGSimpleDataSource db = new PGSimpleDataSource();
        private final String agency;
        private final boolean approvalVaries;

        Floor(String url, String user, String password, String username) throws SQLException {
            db.setURL(url);
            db.setUser(user == null ? "postgres" : user);
            if (password != null) {
                db.setPassword(password);
            }
            // as ConfiguredDataSource sets them
            db.setOptions("-c jit=off -c enable_memoize=off");
            db.setApplicationName(Cpu.FLOOR);
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement("select agency_code from app_user where username = ?")) {
                s.setString(1, username);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    agency = rs.getString(1);
                }
                // as CandidateSearch asks it
                try (PreparedStatement refuses =
                        c.prepareStatement("select count(*) from school sc where not exists (select 1 from"
                                + " school_agency ap where ap.school_id = sc.id and ap.agency_code = ?)")) {
                    refuses.setString(1, agency);
                    try (ResultSet rs = refuses.executeQuery()) {
                        rs.next();
                        approvalVaries = rs.getLong(1) > 0;
                    }
                }
            }
        }

        CandidateSearch.Statement statement(String parameters) {
            Map<String, String> p = new LinkedHashMap<>();
            for (String pair : parameters.substring(1).split("&")) {
                int eq = pair.indexOf('=');
                p.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return CandidateSearch.pageStatement(
                    CandidateQuery.of(p).checked(), Paging.of(0, 25), agency, approvalVaries);
        }

        String sql(String parameters) {
            CandidateSearch.Statement s = statement(parameters);
            return s.sql() + " " + s.parameters();
        }

        /** The clients' connections, kept open from run to run (their sessions' processor time is read). */
        private final List<Connection> connections = new ArrayList<>();

        Figures run(int clients, int requests, IntFunction<String> query) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                while (connections.size() < clients) {
                    connections.add(db.getConnection());
                }
                List<Future<double[]>> results = new ArrayList<>();
                long started = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    Connection connection = connections.get(c);
                    results.add(pool.submit(() -> {
                        double[] ms = new double[requests];
                        for (int i = 0; i < requests; i++) {
                            CandidateSearch.Statement statement = statement(query.apply(client * requests + i));
                            long t = System.nanoTime();
                            try (PreparedStatement s = connection.prepareStatement(statement.sql())) {
                                int n = 1;
                                for (Object value : statement.parameters()) {
                                    s.setObject(n++, value);
                                }
                                try (ResultSet rs = s.executeQuery()) {
                                    while (rs.next()) {
                                        rs.getString(7);
                                    }
                                }
                            }
                            ms[i] = (System.nanoTime() - t) / 1e6;
                        }
                        return ms;
                    }));
                }
                return collect(clients, requests, results, started);
            } finally {
                pool.shutdown();
            }
        }
    }

    /**
     * Seconds of the same searches sent before the timed ones. The server was just started: its
     * compiler was still compiling the request path after 5,000 searches (a sixth of its CPU), so the
     * warm-up runs by time, long enough for figures about a server in service.
     */
    static final int WARM_UP_SECONDS = 30;

    static int warmUpSeconds = WARM_UP_SECONDS;

    /** 16 clients sending the searches for {@link #warmUpSeconds}. */
    static void warmUp(String url, String header, String value, IntFunction<String> query) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long warmUntil = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            List<Future<?>> warming = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                warming.add(pool.submit(() -> {
                    for (int w = 0; System.nanoTime() < warmUntil; w++) {
                        send(url + query.apply(client * 1000 + w % 1000), header, value);
                    }
                    return null;
                }));
            }
            for (Future<?> f : warming) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** {@code clients} clients, each sending {@code requests} searches one after the other. */
    static Figures run(String url, String header, String value, int clients, int requests, IntFunction<String> query)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    double[] ms = new double[requests];
                    for (int i = 0; i < requests; i++) {
                        long t = System.nanoTime();
                        send(url + query.apply(client * requests + i), header, value);
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                    return ms;
                }));
            }
            return collect(clients, requests, results, started);
        } finally {
            pool.shutdown();
        }
    }

    static Figures collect(int clients, int requests, List<Future<double[]>> results, long started) throws Exception {
        double[] all = new double[clients * requests];
        for (int c = 0; c < clients; c++) {
            System.arraycopy(results.get(c).get(), 0, all, c * requests, requests);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(all);
        return new Figures(clients, all, seconds, 0);
    }

    /** Region, graduation years and a least score, by score. */
    static String query(int i) {
        int year = 2024 + i % 5;
        return "?region=" + REGIONS[i % REGIONS.length] + "&gradFrom=" + year + "&gradTo=" + (year + 2) + "&minScore="
                + (300 + i % 7 * 50) + "&sort=score";
    }

    /** The same search with graduation years that no candidate has. */
    static String nobody(int i) {
        int year = 1990 + i % 5;
        return "?region=" + REGIONS[i % REGIONS.length] + "&gradFrom=" + year + "&gradTo=" + (year + 2) + "&minScore="
                + (300 + i % 7 * 50) + "&sort=score";
    }

    /**
     * One search, as a blocking client on a kept-alive connection of its own would send it. The
     * JDK's {@code HttpURLConnection}, not its {@code HttpClient}: the load is generated on the
     * server's two cores, and the asynchronous client cost several times the CPU per request.
     */
    static void send(String url, String header, String value) throws Exception {
        HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
        http.setRequestProperty(header, value);
        int status = http.getResponseCode();
        try (InputStream body = status < 400 ? http.getInputStream() : http.getErrorStream()) {
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            if (status != 200) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                throw new IllegalStateException(
                        url + ": " + status + " " + text.substring(0, Math.min(200, text.length())));
            }
        }
    }
}
