package org.talentpipeline.scoring;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.platform.Measured;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.scoring.engine.FieldSummary;
import org.talentpipeline.scoring.engine.Placing;
import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.RatingReplay;
import org.talentpipeline.scoring.engine.SkillCategories;

/**
 * The incremental update: a newly posted event that comes after every event of each of its
 * entrants is rated on top of its entrants' stored states, which is what the replay of
 * {@link RatingRecompute} would do next, in milliseconds. Anything else (results re-posted, an
 * event dated before others its entrants took part in) is left to the full recompute. Callers hold
 * the scoring lease: one writer at a time across nodes.
 *
 * <p>A session bean, for the reason given on {@link Ratings}.
 */
@Stateless
public class RatingUpdate {

    private static final Logger LOG = Logger.getLogger(RatingUpdate.class.getName());

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    ResultRows results;

    @Inject
    Event<RatingsWritten> ratingsWritten;

    /** A rating row an event changed: the student's overall rating or one category's. */
    private record Rated(long student, String category) {}

    /**
     * Rates a newly posted event on top of the stored ratings. Returns false, writing nothing, when
     * that would differ from a replay: the event was rated before (its results were re-posted), or
     * one of its entrants already has a rated event that comes after it.
     */
    @Measured(value = "tp_rating_update_seconds", help = "rating updates: one event's results appended")
    public boolean append(String eventCode) {
        long started = System.nanoTime();
        try (UpdatedRatingRows tables = UpdatedRatingRows.open(dataSource, eventCode)) {
            tables.serialReads();
            ResultRows.RatedEvent event = results.event(eventCode).orElse(null);
            if (event == null) {
                return true;
            }
            if (tables.rated(event.id())) {
                return false;
            }
            List<ResultRows.Entrant> entrants = results.entrants(event);
            RatingReplay.EventResults rated = RatedResults.of(
                    event,
                    entrants,
                    tables.exclusions(
                            entrants.stream().map(ResultRows.Entrant::result).toList()));
            List<Long> entrantIds = rated.entries().stream()
                    .flatMap(e -> e.members().stream())
                    .map(Placing.Member::student)
                    .distinct()
                    .toList();
            if (rated.entries().size() < 2) {
                tables.markRated(List.of(event.id()), null);
                return true;
            }
            long checked = System.nanoTime();
            SkillCategories categories = tables.skillCategories();
            RatingReplay replay = new RatingReplay(
                    RatingRows.SETTINGS.model(), RatingRows.SETTINGS.sigmaGrowthPerYear(), null, categories);
            Set<Long> lastEvents = new HashSet<>();
            Set<Long> ratedBefore = tables.restore(replay, rated, categories, entrantIds, lastEvents);
            // the states just read name each entrant's last event: if one of them comes after this event, a replay
            // would rate this one earlier (one statement on the few events, not a second read of the entrants' rows)
            if (results.anyAfter(List.copyOf(lastEvents), event)) {
                return false;
            }
            // students rated for the first time get a copy of their records in the candidate table below. Their student
            // and
            // school rows are locked first: a change to them under way (a consent, a graduation year, a region) is then
            // committed before they are copied, or waits for this transaction and finds the copy to bring in line
            // (the search's CandidateStore). A student rated before keeps their copy; only its score is written
            List<Long> newcomers = entrantIds.stream()
                    .filter(student -> !ratedBefore.contains(student))
                    .toList();
            if (!newcomers.isEmpty()) {
                tables.lockRecords(newcomers);
            }
            long read = System.nanoTime();
            Set<Rated> changed = new HashSet<>();
            Map<Long, String> entries = new HashMap<>();
            FieldSummary field = rate(replay, rated, entries, changed);
            long engine = System.nanoTime();
            // those rows are replaced: updated where they exist, added where not (UpdatedRatingRows). Not deleted and
            // inserted: PostgreSQL would check each inserted row's student key again, which an update that keeps the
            // key skips (the write took half the time in a measurement). In key order, the order the rows lie in: the
            // statements walk the key index and the table's pages forwards, not at random
            List<Rated> rows = new ArrayList<>(changed);
            rows.sort(Comparator.comparingLong(Rated::student).thenComparing(Rated::category));
            String table;
            try (UpdatedRatingRows.Writer written = tables.writer()) {
                for (Rated row : rows) {
                    written.add(
                            row.student(),
                            row.category(),
                            replay.state(row.category(), row.student()),
                            RatingReplay.OVERALL.equals(row.category()) ? entries.get(row.student()) : null);
                }
                written.write();
                table = written.table();
            }
            long merged = System.nanoTime();
            // and the overall scores, for the candidate search's table (V11)
            List<Long> overall = rows.stream()
                    .filter(r -> RatingReplay.OVERALL.equals(r.category()))
                    .map(Rated::student)
                    .toList();
            Map<Long, Double> scores = new HashMap<>();
            overall.forEach(student -> scores.put(
                    student,
                    RatingRows.talentScore(
                            replay.state(RatingReplay.OVERALL, student).rating())));
            ratingsWritten.fire(RatingsWritten.of(scores, table));
            long candidates = System.nanoTime();
            tables.markRated(List.of(event.id()), new String[] {field == null ? null : field.encode()});
            long written = System.nanoTime();
            LOG.info(String.format(
                    Locale.ROOT,
                    "event %s rated on top of the stored ratings: %,d entrants in %.3f s"
                            + " (results and checks %.3f, states %.3f, rating %.3f, writing %,d rows %.3f, of which the rating rows %.3f, candidates %.3f)",
                    eventCode,
                    overall.size(),
                    (written - started) / 1e9,
                    (checked - started) / 1e9,
                    (read - checked) / 1e9,
                    (engine - read) / 1e9,
                    rows.size(),
                    (written - engine) / 1e9,
                    (merged - engine) / 1e9,
                    (candidates - merged) / 1e9));
            return true;
        }
    }

    /** Rates the event, noting the rows it changed and each entrant's explanation entry; returns its field. */
    private static FieldSummary rate(
            RatingReplay replay, RatingReplay.EventResults results, Map<Long, String> entries, Set<Rated> changed) {
        FieldSummary[] fieldBefore = new FieldSummary[1];
        int day = results.day();
        replay.rate(results, new RatingReplay.Effects() {
            @Override
            public void rated(
                    long id, String category, long student, int place, int field, Rating before, Rating after) {
                changed.add(new Rated(student, category));
                if (RatingReplay.OVERALL.equals(category)) {
                    // appended to the stored explanation by the write (RatingRows.mergeRatings)
                    entries.merge(
                            student,
                            new HistoryEntry(
                                            id,
                                            day,
                                            place,
                                            field,
                                            (float) before.mu(),
                                            (float) after.mu(),
                                            HistoryEntry.hundredths(before.sigma()),
                                            HistoryEntry.hundredths(after.sigma()))
                                    .encode(),
                            (earlier, later) -> earlier + ";" + later);
                }
            }

            @Override
            public void field(long id, String category, FieldSummary field) {
                fieldBefore[0] = field;
            }
        });
        return fieldBefore[0];
    }
}
