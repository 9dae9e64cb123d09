package org.talentpipeline.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production topology as {@code docker/cluster.sh} starts it from processes, on free ports of the
 * loopback interface: a PostgreSQL primary and its streaming replica (the script's own, made by initdb
 * and pg_basebackup in {@code dir}), two Payara Micro nodes clustered through Hazelcast, and HAProxy.
 */
public final class Cluster implements AutoCloseable {

    private final Path dir;
    private final Map<String, String> env;
    public final int primaryPort;
    public final int replicaPort;
    public final int[] nodePorts;
    public final int balancerPort;

    private Cluster(
            Path dir, Map<String, String> env, int primaryPort, int replicaPort, int[] nodePorts, int balancerPort) {
        this.dir = dir;
        this.env = env;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
        this.nodePorts = nodePorts;
        this.balancerPort = balancerPort;
    }

    /** The topology on free ports, not yet started; {@code extra} goes to the script (and so to the nodes). */
    public static Cluster prepare(Path dir, Map<String, String> extra) throws IOException {
        deleteTree(dir);
        Map<String, String> env = new HashMap<>(extra);
        List<Integer> ports = freePorts(6);
        int hz = ports.get(5);
        env.put("TP_CLUSTER_DIR", dir.toAbsolutePath().toString());
        env.put("TP_CLUSTER_PG_PORT", ports.get(0).toString());
        env.put("TP_CLUSTER_REPLICA_PORT", ports.get(1).toString());
        env.put("TP_CLUSTER_NODE1_PORT", ports.get(2).toString());
        env.put("TP_CLUSTER_NODE2_PORT", ports.get(3).toString());
        env.put("TP_CLUSTER_LB_PORT", ports.get(4).toString());
        env.put("TP_CLUSTER_HZ_PORT", Integer.toString(hz));
        env.putIfAbsent("TP_CLUSTER_HEAP", "640m");
        // a loaded two-core machine has taken over seven minutes to start both nodes
        env.putIfAbsent("TP_CLUSTER_WAIT", Long.toString(Long.getLong("tp.startMinutes", 15) * 60));
        env.put("TP_CLUSTER_JAR", System.getProperty("payara.microJar", "target/payara-micro.jar"));
        env.put("TP_CLUSTER_WAR", System.getProperty("tp.war", "target/talent-pipeline.war"));
        return new Cluster(dir, env, ports.get(0), ports.get(1), new int[] {ports.get(2), ports.get(3)}, ports.get(4));
    }

    /** Starts only the primary and its replica (data can be loaded before the nodes start). */
    public void startDatabases() throws IOException, InterruptedException {
        script(2, "databases");
    }

    /** Starts whatever is not running yet and waits until all of it is ready. */
    public void startAll() throws IOException, InterruptedException {
        try {
            script(Long.getLong("tp.startMinutes", 15) + 1, "start");
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts the topology (the nodes with {@code extra} in their environment) and waits until all of it is ready. */
    public static Cluster start(Path dir, Map<String, String> extra) throws IOException, InterruptedException {
        Cluster cluster = prepare(dir, extra);
        cluster.startAll();
        return cluster;
    }

    /** The root URL of node 1 or 2. */
    public String node(int n) {
        return "http://127.0.0.1:" + nodePorts[n - 1];
    }

    public String balancer() {
        return "http://127.0.0.1:" + balancerPort;
    }

    /** Stops node 1 or 2 as an operator would (SIGTERM, then waits for it to end). */
    public void stopNode(int n) throws IOException, InterruptedException {
        script(2, "stop-node", Integer.toString(n));
    }

    /** Kills node 1 or 2 as a crash would (SIGKILL). */
    public void killNode(int n) throws IOException, InterruptedException {
        script(1, "kill-node", Integer.toString(n));
    }

    public String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/talent";
    }

    public Connection primary() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/talent", "postgres", "");
    }

    public Connection replica() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + replicaPort + "/talent", "postgres", "");
    }

    private void script(long minutes, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "docker/cluster.sh"));
        command.addAll(List.of(arguments));
        Files.createDirectories(dir.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolveSibling(dir.getFileName() + "-script.log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("docker/cluster.sh " + String.join(" ", arguments) + " took over " + minutes
                    + " minutes; see " + dir);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("docker/cluster.sh " + String.join(" ", arguments) + " failed; see " + dir);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script(3, "stop");
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                int port = socket.getLocalPort();
                // the last one is the data grid's: it and the next port
                if (ports.size() == count - 1 && !free(port + 1)) {
                    continue;
                }
                ports.add(port);
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
