package org.talentpipeline.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.talentpipeline.it.PayaraProcess;

/**
 * Issue 25's start-up figure: the time from starting the process to {@code /health/ready} answering 200, on a
 * database that already holds data (so nothing is migrated or seeded), beside its floor: the same Payara Micro with
 * the same command line and flags ({@link PayaraProcess#command}) deploying a trivial war (one static page, and a
 * static {@code /health/ready}), built on the fly. The two alternate, run after run, so that both see the same load.
 *
 * <pre>
 * mvn -Pbench -Dbench=StartBenchmark                          # H2: a file database under target/bench/start
 * mvn -Pbench -Dbench=StartBenchmark -Dbench.args="--db=jdbc:postgresql://127.0.0.1:5432/NAME --user=postgres"
 * </pre>
 *
 * Options: {@code --runs=5}; {@code --dir=target/bench/start} (logs, Payara root directories, the H2 database); {@code --heap=1g}; {@code --jvm="-XX:... -XX:..."} more JVM options for both
 * (space-separated); {@code --demo=true} starts with {@code TP_DEMO=true} (as {@code mvn -Prun} does: the seed then
 * only finds the users there); {@code --freshRoot=true} gives each start a new Payara root directory (by default each
 * side keeps one across its starts, as the README's {@code --rootdir data/payara}); {@code --baseline=WAR} adds a third
 * side, another build of the application (and {@code --war=WAR} replaces this build's) (the one before a change) started the same way, so that before and after
 * see the same load; {@code --appJvm="..."} are JVM options of the application side only; {@code --cds=true} adds a
 * side that starts the application from the launcher Payara Micro writes ({@code --outputlauncher}, its runtime's jars
 * on the class path) with a class data sharing archive of the classes an untimed start loaded
 * ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}; Java 17's dynamic archive takes the classes
 * of the class path's loaders, not the war's; {@code --cdsReuse=true} takes the archive an earlier run left). Each
 * start also reports the CPU time the server had used when it was ready, which a loaded machine changes far less
 * than the time. A first, untimed start of each side
 * warms the file cache; the application's also migrates the database and, when it holds no user, seeds the demo data
 * (so that the timed starts find users). The last application start's stage lines ({@code Start-up: ...}) are printed;
 * every start's log is kept in {@code target/bench/start/app} and {@code .../floor}, {@code server-N.log}.
 */
public final class StartBenchmark {

    /** As {@code OperationsIT} reads the log: a record at WARNING or SEVERE, in either of Payara's formats. */
    private static final Pattern WARNING_OR_WORSE =
            Pattern.compile("^(WARNING|SEVERE):|^\\[[^\\]]*\\] \\[[^\\]]*\\] \\[[^\\]]*(WARNING|SEVERE)");

    private static final Pattern READY = Pattern.compile("application ready, (\\d+) ms after the JVM started");

    private StartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = GenerateData.options(args);
        int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        String heap = opts.getOrDefault("heap", "1g");
        String[] jvm = words(opts.get("jvm"));
        boolean freshRoot = Boolean.parseBoolean(opts.getOrDefault("freshRoot", "false"));
        Path dir = Path.of(opts.getOrDefault("dir", "target/bench/start")).toAbsolutePath();
        Files.createDirectories(dir);
        Path war = Path.of(opts.getOrDefault("war", System.getProperty("tp.war", "target/talent-pipeline.war")));
        Path floorWar = trivialWar(dir.resolve("floor.war"));

        Map<String, String> env = new HashMap<>();
        String db = opts.getOrDefault("db", "jdbc:h2:file:" + dir.resolve("h2/talent"));
        env.put("TP_DB_URL", db);
        if (opts.containsKey("user")) {
            env.put("TP_DB_USER", opts.get("user"));
        }
        if (opts.containsKey("password")) {
            env.put("TP_DB_PASSWORD", opts.get("password"));
        }
        Map<String, String> prepare = new HashMap<>(env);
        prepare.put("TP_DEMO", "true");
        if (Boolean.parseBoolean(opts.getOrDefault("demo", "false"))) {
            env.put("TP_DEMO", "true");
        }
        System.out.printf(
                Locale.ROOT,
                "%n== start to ready, %d starts each, %s, heap %s, JVM options %s, root directory %s%n",
                runs,
                db,
                heap,
                Arrays.toString(jvm),
                freshRoot ? "new for each start" : "kept across starts");

        Path jar = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        Side floor = new Side("floor (trivial war)", jar, floorWar, Map.of(), dir.resolve("floor"), freshRoot, jvm);
        List<Side> apps = new ArrayList<>();
        if (opts.containsKey("baseline")) {
            apps.add(new Side(
                    "application before",
                    jar,
                    Path.of(opts.get("baseline")),
                    env,
                    dir.resolve("before"),
                    freshRoot,
                    jvm));
        }
        Side app = new Side(
                "application", jar, war, env, dir.resolve("app"), freshRoot, concat(jvm, words(opts.get("appJvm"))));
        apps.add(app);
        if (Boolean.parseBoolean(opts.getOrDefault("cds", "false"))) {
            apps.add(cds(
                    jar,
                    war,
                    env,
                    dir.resolve("cds"),
                    heap,
                    prepare,
                    Boolean.parseBoolean(opts.getOrDefault("cdsReuse", "false")),
                    jvm));
        }
        System.out.printf(Locale.ROOT, "untimed first starts: floor %.1f s", floor.start(Map.of(), heap) / 1e3);
        for (Side side : apps) {
            System.out.printf(Locale.ROOT, ", %s %.1f s", side.name, side.start(prepare, heap) / 1e3);
        }
        System.out.println();
        for (int i = 0; i < runs; i++) {
            StringBuilder line = new StringBuilder();
            for (Side side : concat(List.of(floor), apps)) {
                side.times.add(side.start(Map.of(), heap));
                side.cpu.add(side.lastCpu);
                line.append(String.format(
                        Locale.ROOT,
                        ", %s %.2f s (CPU %.1f s)",
                        side.name,
                        side.times.get(i) / 1e3,
                        side.lastCpu / 1e3));
            }
            System.out.printf(
                    Locale.ROOT,
                    "start %d%s (the application logs its ready %s after the JVM started)%n",
                    i + 1,
                    line,
                    app.selfReported);
        }
        System.out.println();
        floor.report();
        for (Side side : apps) {
            side.report();
            System.out.printf(
                    Locale.ROOT,
                    "  %s / floor (medians): %.2f, difference %.2f s; CPU time to ready %.2f / %.2f s = %.2f%n",
                    side.name,
                    median(side.times) / median(floor.times),
                    (median(side.times) - median(floor.times)) / 1e3,
                    median(side.cpu) / 1e3,
                    median(floor.cpu) / 1e3,
                    median(side.cpu) / median(floor.cpu));
        }
        if (apps.size() > 1) {
            for (Side side : apps.subList(1, apps.size())) {
                System.out.printf(
                        Locale.ROOT,
                        "%s / application before (medians): %.2f; CPU time %.2f%n",
                        side.name,
                        median(side.times) / median(apps.get(0).times),
                        median(side.cpu) / median(apps.get(0).cpu));
            }
        }
        System.out.println("\nthe last application start's stages:");
        for (String line : Files.readAllLines(app.log, StandardCharsets.UTF_8)) {
            int at = line.indexOf("Start-up: ");
            if (at >= 0) {
                System.out.println("  " + line.substring(at));
            }
        }
    }

    /**
     * The application from Payara Micro's launcher with a class data sharing archive: writes the launcher into
     * {@code dir/root}, starts it once (untimed) to dump the classes it loaded into {@code dir/payara.jsa}, and returns
     * the side whose starts map that archive.
     */
    static Side cds(
            Path jar,
            Path war,
            Map<String, String> env,
            Path dir,
            String heap,
            Map<String, String> prepare,
            boolean reuse,
            String... jvm)
            throws Exception {
        Path root = dir.resolve("root").toAbsolutePath();
        Path launcher = root.resolve("launch-micro.jar");
        Path archive = dir.resolve("payara.jsa").toAbsolutePath();
        Files.createDirectories(dir);
        if (reuse && Files.exists(archive) && Files.exists(launcher)) {
            System.out.println("CDS: the archive of an earlier run, " + archive);
            return new Side(
                    "application, CDS",
                    launcher,
                    war,
                    env,
                    dir,
                    false,
                    concat(jvm, "-XX:SharedArchiveFile=" + archive));
        }
        Files.deleteIfExists(archive);
        Process writer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--rootdir",
                        root.toString(),
                        "--outputlauncher")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile())
                .start();
        if (writer.waitFor() != 0 || !Files.exists(launcher)) {
            throw new IllegalStateException("no launcher written; see " + dir.resolve("launcher.log"));
        }
        Side training = new Side(
                "CDS training",
                launcher,
                war,
                env,
                dir.resolve("training"),
                false,
                concat(jvm, "-XX:ArchiveClassesAtExit=" + archive));
        training.stopSeconds = 600;
        System.out.printf(Locale.ROOT, "CDS training start %.1f s%n", training.start(prepare, heap) / 1e3);
        if (!Files.exists(archive)) {
            throw new IllegalStateException("no class data sharing archive written; see " + training.log);
        }
        return new Side(
                "application, CDS", launcher, war, env, dir, false, concat(jvm, "-XX:SharedArchiveFile=" + archive));
    }

    static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }

    static String[] words(String option) {
        return option == null || option.isBlank()
                ? new String[0]
                : option.trim().split("\\s+");
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** One side of the comparison: a Payara Micro jar, its options, a war, its environment, its starts. */
    static final class Side {
        final String name;
        final Path jar;
        final String[] jvm;
        final Path war;
        final Map<String, String> env;
        final Path dir;
        final boolean freshRoot;
        final List<Double> times = new ArrayList<>();
        /** The CPU time the server's process had used when it was ready, milliseconds: far less sensitive to load. */
        final List<Double> cpu = new ArrayList<>();

        double lastCpu;
        Path log;
        String selfReported = "-";
        int started;
        /** How long a stop may take before the process is killed: the archive's dump at exit takes a while. */
        long stopSeconds = 60;

        Side(String name, Path jar, Path war, Map<String, String> env, Path dir, boolean freshRoot, String... jvm)
                throws IOException {
            this.name = name;
            this.jar = jar;
            this.jvm = jvm;
            this.war = war;
            this.env = env;
            this.dir = dir;
            this.freshRoot = freshRoot;
            this.log = dir.resolve("server-0.log");
            Files.createDirectories(dir);
        }

        /** Starts the server, waits for {@code /health/ready} to answer 200, stops it; the milliseconds it took. */
        double start(Map<String, String> extraEnv, String heap) throws Exception {
            started++;
            // the launcher runs in the root directory it was written to
            Path root = jar.getFileName().toString().equals("launch-micro.jar")
                    ? jar.toAbsolutePath().getParent()
                    : freshRoot ? dir.resolve("root-" + started) : dir.resolve("root");
            Files.createDirectories(root);
            log = dir.resolve("server-" + started + ".log");
            int port = PayaraProcess.freePort();
            List<String> command = new ArrayList<>(PayaraProcess.command(jar, war, port, root, heap, jvm));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().putAll(extraEnv);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            long t0 = System.nanoTime();
            Process process = builder.start();
            try {
                long deadline = t0 + TimeUnit.MINUTES.toNanos(10);
                while (true) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + ": Payara Micro stopped; see " + log);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(name + ": not ready in 10 minutes; see " + log);
                    }
                    try {
                        if (http.send(ready, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200) {
                            break;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(50);
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                lastCpu = process.toHandle()
                                .info()
                                .totalCpuDuration()
                                .map(Duration::toNanos)
                                .orElse(0L)
                        / 1e6;
                String text = Files.readString(log, StandardCharsets.UTF_8);
                long warnings = text.lines()
                        .filter(l -> WARNING_OR_WORSE.matcher(l).find())
                        .count();
                if (warnings > 0) {
                    System.out.printf(
                            Locale.ROOT, "  (%s: %d records at WARNING or above in %s)%n", name, warnings, log);
                }
                Matcher m = READY.matcher(text);
                selfReported = m.find() ? String.format(Locale.ROOT, "%.2f s", Long.parseLong(m.group(1)) / 1e3) : "-";
                return ms;
            } finally {
                process.destroy();
                if (!process.waitFor(stopSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }

        void report() {
            List<Double> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "%-22s median %6.2f s  min %6.2f s  max %6.2f s  (CPU time to ready: median %6.2f s)%n",
                    name,
                    median(times) / 1e3,
                    sorted.get(0) / 1e3,
                    sorted.get(sorted.size() - 1) / 1e3,
                    median(cpu) / 1e3);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A war with nothing but a static page and a static {@code health/ready} that answers 200. */
    static Path trivialWar(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<!DOCTYPE html><title>floor</title><p>floor".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("health/ready"));
            zip.write("{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
