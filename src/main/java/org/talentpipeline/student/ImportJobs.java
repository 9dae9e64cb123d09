package org.talentpipeline.student;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.platform.BadInput;

/**
 * Imports started from the page run here, in the background, so that the page can show a progress
 * bar and then the report. A job belongs to the user who started it and is forgotten an hour after
 * it ends. Jobs live on the server that runs them; the page's session stays on that server. A job
 * carries the caller who started it, and the import checks them again when it runs.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());
    private static final Duration KEPT = Duration.ofHours(1);

    @Resource
    ManagedExecutorService executor;

    @Inject
    StudentImport imports;

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** An import's state, read by the page while it polls. */
    public static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        volatile int percent;
        volatile ImportReport report;
        volatile String failure;
        volatile Instant ended;

        Job(String owner) {
            this.owner = owner;
        }

        public String id() {
            return id;
        }

        public int percent() {
            return percent;
        }

        public boolean isDone() {
            return ended != null;
        }

        public ImportReport report() {
            return report;
        }

        public String failure() {
            return failure;
        }
    }

    /**
     * Starts importing a file the caller has saved into a school they may import into; the file is
     * deleted when the job ends, or at once when the caller may not.
     *
     * @throws org.talentpipeline.platform.NotFound for a school the caller may not import into
     */
    public Job start(Caller caller, String school, Path file) throws IOException {
        sweep();
        try {
            if (imports.school(caller, school) == null) {
                throw new BadInput("school", "is required: choose the school to import into");
            }
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        Job job = new Job(caller.username());
        jobs.put(job.id, job);
        executor.submit(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                job.report = imports.run(caller, school, in, Files.size(file), p -> job.percent = p);
                job.percent = 100;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "import failed", e);
                job.failure = e.getMessage();
            } finally {
                job.ended = Instant.now();
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warning("could not delete " + file);
                }
            }
        });
        return job;
    }

    /**
     * The server stops: imports running here may finish (up to 60 s; an import is one transaction,
     * so one cut short leaves nothing half-written and its file can be imported again).
     */
    @PreDestroy
    void stop() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (running() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Imports started on this node and not finished yet (for /metrics). */
    public long running() {
        return jobs.values().stream().filter(j -> j.ended == null).count();
    }

    /** The job, only for the user who started it. */
    public Optional<Job> find(String id, String owner) {
        Job job = id == null ? null : jobs.get(id);
        return job != null && job.owner.equals(owner) ? Optional.of(job) : Optional.empty();
    }

    private void sweep() {
        Instant cutoff = Instant.now().minus(KEPT);
        jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(cutoff));
    }
}
