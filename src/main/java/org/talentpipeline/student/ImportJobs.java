package org.talentpipeline.student;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talentpipeline.school.School;

/**
 * Imports started from the page run here, in the background, so that the page can show a progress
 * bar and then the report. A job belongs to the user who started it and is forgotten an hour after
 * it ends. Jobs live on the server that runs them; the page's session stays on that server.
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

    /** Starts importing a file the caller has saved; the file is deleted when the job ends. */
    public Job start(School school, Path file, String owner) {
        sweep();
        Job job = new Job(owner);
        jobs.put(job.id, job);
        executor.submit(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                job.report = imports.run(school, in, Files.size(file), owner, p -> job.percent = p);
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
