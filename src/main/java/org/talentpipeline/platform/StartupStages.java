package org.talentpipeline.platform;

import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

/**
 * One log line per start-up stage with its time: "Start-up: schema migrated (V20, 0 applied) in 412 ms".
 * The stages are the start-up beans, in their order: schema, demo data, first administrator,
 * scoring work, ready.
 */
public final class StartupStages {

    private static final Logger LOG = Logger.getLogger("org.talentpipeline.startup");

    private StartupStages() {}

    /** Logs a stage that began at {@code startedNanos} ({@link System#nanoTime()}). */
    public static void done(String stage, long startedNanos) {
        long ms = (System.nanoTime() - startedNanos) / 1_000_000;
        LOG.info(() -> "Start-up: " + stage + " in " + ms + " ms");
    }

    /** The last line: the application is ready, so long after the JVM started. */
    static void ready() {
        long ms = ManagementFactory.getRuntimeMXBean().getUptime();
        LOG.info(() -> "Start-up: application ready, " + ms + " ms after the JVM started");
    }
}
