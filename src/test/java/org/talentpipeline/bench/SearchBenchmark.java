package org.talentpipeline.bench;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.talentpipeline.it.ApiClient;
import org.talentpipeline.it.Browser;
import org.talentpipeline.it.PayaraProcess;
import org.talentpipeline.it.pages.LoginPage;

/**
 * Issue 6's figure: the candidate search with three filters and a sort, over a generated data set
 * with ratings (run {@link ScoringBenchmark} on it first), by 16 concurrent clients: p50/p95/p99
 * through {@code GET /api/v1/candidates} (target p95 ≤ 100 ms), and the same search as the page
 * (a signed-in session GETs the bookmarkable search URL; the page renders the first 25 rows).
 * {@code mvn -Pbench -Dbench=SearchBenchmark -Dbench.args="--db=URL [--user=postgres] [--requests=100]"}.
 */
public final class SearchBenchmark {

    static final int CLIENTS = 16;
    static final String[] REGIONS = GenerateData.REGIONS;

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = GenerateData.options(args);
        int requests = Integer.parseInt(opts.getOrDefault("requests", "100"));
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
        try (PayaraProcess app = PayaraProcess.start(env, "2g", dir.resolve("server.log"))) {
            ApiClient api = new ApiClient(app.root());
            String token = api.token("recruiter", "talent-demo");
            ApiClient.Reply first = api.get("/candidates?size=1", token);
            if (first.status() != 200) {
                throw new IllegalStateException("the search answers " + first.status() + ": " + first.body());
            }
            String total = first.json().get("total").toString();
            System.out.printf(Locale.ROOT, "consenting rated candidates: %s (counted up to the cap)%n", total);
            run(
                    "API  GET /api/v1/candidates",
                    app.root() + "/api/v1/candidates",
                    "Authorization",
                    "Bearer " + token,
                    requests);
            WebDriver browser = Browser.start();
            String cookie;
            try {
                LoginPage.open(browser, app.root() + "/").signIn("recruiter", "talent-demo");
                Cookie session = browser.manage().getCookieNamed("JSESSIONID");
                cookie = "JSESSIONID=" + session.getValue();
            } finally {
                browser.quit();
            }
            run(
                    "page GET /search/candidates.xhtml",
                    app.root() + "/search/candidates.xhtml",
                    "Cookie",
                    cookie,
                    requests);
        }
    }

    /**
     * Seconds of the same searches sent before the timed ones. The server was just started: its
     * compiler was still compiling the request path after 5,000 searches (a sixth of its CPU), so the
     * warm-up runs by time, long enough for figures about a server in service.
     */
    static final int WARM_UP_SECONDS = 30;

    /** 16 clients, each sending {@code requests} searches: region, graduation years and a least score, by score. */
    static void run(String label, String url, String header, String value, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long warmUntil = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        List<Future<?>> warming = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            warming.add(pool.submit(() -> {
                for (int w = 0; System.nanoTime() < warmUntil; w++) {
                    send(url + query(client * 1000 + w % 1000), header, value);
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
                    send(url + query(client * requests + i), header, value);
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
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf(
                Locale.ROOT,
                "%-36s %d clients x %d: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f searches/s%n",
                label,
                CLIENTS,
                requests,
                all[all.length / 2],
                all[(int) (all.length * 0.95)],
                all[(int) (all.length * 0.99)],
                all[all.length - 1],
                all.length / seconds);
    }

    static String query(int i) {
        int year = 2024 + i % 5;
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
