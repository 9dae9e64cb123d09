package org.talentpipeline.scoring;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talentpipeline.competition.ResultsStored;

/**
 * Keeps the ratings up to date. Posted results are rated at once on top of the stored ratings when
 * that equals a replay; otherwise, and on request, a full recompute is queued and runs in the
 * background, one at a time across nodes (the scoring lease), reporting its progress. A session
 * bean for the reason given on {@link Ratings}; it holds no state, so calls run concurrently.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScoringJobs {

    private static final Logger LOG = Logger.getLogger(ScoringJobs.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    Ratings ratings;

    @Inject
    ScoringJobStore store;

    /** Results were stored: rate the event now if it can be appended, else recompute in the background. */
    public void onResults(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResultsStored stored) {
        String holder = holder();
        if (!store.acquire(holder)) {
            submit("results of " + stored.eventCode() + " posted while the ratings were being written", "system");
            return;
        }
        boolean appended;
        try {
            appended = ratings.append(stored.eventCode());
        } finally {
            store.release(holder);
        }
        if (!appended) {
            submit("results of " + stored.eventCode() + " re-posted, or dated before other events of its entrants", "system");
        }
    }

    /** Queues a full recompute (or joins the one already waiting) and starts running queued jobs. */
    public ScoringJob submit(String reason, String requestedBy) {
        ScoringJob job = store.queue(reason, requestedBy);
        executor.execute(this::drain);
        return job;
    }

    public Optional<ScoringJob> job(long id) {
        return store.get(id);
    }

    public java.util.List<ScoringJob> latest() {
        return store.latest(10);
    }

    /** Runs queued jobs while this node holds the lease; whoever holds it runs what is queued. */
    public void drain() {
        do {
            String holder = holder();
            if (!store.acquire(holder)) {
                return;
            }
            try {
                for (Optional<ScoringJob> job = store.claimNext(); job.isPresent(); job = store.claimNext()) {
                    run(job.get(), holder);
                }
            } finally {
                store.release(holder);
            }
            // a job queued by another node between our last claim and the release would wait for nobody
        } while (store.hasQueued());
    }

    private void run(ScoringJob job, String holder) {
        try {
            int students = ratings.replaceAll(percent -> store.progress(job.id(), percent, holder));
            store.finish(job.id(), true, students + " students rated");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "ratings recompute " + job.id() + " failed", e);
            store.finish(job.id(), false, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Every minute: jobs left by a stopped node are failed, and queued jobs start once the lease of a
     * stopped node has run out (nobody else would start them).
     */
    @Schedule(minute = "*", hour = "*", persistent = false)
    public void sweep() {
        store.failAbandoned();
        if (store.hasQueued()) {
            drain();
        }
    }

    /** Start-up: jobs of a stopped node are failed, and ratings missing for stored results are queued. */
    public void resume() {
        store.failAbandoned();
        if (ratings.missing()) {
            submit("ratings missing for stored results (first start after an upgrade)", "system");
        } else if (store.hasQueued()) {
            executor.execute(this::drain);
        }
    }

    private static String holder() {
        return System.getProperty("payara.instance.name", "node") + ":" + UUID.randomUUID();
    }
}
