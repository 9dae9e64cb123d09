package org.talentpipeline.platform;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /metrics}: the JVM's figures (memory and its pools, garbage collection, threads, classes,
 * uptime), the application's own ({@link Metrics}) and the areas' ({@link MetricSource}), in the
 * Prometheus text format. Readable with {@code Authorization: Bearer <TP_METRICS_TOKEN>} (as
 * Prometheus sends it) or by a signed-in ADMIN; anyone else gets 401, never a redirect. Without
 * {@code TP_METRICS_TOKEN} only an ADMIN reads it.
 *
 * <p>Payara Micro's own MicroProfile Metrics endpoint is shadowed by the application at the context
 * root, and would need its own security; this servlet is a few dozen lines and answers in a few
 * milliseconds.
 */
@WebServlet("/metrics")
public class MetricsEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @ConfigProperty(name = "TP_METRICS_TOKEN")
    Optional<String> token;

    @Inject
    Metrics metrics;

    @Inject
    Instance<MetricSource> sources;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowed(request)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.setContentType("application/json");
            response.getOutputStream()
                    .write("{\"error\":\"metrics need the metrics token or an ADMIN\",\"details\":[]}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        PrintWriter writer = response.getWriter();
        PrometheusText out = new PrometheusText(writer);
        jvm(out);
        metrics.writeTo(out);
        for (MetricSource source : sources) {
            source.writeTo(out);
        }
        writer.flush();
    }

    private boolean allowed(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null
                && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && token.isPresent()
                && !token.get().isBlank()) {
            byte[] sent = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(sent, token.get().trim().getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return request.isUserInRole("ADMIN");
    }

    private static void jvm(PrometheusText out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        out.type("jvm_memory_used_bytes", "gauge", "memory in use by area");
        out.sample(
                "jvm_memory_used_bytes",
                "area",
                "heap",
                memory.getHeapMemoryUsage().getUsed());
        out.sample(
                "jvm_memory_used_bytes",
                "area",
                "nonheap",
                memory.getNonHeapMemoryUsage().getUsed());
        out.type("jvm_memory_committed_bytes", "gauge", "memory committed by area");
        out.sample(
                "jvm_memory_committed_bytes",
                "area",
                "heap",
                memory.getHeapMemoryUsage().getCommitted());
        out.sample(
                "jvm_memory_committed_bytes",
                "area",
                "nonheap",
                memory.getNonHeapMemoryUsage().getCommitted());
        out.gauge(
                "jvm_memory_max_bytes",
                "the largest heap the JVM may use",
                memory.getHeapMemoryUsage().getMax());
        out.type("jvm_memory_pool_used_bytes", "gauge", "memory in use by pool");
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            out.sample(
                    "jvm_memory_pool_used_bytes",
                    "pool",
                    pool.getName(),
                    pool.getUsage().getUsed());
        }
        out.type("jvm_gc_collections_total", "counter", "garbage collections by collector");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.sample("jvm_gc_collections_total", "gc", gc.getName(), Math.max(0, gc.getCollectionCount()));
        }
        out.type("jvm_gc_collection_seconds_total", "counter", "time spent in garbage collection by collector");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.sample(
                    "jvm_gc_collection_seconds_total",
                    "gc",
                    gc.getName(),
                    Math.max(0, gc.getCollectionTime()) / 1000.0);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.gauge("jvm_threads_live", "live threads", threads.getThreadCount());
        out.gauge("jvm_threads_peak", "the most live threads since start", threads.getPeakThreadCount());
        out.gauge(
                "jvm_classes_loaded",
                "classes loaded now",
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        out.gauge(
                "process_uptime_seconds",
                "time since the JVM started",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        out.gauge(
                "process_cpu_count",
                "processors available to the JVM",
                Runtime.getRuntime().availableProcessors());
        out.gauge(
                "process_load_average",
                "the system load average over the last minute",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
