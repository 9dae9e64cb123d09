package org.talentpipeline.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as the README starts it, in a process of its own:
 * {@code java -jar payara-micro.jar --nocluster --contextroot / --prebootcommandfile ... --deploy talent-pipeline.war},
 * on a free port of the loopback interface, with the environment given.
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private PayaraProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the application with this heap (and any further JVM options) and waits until it is ready. */
    public static PayaraProcess start(Map<String, String> env, String heap, Path log, String... jvmOptions)
            throws IOException {
        int port = freePort();
        // a root directory of its own, outside /tmp, as the README starts it (Payara warns about a temporary one)
        Path root = Files.createTempDirectory(Path.of(System.getProperty("tp.payaraRoots", "target")), "payara-root-");
        List<String> command = command(
                Path.of(System.getProperty("tp.war", "target/talent-pipeline.war")), port, root, heap, jvmOptions);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        PayaraProcess payara = new PayaraProcess(builder.start(), port);
        payara.awaitReady(Duration.ofMinutes(Long.getLong("tp.startMinutes", 5)), log);
        return payara;
    }

    /**
     * The command line that starts Payara Micro on this war, port and root directory, as the README has it (also the
     * start benchmark's, for the application and for its floor).
     */
    public static List<String> command(Path war, int port, Path root, String heap, String... jvmOptions) {
        return command(
                Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar")),
                war,
                port,
                root,
                heap,
                jvmOptions);
    }

    /** The same with another Payara Micro jar (or the launcher {@code --outputlauncher} writes). */
    public static List<String> command(Path jar, Path war, int port, Path root, String heap, String... jvmOptions) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--nocluster",
                "--rootdir",
                root.toAbsolutePath().toString(),
                "--port",
                Integer.toString(port),
                "--contextroot",
                "/",
                "--prebootcommandfile",
                System.getProperty("payara.bootCommands", "src/main/payara/pre-boot-commands.txt"),
                "--deploy",
                war.toString()));
        return command;
    }

    public String root() {
        return "http://localhost:" + port;
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout, Path log) throws IOException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(root() + "/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
