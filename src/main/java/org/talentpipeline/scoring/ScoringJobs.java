package org.talentpipeline.scoring;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.talentpipeline.competition.ResultsStored;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.Forbidden;
import org.talentpipeline.platform.NotSignedIn;

/**
 * Keeps the ratings up to date. Posted results are rated at once on top of the stored ratings when
 * that equals a replay; otherwise, and on request, a full recompute is queued and runs in the
 * background, one at a time across nodes (the scoring lease), reporting its progress. A session
 * bean for the reason given on {@link Ratings}; it holds no state, so calls run concurrently.
 *
 * <p>Who may ask: a recompute, and the jobs' progress, are {@link Operation#SCORING_ADMINISTRATION}.
 * A job asked for by a user carries that caller and checks the policy again when it runs (on any
 * node, after a restart too); a caller who may not is refused there as well. Ratings that follow
 * stored results, and the start-up's catching up, are system work: they act for nobody, only
 * re-derive the ratings from results whose posting the policy checked ({@link Operation#RESULTS_WRITE}),
 * and record as requester who stored those results.
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
    RatingUpdate update;

    @Inject
    RatingRecompute recompute;

    @Inject
    ScoringJobStore store;

    @Inject
    Access access;

    /** Results were stored: rate the event now if it can be appended, else recompute in the background. */
    public void onResults(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResultsStored stored) {
        String holder = holder();
        if (!store.acquire(holder)) {
            systemWork(
                    "results of " + stored.eventCode() + " posted while the ratings were being written",
                    stored.storedBy(),
                    false);
            return;
        }
        boolean appended;
        try {
            appended = update.append(stored.eventCode());
        } finally {
            store.release(holder);
        }
        if (!appended) {
            systemWork(
                    "results of " + stored.eventCode() + " re-posted, or dated before other events of its entrants",
                    stored.storedBy(),
                    false);
        }
    }

    /**
     * Queues a full recompute for the signed-in caller (or joins the one waiting or running, on any
     * node) and starts running queued jobs.
     */
    public ScoringJob recompute(String reason) {
        Caller caller = access.require(Operation.SCORING_ADMINISTRATION).caller();
        return queue(reason, caller.username(), caller, true);
    }

    /**
     * The full recompute that applies results excluded from the ratings, once the exclusion has
     * committed: system work, like the ratings that follow stored results, for the exclusion itself
     * was the policy's to allow (an ADMIN's appeal decision, an evaluator's integrity decision); who
     * excluded is recorded as its requester.
     */
    public ScoringJob afterExclusion(String reason, String excludedBy) {
        return systemWork(reason, excludedBy, false);
    }

    /**
     * A recompute the system needs, acting for nobody; {@code cause} names who or what set it off.
     * Results stored while a recompute runs need one after it ({@code joinRunning} false): the running
     * one read the results before them.
     */
    private ScoringJob systemWork(String reason, String cause, boolean joinRunning) {
        return queue(reason, cause == null ? "system" : cause, null, joinRunning);
    }

    private ScoringJob queue(String reason, String requestedBy, Caller onBehalfOf, boolean joinRunning) {
        ScoringJob job = store.queue(reason, requestedBy, onBehalfOf, joinRunning);
        executor.execute(this::drain);
        return job;
    }

    public Optional<ScoringJob> job(long id) {
        access.require(Operation.SCORING_ADMINISTRATION);
        return store.get(id);
    }

    public List<ScoringJob> latest() {
        access.require(Operation.SCORING_ADMINISTRATION);
        return store.latest(10);
    }

    /** Set when the server stops: the running job is handed back to the queue at its next progress step. */
    private volatile boolean stopping;

    private volatile boolean running;

    /** Thrown from a progress step once the server is stopping. */
    private static final class HandedBack extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandedBack() {
            super("the server is stopping", null, false, false);
        }
    }

    /**
     * The server stops: a running recompute stops at its next progress step and goes back to the
     * queue (another node, or this one's next start, runs it again from the start). Waits up to 30 s.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (running && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs queued jobs while this node holds the lease; whoever holds it runs what is queued. */
    public void drain() {
        if (stopping) {
            return;
        }
        do {
            String holder = holder();
            if (!store.acquire(holder)) {
                return;
            }
            try {
                for (Optional<ScoringJob> job = stopping ? Optional.empty() : store.claimNext();
                        job.isPresent();
                        job = stopping ? Optional.empty() : store.claimNext()) {
                    run(job.get(), holder);
                }
            } finally {
                store.release(holder);
            }
            // a job queued by another node between our last claim and the release would wait for nobody
        } while (!stopping && store.hasQueued());
    }

    private void run(ScoringJob job, String holder) {
        if (job.onBehalfOf() != null) {
            try {
                Operation.SCORING_ADMINISTRATION.grant(job.onBehalfOf());
            } catch (Forbidden | NotSignedIn e) {
                store.finish(job.id(), false, "refused: " + job.requestedBy() + " may not recompute the ratings");
                return;
            }
        }
        running = true;
        try {
            int students = recompute.replaceAll(percent -> {
                if (stopping) {
                    throw new HandedBack();
                }
                store.progress(job.id(), percent, holder);
            });
            store.finish(job.id(), true, students + " students rated");
        } catch (HandedBack e) {
            store.handBack(job.id(), holder);
            LOG.info(() -> "ratings recompute " + job.id() + " handed back to the queue: the server is stopping");
        } catch (RuntimeException e) {
            if (stopping && causedBy(e, HandedBack.class)) {
                store.handBack(job.id(), holder);
                LOG.info(() -> "ratings recompute " + job.id() + " handed back to the queue: the server is stopping");
                return;
            }
            LOG.log(Level.SEVERE, "ratings recompute " + job.id() + " failed", e);
            store.finish(job.id(), false, String.valueOf(e.getMessage()));
        } finally {
            running = false;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every minute: jobs left by a stopped node go back to the queue, and queued jobs start once the lease of a
     * stopped node has run out (nobody else would start them).
     */
    @Schedule(minute = "*", hour = "*", persistent = false)
    public void sweep() {
        store.handBackAbandoned();
        if (store.hasQueued()) {
            drain();
        }
    }

    /** Start-up: jobs of a stopped node go back to the queue, and ratings missing for stored results are queued. */
    public void resume() {
        store.handBackAbandoned();
        if (ratings.missing()) {
            // a recompute running on another node (started with it) rates them
            systemWork("ratings missing for stored results (first start after an upgrade)", null, true);
        } else if (ratings.outdated() && !store.hasQueued()) {
            systemWork(
                    "ratings computed with other settings than " + ScoringSettings.CURRENT.version()
                            + " (first start after an upgrade)",
                    null,
                    true);
        } else if (store.hasQueued()) {
            executor.execute(this::drain);
        }
    }

    private static String holder() {
        return System.getProperty("payara.instance.name", "node") + ":" + UUID.randomUUID();
    }
}
