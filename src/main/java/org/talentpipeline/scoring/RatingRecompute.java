package org.talentpipeline.scoring;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.platform.Measured;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.scoring.engine.EloMmr;
import org.talentpipeline.scoring.engine.HistorySmoothing;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * The full recompute: every event's results replayed from scratch in event order (start date, then
 * code) with the current {@link ScoringSettings}, all ratings replaced. The definition of the stored
 * ratings, which {@link RatingUpdate} keeps to between recomputes. Callers hold the scoring lease.
 *
 * <p>A session bean, for the reason given on {@link Ratings}.
 */
@Stateless
public class RatingRecompute {

    private static final Logger LOG = Logger.getLogger(RatingRecompute.class.getName());

    /** Threads reading results ahead of the replay: the database's work, per event, is the longest part of it. */
    private static final int READERS = 2;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ResultRows results;

    @Inject
    Event<RatingsWritten> ratingsWritten;

    /**
     * Replays every event from scratch and replaces all ratings. Reports progress (0-100) as events
     * are rated and rows written; returns the number of students rated.
     *
     * <p>The rows go into a fresh table, indexed once filled, that then takes the place of
     * {@code rating}: on H2 inserting a million rows into an indexed table costs minutes, into a bare
     * one seconds. Outside any container transaction, as the swap is DDL: readers see the old
     * ratings until it, the new ones after (on PostgreSQL the swap is one transaction; on H2 each
     * statement commits, so a report read in those milliseconds may fail).
     */
    @Measured(value = "tp_rating_recompute_seconds", help = "full recomputes of every rating")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int replaceAll(IntConsumer progress) {
        long started = System.nanoTime();
        // the replay rates on these (overall and each category down a lane of its own) while this thread hands it
        // the events: plain threads from the container's factory, as the managed executor captures the caller's
        // context anew for every task, at a cost of class-path lookups (tens of thousands of tasks here)
        ExecutorService ratingThreads =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
        try (RecomputeRows tables = RecomputeRows.open(dataSource)) {
            List<ResultRows.RatedEvent> events = results.eventsWithResults();
            RatingReplay replay = new RatingReplay(
                    RatingRows.SETTINGS.model(),
                    RatingRows.SETTINGS.sigmaGrowthPerYear(),
                    ratingThreads,
                    tables.skillCategories());
            ScoringSettings settings = RatingRows.SETTINGS;
            EffectLog log = new EffectLog(events, settings.smoothingPasses() > 0, settings, (int)
                    Math.min(Integer.MAX_VALUE - 8, results.placings()));
            replay(events, tables.exclusions(), replay, log, progress);
            replay.trim();
            long replayed = System.nanoTime();
            if (settings.smoothingPasses() > 0) {
                log.smooth(
                        new HistorySmoothing(
                                (EloMmr) settings.model(), settings.sigmaGrowthPerYear(), settings.smoothingPasses()),
                        ratingThreads);
            }
            long rated = System.nanoTime();
            tables.begin();
            int students;
            try (NextRatingRows rows = tables.createNext(executor)) {
                students = log.write(replay, rows, progress);
            }
            long written = System.nanoTime();
            tables.swap(events, log.fields(), () -> progress.accept(98));
            // the candidate search's table, rebuilt from the new overall ratings the same way
            ratingsWritten.fire(RatingsWritten.everyone());
            progress.accept(100);
            LOG.info(String.format(
                    Locale.ROOT,
                    "ratings recomputed: %,d students, %,d results, %,d events;"
                            + " replay %.1f s (of which smoothing %.1f s), rows %.1f s, indexes and swap %.1f s",
                    students,
                    log.size(),
                    events.size(),
                    (rated - started) / 1e9,
                    (rated - replayed) / 1e9,
                    (written - rated) / 1e9,
                    (System.nanoTime() - written) / 1e9));
            return students;
        } finally {
            ratingThreads.shutdownNow();
        }
    }

    /**
     * Rates every event in order into the replay, logging the overall effects. The next events'
     * results are read on other threads while this one rates: database and engine overlap. Reader r
     * reads events r, r + READERS, ... on its own connection, into its own queue.
     */
    private void replay(
            List<ResultRows.RatedEvent> events,
            Map<Long, Set<Long>> excluded,
            RatingReplay replay,
            EffectLog log,
            IntConsumer progress) {
        boolean observations = RatingRows.SETTINGS.smoothingPasses() > 0;
        long waited = 0;
        List<BlockingQueue<Object>> ahead = new ArrayList<>();
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
            List<ResultRows.RatedEvent> share = new ArrayList<>();
            for (int e = r; e < events.size(); e += READERS) {
                share.add(events.get(e));
            }
            ahead.add(queue);
            readers.add(executor.submit(() -> read(share, excluded, queue)));
        }
        try {
            for (int done = 0; done < events.size(); done++) {
                long asked = System.nanoTime();
                Object next = ahead.get(done % READERS).take();
                waited += System.nanoTime() - asked;
                if (next instanceof Exception e) {
                    throw new IllegalStateException("the results could not be read", e);
                }
                int index = done;
                replay.rate(
                        (RatingReplay.EventResults) next,
                        RatingReplay.Effects.overallOnly(new LoggedEffects(log, index, observations)));
                if ((done + 1) % Math.max(1, events.size() / 100) == 0) {
                    progress.accept((done + 1) * 70 / events.size());
                }
            }
            // the effects arrive on the replay's threads: the log is complete once it has finished
            long rated = System.nanoTime();
            replay.finish();
            LOG.info(String.format(
                    Locale.ROOT,
                    "replay of %,d events: %.1f s waiting for results read ahead, %.1f s waiting"
                            + " for the rating lanes at the end",
                    events.size(),
                    waited / 1e9,
                    (System.nanoTime() - rated) / 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the recompute was interrupted", e);
        } finally {
            readers.forEach(reader -> reader.cancel(true));
        }
    }

    /** Reads these events' results in order into the queue (or the failure, last). */
    private Void read(List<ResultRows.RatedEvent> events, Map<Long, Set<Long>> excluded, BlockingQueue<Object> queue) {
        try (ResultRows.Reader reader = results.reader()) {
            for (ResultRows.RatedEvent event : events) {
                queue.put(RatedResults.of(event, reader.entrants(event), excluded));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the reader's failure (a statement's) or a runtime one, next in line: the results before it no longer
            // matter
            queue.clear();
            queue.offer(e);
        }
        return null;
    }
}
