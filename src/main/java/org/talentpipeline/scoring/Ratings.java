package org.talentpipeline.scoring;

import org.talentpipeline.platform.Measured;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.scoring.engine.FieldSummary;
import org.talentpipeline.scoring.engine.Placing;
import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.RatingReplay;
import org.talentpipeline.scoring.engine.SkillCategories;

/**
 * The stored ratings. They are defined as the replay of every event's results in event order
 * (start date, then code) with the current {@link ScoringSettings}; two ways of writing them keep
 * to that definition:
 * <ul>
 * <li>{@link #append}: a newly posted event that comes after every event of each of its entrants
 * is rated on top of its entrants' stored states (what the replay would do next), in
 * milliseconds;</li>
 * <li>{@link #replaceAll}: the replay from scratch, for anything else (results re-posted, an event
 * dated before others its entrants took part in, new settings).</li>
 * </ul>
 * Both run {@link RatingReplay}; a student's state is stored exactly (doubles), so the two agree to
 * the last bit. Both also tell the overall scores written ({@link RatingsWritten}), in the writing
 * transaction. Callers hold the scoring lease: one writer at a time across nodes.
 *
 * <p>A session bean, not a CDI bean, as the whole scoring write path: results posted while the demo
 * data is seeded reach the observer outside any component invocation, where Payara neither injects
 * nor looks up {@code java:app} resources into CDI beans; session beans always get them.
 */
@Stateless
public class Ratings {

    private static final Logger LOG = Logger.getLogger(Ratings.class.getName());
    private static final ScoringSettings SETTINGS = ScoringSettings.CURRENT;
    private static final int BATCH = 2_000;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    @Resource
    jakarta.enterprise.concurrent.ManagedThreadFactory threads;

    @Inject
    Event<RatingsWritten> ratingsWritten;

    private record EventRow(long id, String code, LocalDate day, double weight) {
    }

    /** A rating row an event changed: the student's overall rating or one category's. */
    private record Rated(long student, String category) {
    }

    /**
     * Rates a newly posted event on top of the stored ratings. Returns false, writing nothing, when
     * that would differ from a replay: the event was rated before (its results were re-posted), or
     * one of its entrants already has a rated event that comes after it.
     */
    @Measured(value = "tp_rating_update_seconds", help = "rating updates: one event's results appended")
    public boolean append(String eventCode) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            if (postgres(c)) {
                try (Statement s = c.createStatement()) {
                    // for this transaction only: see serial()
                    s.execute("set local max_parallel_workers_per_gather = 0");
                }
            }
            EventRow event = null;
            try (PreparedStatement s = c.prepareStatement(
                    "select id, code, start_date, weight from competition_event where code = ?")) {
                s.setString(1, eventCode);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        event = new EventRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDouble(4));
                    }
                }
            }
            if (event == null) {
                return true;
            }
            if (count(c, "select count(*) from rated_event where event_id = ?", event.id()) > 0) {
                return false;
            }
            RatingReplay.EventResults results = results(c, event);
            // the entrants' ids, written into the statements as a literal list (see idList)
            List<Long> entrantIds = results.entries().stream().flatMap(e -> e.members().stream()).map(Placing.Member::student)
                    .distinct().toList();
            String entrants = idList(entrantIds);
            if (results.entries().size() < 2) {
                markRated(c, List.of(event.id()), null);
                return true;
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from rating r join competition_event e"
                    + " on e.id = r.last_event_id where r.category = '' and r.student_id in " + entrants
                    + " and (e.start_date > ? or (e.start_date = ? and e.code > ?))")) {
                s.setDate(1, Date.valueOf(event.day()));
                s.setDate(2, Date.valueOf(event.day()));
                s.setString(3, event.code());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            long checked = System.nanoTime();
            SkillCategories categories = skillCategories(c);
            RatingReplay replay = new RatingReplay(SETTINGS.model(), SETTINGS.sigmaGrowthPerYear(), null, categories);
            Map<Long, String> histories = new HashMap<>();
            // the entrants' states in the ratings the event rates (overall and its categories); the others stay as they are
            java.util.Set<String> rated = new java.util.TreeSet<>();
            rated.add(RatingReplay.OVERALL);
            results.entries().forEach(e -> e.points().keySet().forEach(k -> rated.add(categories.canonical(k))));
            try (PreparedStatement s = c.prepareStatement("select student_id, category, mu, sigma, last_event_id,"
                    + " last_event_on, events, history from rating where student_id in " + entrants + " and category in ("
                    + String.join(", ", java.util.Collections.nCopies(rated.size(), "?")) + ")")) {
                int p = 1;
                for (String category : rated) {
                    s.setString(p++, category);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long student = rs.getLong(1);
                        String category = rs.getString(2);
                        String history = rs.getString(8);
                        int[] days = new int[0];
                        float[] means = new float[0];
                        if (RatingReplay.OVERALL.equals(category)) {
                            histories.put(student, history);
                            List<HistoryEntry> recent = HistoryEntry.recent(history, RatingReplay.RECENT);
                            days = recent.stream().mapToInt(HistoryEntry::day).toArray();
                            means = new float[recent.size()];
                            for (int i = 0; i < means.length; i++) {
                                means[i] = recent.get(i).muBefore();
                            }
                        }
                        replay.restore(category, student, new Rating(rs.getDouble(3), rs.getDouble(4)), rs.getLong(5),
                                (int) rs.getDate(6).toLocalDate().toEpochDay(), rs.getInt(7), days, means);
                    }
                }
            }
            // students rated for the first time get a copy of their records in the candidate table below. Their student and
            // school rows are locked first: a change to them under way (a consent, a graduation year, a region) is then
            // committed before they are copied, or waits for this transaction and finds the copy to bring in line
            // (the search's CandidateStore). A student rated before keeps their copy; only its score is written
            List<Long> newcomers = entrantIds.stream().filter(student -> !histories.containsKey(student)).toList();
            if (!newcomers.isEmpty()) {
                lockRecords(c, newcomers);
            }
            // the rows the event changed
            java.util.Set<Rated> changed = new java.util.HashSet<>();
            int day = (int) event.day().toEpochDay();
            long read = System.nanoTime();
            FieldSummary[] fieldBefore = new FieldSummary[1];
            replay.rate(results, new RatingReplay.Effects() {
                @Override
                public void rated(long id, String category, long student, int place, int field, Rating before, Rating after) {
                    changed.add(new Rated(student, category));
                    if (RatingReplay.OVERALL.equals(category)) {
                        histories.put(student, HistoryEntry.append(histories.get(student),
                                new HistoryEntry(id, day, place, field, (float) before.mu(), (float) after.mu(),
                                        HistoryEntry.hundredths(before.sigma()), HistoryEntry.hundredths(after.sigma()))));
                    }
                }

                @Override
                public void field(long id, String category, FieldSummary field) {
                    fieldBefore[0] = field;
                }
            });
            long engine = System.nanoTime();
            // those rows are replaced: updated where they exist, added where not, a thousand rows to a statement. Not
            // deleted and inserted: PostgreSQL would check each inserted row's student key again, which an update
            // that keeps the key skips (the write took half the time in a measurement). In key order, the order the
            // rows lie in: the statements walk the key index and the table's pages forwards, not at random
            List<Rated> rows = new ArrayList<>(changed);
            rows.sort(java.util.Comparator.comparingLong(Rated::student).thenComparing(Rated::category));
            mergeAll(c, rows, Ratings::mergeRatings, (merge, p, row) -> {
                bind(merge, p, row.student(), row.category(), replay.state(row.category(), row.student()),
                        RatingReplay.OVERALL.equals(row.category()) ? histories.get(row.student()) : null);
                return p + PARAMETERS;
            });
            long merged = System.nanoTime();
            // and the overall scores, for the candidate search's table (V11)
            List<Long> overall = rows.stream().filter(r -> RatingReplay.OVERALL.equals(r.category())).map(Rated::student).toList();
            Map<Long, Double> scores = new HashMap<>();
            overall.forEach(student -> scores.put(student, talentScore(replay.state(RatingReplay.OVERALL, student).rating())));
            ratingsWritten.fire(RatingsWritten.of(scores));
            long candidates = System.nanoTime();
            markRated(c, List.of(event.id()), new String[] {fieldBefore[0] == null ? null : fieldBefore[0].encode()});
            long written = System.nanoTime();
            LOG.info(String.format(Locale.ROOT, "event %s rated on top of the stored ratings: %,d entrants in %.3f s"
                    + " (results and checks %.3f, states %.3f, rating %.3f, writing %,d rows %.3f, of which candidates %.3f)",
                    eventCode, overall.size(), (written - started) / 1e9, (checked - started) / 1e9, (read - checked) / 1e9,
                    (engine - read) / 1e9, rows.size(), (written - engine) / 1e9, (candidates - merged) / 1e9));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("the ratings could not be updated for event " + eventCode, e);
        }
    }

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
        java.util.concurrent.ExecutorService ratingThreads = java.util.concurrent.Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), threads);
        try (Connection c = dataSource.getConnection()) {
            List<EventRow> events = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, code, start_date, weight"
                    + " from competition_event e where exists (select 1 from result r where r.event_id = e.id)"
                    + " order by start_date, code")) {
                while (rs.next()) {
                    events.add(new EventRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDouble(4)));
                }
            }
            RatingReplay replay = new RatingReplay(SETTINGS.model(), SETTINGS.sigmaGrowthPerYear(), ratingThreads,
                    skillCategories(c));
            EffectLog log = new EffectLog(events);
            // the next events' results are read on other threads while this one rates: database and engine overlap.
            // Reader r reads events r, r + READERS, ... on its own connection, into its own queue.
            List<java.util.concurrent.BlockingQueue<Object>> ahead = new ArrayList<>();
            List<java.util.concurrent.Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
                List<EventRow> share = new ArrayList<>();
                for (int e = r; e < events.size(); e += READERS) {
                    share.add(events.get(e));
                }
                ahead.add(queue);
                readers.add(executor.submit(() -> read(share, queue)));
            }
            try {
                for (int done = 0; done < events.size(); done++) {
                    Object next = ahead.get(done % READERS).take();
                    if (next instanceof Exception e) {
                        throw new IllegalStateException("the results could not be read", e);
                    }
                    int index = done;
                    replay.rate((RatingReplay.EventResults) next, RatingReplay.Effects.overallOnly(new RatingReplay.Effects() {
                        @Override
                        public void rated(long id, String category, long student, int place, int field, Rating before,
                                Rating after) {
                            log.add(student, index, place, field, (float) before.mu(), (float) after.mu(), before.sigma(),
                                    after.sigma());
                        }

                        @Override
                        public void field(long id, String category, FieldSummary field) {
                            log.fields[index] = field.encode();
                        }
                    }));
                    if ((done + 1) % Math.max(1, events.size() / 100) == 0) {
                        progress.accept((done + 1) * 70 / events.size());
                    }
                }
                // the effects arrive on the replay's threads: the log is complete once it has finished
                replay.finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the recompute was interrupted", e);
            } finally {
                readers.forEach(reader -> reader.cancel(true));
            }
            long rated = System.nanoTime();
            c.setAutoCommit(false);
            boolean postgres = postgres(c);
            try (Statement s = c.createStatement()) {
                createNext(s, "rating", postgres);
            }
            int students = log.write(replay, c, executor, progress);
            long written = System.nanoTime();
            try (Statement s = c.createStatement()) {
                if (postgres) {
                    // the indexes over millions of rows sort in memory instead of in temporary files
                    s.execute("set local maintenance_work_mem = '512MB'");
                }
                // every column but the explanation, which only the overall row has
                notNull(s, postgres, "rating_next", Arrays.stream(COLUMN_NAMES).filter(column -> !"history".equals(column))
                        .toArray(String[]::new));
                s.execute("alter table rating_next add primary key (student_id, category)");
                s.execute("create index rating_next_score_ix on rating_next (category, talent_score, student_id)");
                s.execute("alter table rating_next add foreign key (student_id) references student (id) on delete cascade");
                if (postgres) {
                    // a new table has no statistics: without them the planner scans it for one event's entrants
                    s.execute("analyze rating_next");
                }
                c.commit();
                progress.accept(98);
                s.execute("drop table rating");
                s.execute("alter table rating_next rename to rating");
                s.execute("alter index rating_next_score_ix rename to rating_score_ix");
                s.executeUpdate("delete from rated_event");
                markRated(c, events.stream().map(EventRow::id).toList(), log.fields);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            // the candidate search's table, rebuilt from the new overall ratings the same way
            ratingsWritten.fire(RatingsWritten.everyone());
            progress.accept(100);
            LOG.info(String.format(Locale.ROOT, "ratings recomputed: %,d students, %,d results, %,d events;"
                    + " replay %.1f s, rows %.1f s, indexes and swap %.1f s", students, log.size, events.size(),
                    (rated - started) / 1e9, (written - rated) / 1e9, (System.nanoTime() - written) / 1e9));
            return students;
        } catch (SQLException e) {
            throw new IllegalStateException("the ratings could not be recomputed", e);
        } finally {
            ratingThreads.shutdownNow();
        }
    }

    /**
     * An empty table {@code <table>_next} with {@code table}'s columns, to be filled, then indexed.
     * PostgreSQL copies the NOT NULL constraints with LIKE, so they are checked as rows arrive
     * instead of by a scan of the full table per column afterwards; H2 knows no LIKE here.
     */
    private static void createNext(Statement s, String table, boolean postgres) throws SQLException {
        s.execute("drop table if exists " + table + "_next");
        s.execute(postgres ? "create table " + table + "_next (like " + table + " including defaults)"
                : "create table " + table + "_next as select * from " + table + " where 1 = 0");
    }

    /** On H2, the NOT NULL constraints {@link #createNext} left out, once the table is filled. */
    private static void notNull(Statement s, boolean postgres, String table, String... columns) throws SQLException {
        if (!postgres) {
            for (String column : columns) {
                s.execute("alter table " + table + " alter column " + column + " set not null");
            }
        }
    }

    /** Threads reading results ahead of the replay: the database's work, per event, is the longest part of it. */
    private static final int READERS = 2;

    /** Reads these events' results in order into the queue (or the failure, last). */
    private Void read(List<EventRow> events, java.util.concurrent.BlockingQueue<Object> queue) {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = postgres(c);
            serial(c, postgres, true);
            try {
                for (EventRow event : events) {
                    queue.put(results(c, event));
                }
            } finally {
                serial(c, postgres, false);
            }
        } catch (SQLException | RuntimeException e) {
            // the failure next in line: the results before it no longer matter
            queue.clear();
            queue.offer(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /**
     * Whether some rating was computed with settings other than those in force: after an upgrade
     * that brings a new settings version, which a full recompute applies to every rating.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean outdated() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select exists (select 1 from rating where model_version <> ?)")) {
            s.setString(1, SETTINGS.version());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical categories: the built-in table with the ADMIN's synonyms and work roles. */
    static SkillCategories skillCategories(Connection c) throws SQLException {
        Map<String, String> synonyms = new HashMap<>();
        Map<String, String> roles = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select spelling, category, work_role from category_synonym")) {
            while (rs.next()) {
                synonyms.put(rs.getString(1), rs.getString(2));
                if (rs.getString(3) != null) {
                    roles.put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return new SkillCategories(synonyms, roles);
    }

    /** Whether results are stored but no ratings: after the upgrade that replaced the rating tables. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean missing() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select exists (select 1 from rated_event), exists (select 1 from result)")) {
            rs.next();
            return !rs.getBoolean(1) && rs.getBoolean(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the connection is PostgreSQL's: a few statements differ from H2's for speed. */
    private static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }

    /**
     * On PostgreSQL, one event's reads planned without parallel workers: starting them costs more
     * (about 20 ms) than reading a few thousand rows by index (about 2 ms).
     */
    private static void serial(Connection c, boolean postgres, boolean on) throws SQLException {
        if (postgres) {
            try (Statement s = c.createStatement()) {
                s.execute(on ? "set max_parallel_workers_per_gather = 0" : "reset max_parallel_workers_per_gather");
            }
        }
    }

    /** One event's entrants: places, team members with equal shares, and category points. */
    /**
     * The seam of an appeal's decision (V23's result_exclusion): a result excluded from a student's
     * rating is read as if the student had not entered (a team's, without that member).
     */
    static final String NOT_EXCLUDED = " and not exists (select 1 from result_exclusion x where x.result_id = r.id"
            + " and x.student_id = coalesce(r.student_id, tm.student_id))";

    private static RatingReplay.EventResults results(Connection c, EventRow event) throws SQLException {
        Map<Long, Map<String, Double>> points = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select rc.result_id, rc.category, rc.points from result_category rc"
                + " join result r on r.id = rc.result_id where r.event_id = ?")) {
            s.setLong(1, event.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    points.computeIfAbsent(rs.getLong(1), k -> new HashMap<>(4)).put(rs.getString(2).intern(), rs.getDouble(3));
                }
            }
        }
        List<RatingReplay.Entry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select r.id, r.place, r.student_id, tm.student_id from result r"
                + " left join team_member tm on tm.team_id = r.team_id where r.event_id = ?" + NOT_EXCLUDED
                + " order by r.place, r.id, tm.student_id")) {
            s.setLong(1, event.id());
            try (ResultSet rs = s.executeQuery()) {
                long result = -1;
                int place = 0;
                List<Long> members = new ArrayList<>();
                while (rs.next()) {
                    if (rs.getLong(1) != result) {
                        addEntry(entries, members, place, points.get(result));
                        result = rs.getLong(1);
                        place = rs.getInt(2);
                        members = new ArrayList<>(3);
                    }
                    long student = rs.getLong(3);
                    if (rs.wasNull()) {
                        student = rs.getLong(4);
                        if (rs.wasNull()) {
                            continue;
                        }
                    }
                    members.add(student);
                }
                addEntry(entries, members, place, points.get(result));
            }
        }
        return new RatingReplay.EventResults(event.id(), (int) event.day().toEpochDay(), event.weight(), entries);
    }

    private static void addEntry(List<RatingReplay.Entry> entries, List<Long> members, int place, Map<String, Double> points) {
        if (members.isEmpty()) {
            return;
        }
        List<Placing.Member> shares = new ArrayList<>(members.size());
        for (long member : members) {
            shares.add(new Placing.Member(member, 1.0 / members.size()));
        }
        entries.add(new RatingReplay.Entry(shares, place, points == null ? Map.of() : points));
    }

    private static final String COLUMNS = "student_id, category, mu, sigma, talent_score, events, last_event_id, last_event_on,"
            + " growth, recent_events, history, model_version";

    private static final String[] COLUMN_NAMES = COLUMNS.split(", ");
    /** A rating row's values, in {@link #COLUMNS}' order. */
    private static final int PARAMETERS = COLUMN_NAMES.length;
    /** One row's placeholders, "(?, ?, ...)". */
    private static final String ROW = "(" + String.join(", ", java.util.Collections.nCopies(PARAMETERS, "?")) + ")";
    /** Rows per merge statement: one statement's parameters stay far below both databases' limits. */
    private static final int MERGED = 1_000;

    private static PreparedStatement insertRating(Connection c, String table) throws SQLException {
        return c.prepareStatement("insert into " + table + " (" + COLUMNS + ") values " + ROW);
    }

    /**
     * Updates or adds {@code rows} rating rows by key, in one statement (standard SQL MERGE, which
     * both databases run, PostgreSQL from version 15). The first row's casts, in {@link #COLUMNS}'
     * order, give the value list's columns their types.
     */
    private static String mergeRatings(int rows) {
        StringBuilder sql = new StringBuilder("merge into rating t using ").append(values(rows, "(cast(? as bigint),"
                + " cast(? as varchar), cast(? as double precision), cast(? as double precision), cast(? as double precision),"
                + " cast(? as integer), cast(? as bigint), cast(? as date), cast(? as double precision), cast(? as integer),"
                + " cast(? as varchar), cast(? as varchar))", ROW)).append(" as v (").append(COLUMNS)
                .append(") on t.student_id = v.student_id and t.category = v.category when matched then update set ");
        for (int i = 2; i < PARAMETERS; i++) {
            sql.append(i == 2 ? "" : ", ").append(COLUMN_NAMES[i]).append(" = v.").append(COLUMN_NAMES[i]);
        }
        sql.append(" when not matched then insert (").append(COLUMNS).append(") values (v.")
                .append(String.join(", v.", COLUMN_NAMES)).append(')');
        return sql.toString();
    }

    /** A value list of {@code rows} rows: the first, whose casts give the columns their types, then the others. */
    private static String values(int rows, String first, String row) {
        return "(values " + first + (", " + row).repeat(rows - 1) + ")";
    }

    /** Binds one row's values from parameter {@code first} on; returns the next row's first parameter. */
    private interface RowValues<T> {
        int bind(PreparedStatement s, int first, T row) throws SQLException;
    }

    /** Merges {@code rows}, {@link #MERGED} to a statement made by {@code merge} for that many rows. */
    private static <T> void mergeAll(Connection c, List<T> rows, java.util.function.IntFunction<String> merge,
            RowValues<T> values) throws SQLException {
        for (int from = 0; from < rows.size(); from += MERGED) {
            List<T> part = rows.subList(from, Math.min(rows.size(), from + MERGED));
            try (PreparedStatement s = c.prepareStatement(merge.apply(part.size()))) {
                int p = 1;
                for (T row : part) {
                    p = values.bind(s, p, row);
                }
                s.executeUpdate();
            }
        }
    }

    /** Binds one rating row's values from parameter {@code first} on. */
    private static void bind(PreparedStatement s, int first, long student, String category, RatingReplay.State state,
            String history) throws SQLException {
        s.setLong(first, student);
        s.setString(first + 1, category);
        s.setDouble(first + 2, state.rating().mu());
        s.setDouble(first + 3, state.rating().sigma());
        s.setDouble(first + 4, talentScore(state.rating()));
        s.setInt(first + 5, state.events());
        s.setLong(first + 6, state.lastEvent());
        s.setDate(first + 7, Date.valueOf(LocalDate.ofEpochDay(state.lastDay())));
        s.setDouble(first + 8, state.growth());
        s.setInt(first + 9, state.recentEvents());
        s.setString(first + 10, history);
        s.setString(first + 11, SETTINGS.version());
    }

    /** The talent score of the settings in force ({@link org.talentpipeline.scoring.engine.TalentScore}). */
    static double talentScore(Rating r) {
        return SETTINGS.talentScore().of(r);
    }

    /**
     * Locks these students' rows and their schools' against change until the transaction ends. On
     * PostgreSQL a share lock, which neither readers nor the key checks of new results wait for; H2
     * has only FOR UPDATE.
     */
    private static void lockRecords(Connection c, List<Long> students) throws SQLException {
        String ids = idList(students);
        String lock = postgres(c) ? " for share" : " for update";
        try (Statement s = c.createStatement()) {
            for (String rows : List.of("select id from student where id in " + ids + lock,
                    "select id from school where id in (select school_id from student where id in " + ids + ")" + lock)) {
                try (ResultSet rs = s.executeQuery(rows)) {
                    while (rs.next()) {
                        // each row is locked as it is read
                    }
                }
            }
        }
    }

    /**
     * Ids as an SQL list, "(1,2,3)": numbers we format, never text. With a literal list both
     * databases read the rows by index (H2 does not with an array parameter).
     */
    private static String idList(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "(", ")"));
    }

    /** Marks events rated, each with its field before it (encoded {@link FieldSummary}, null where none). */
    private static void markRated(Connection c, List<Long> events, String[] fields) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into rated_event (event_id, rated_at, field) values (?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < events.size(); i++) {
                s.setLong(1, events.get(i));
                s.setTimestamp(2, now);
                s.setString(3, fields == null ? null : fields[i]);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static long count(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Where a full recompute's rows go: into {@code rating_next} by batched inserts, or on
     * PostgreSQL by COPY (several times faster for millions of rows).
     */
    private abstract static class RowSink implements AutoCloseable {

        static RowSink of(Connection c, java.util.concurrent.Executor executor) throws SQLException {
            return postgres(c) ? new Copy(c, executor) : new Batch(c);
        }

        abstract void add(long student, String category, RatingReplay.State state, String history) throws SQLException;

        /** A point where the rows so far may be sent and committed. */
        abstract void checkpoint() throws SQLException;

        /** Sends the last rows and commits. */
        abstract void finish() throws SQLException;

        @Override
        public void close() throws SQLException {
        }

        private static final class Batch extends RowSink {
            private final PreparedStatement insert;
            private int batched;

            private final Connection connection;

            Batch(Connection c) throws SQLException {
                connection = c;
                insert = insertRating(c, "rating_next");
            }

            @Override
            void add(long student, String category, RatingReplay.State state, String history) throws SQLException {
                bind(insert, 1, student, category, state, history);
                insert.addBatch();
                if (++batched >= BATCH) {
                    insert.executeBatch();
                    batched = 0;
                }
            }

            /** H2 keeps a transaction's changes in memory: commit every few hundred thousand rows. */
            @Override
            void checkpoint() throws SQLException {
                insert.executeBatch();
                batched = 0;
                connection.commit();
            }

            @Override
            void finish() throws SQLException {
                checkpoint();
            }

            @Override
            public void close() throws SQLException {
                insert.close();
            }
        }

        /**
         * Rows for COPY in PostgreSQL's binary format: numbers go as their bytes, neither formatted
         * by Java nor parsed by PostgreSQL, and a double arrives as the very double. One chunk is
         * copied on another thread while the next is written.
         */
        private static final class Copy extends RowSink {
            private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
            /** PostgreSQL counts dates from 2000-01-01. */
            private static final int EPOCH_2000 = (int) LocalDate.of(2000, 1, 1).toEpochDay();
            private static final byte[] VERSION = SETTINGS.version().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            private final Connection connection;
            private final org.postgresql.copy.CopyManager copy;
            private final java.util.concurrent.Executor executor;
            private final Map<String, byte[]> categories = new HashMap<>();
            private Chunk bytes;
            private java.io.DataOutputStream rows;
            private java.util.concurrent.CompletableFuture<Void> sending =
                    java.util.concurrent.CompletableFuture.completedFuture(null);

            Copy(Connection c, java.util.concurrent.Executor executor) throws SQLException {
                connection = c;
                copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
                this.executor = executor;
                startChunk();
            }

            /** A chunk's bytes, read back without a copy. */
            private static final class Chunk extends java.io.ByteArrayOutputStream {
                Chunk(int size) {
                    super(size);
                }

                java.io.InputStream input() {
                    return new java.io.ByteArrayInputStream(buf, 0, count);
                }
            }

            /** Chunks are sent at this size; with a row's worth of room to spare, they never grow. */
            private static final int CHUNK = 1 << 24;

            private void startChunk() {
                bytes = new Chunk(CHUNK + (1 << 20));
                rows = new java.io.DataOutputStream(bytes);
                bytes.writeBytes(HEADER);
            }

            @Override
            void add(long student, String category, RatingReplay.State state, String history) throws SQLException {
                try {
                    rows.writeShort(PARAMETERS);
                    rows.writeInt(8);
                    rows.writeLong(student);
                    text(categories.computeIfAbsent(category, k -> k.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    rows.writeInt(8);
                    rows.writeDouble(state.rating().mu());
                    rows.writeInt(8);
                    rows.writeDouble(state.rating().sigma());
                    rows.writeInt(8);
                    rows.writeDouble(talentScore(state.rating()));
                    rows.writeInt(4);
                    rows.writeInt(state.events());
                    rows.writeInt(8);
                    rows.writeLong(state.lastEvent());
                    rows.writeInt(4);
                    rows.writeInt(state.lastDay() - EPOCH_2000);
                    rows.writeInt(8);
                    rows.writeDouble(state.growth());
                    rows.writeInt(4);
                    rows.writeInt(state.recentEvents());
                    if (history == null) {
                        rows.writeInt(-1);
                    } else {
                        text(history.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    text(VERSION);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("a byte array stream does not fail", e);
                }
                if (bytes.size() > CHUNK) {
                    send();
                }
            }

            private void text(byte[] value) throws java.io.IOException {
                rows.writeInt(value.length);
                rows.write(value);
            }

            /** Waits for the chunk being copied, then copies this one in the background. */
            private void send() throws SQLException {
                awaitSent();
                // the end of the chunk's rows: a field count of -1
                bytes.write(0xFF);
                bytes.write(0xFF);
                Chunk chunk = bytes;
                startChunk();
                sending = java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        // frozen: the table was created in this transaction, so its rows may be written as visible to
                        // all, with the visibility map set. The search's index-only walk of the score index then reads
                        // no table pages, and the first reads do not set hint bits on a million pages.
                        copy.copyIn("copy rating_next (" + COLUMNS + ") from stdin with (format binary, freeze)",
                                chunk.input());
                    } catch (SQLException | java.io.IOException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, executor);
            }

            private void awaitSent() throws SQLException {
                try {
                    sending.join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw new SQLException("the rows could not be copied", e.getCause());
                }
            }

            /** PostgreSQL keeps the copied rows on disk: one transaction for all of them. */
            @Override
            void checkpoint() {
            }

            @Override
            void finish() throws SQLException {
                send();
                awaitSent();
                connection.commit();
            }

            @Override
            public void close() throws SQLException {
                awaitSent();
            }
        }
    }

    /**
     * Every overall effect of a full replay, in primitive arrays (fourteen million effects take
     * about 350 MB, not gigabytes of objects; the event's id, day and field size are kept once per
     * event), turned into each student's explanation when the rows are written in student order.
     */
    private static final class EffectLog {
        private static final int SEQUENCE_BITS = 28;
        final long[] eventId;
        final int[] eventDay;
        final int[] eventField;
        long[] student = new long[1 << 16];
        /** event index and place, packed: what one effect needs sits in two reads, not four */
        long[] eventAndPlace = new long[1 << 16];
        /** mean before and after, as float bits, packed */
        long[] means = new long[1 << 16];
        /**
         * deviation before and after in hundredths of a point, 16 bits each, packed (a deviation never
         * exceeds a newcomer's, far below 655.35): the explanation's deviations cost 4 bytes an effect
         */
        int[] sigmas = new int[1 << 16];
        /** per event, its field before it (an encoded {@link FieldSummary}) */
        final String[] fields;
        int size;

        EffectLog(List<EventRow> events) {
            eventId = events.stream().mapToLong(EventRow::id).toArray();
            eventDay = events.stream().mapToInt(e -> (int) e.day().toEpochDay()).toArray();
            eventField = new int[events.size()];
            fields = new String[events.size()];
        }

        void add(long s, int e, int p, int field, float b, float a, double sb, double sa) {
            if (size == student.length) {
                int capacity = size + (size >> 1);
                student = Arrays.copyOf(student, capacity);
                eventAndPlace = Arrays.copyOf(eventAndPlace, capacity);
                means = Arrays.copyOf(means, capacity);
                sigmas = Arrays.copyOf(sigmas, capacity);
            }
            eventField[e] = field;
            student[size] = s;
            eventAndPlace[size] = (long) e << 32 | (p & 0xFFFFFFFFL);
            means[size] = (long) Float.floatToRawIntBits(b) << 32 | (Float.floatToRawIntBits(a) & 0xFFFFFFFFL);
            sigmas[size] = hundredths(sb) << 16 | hundredths(sa);
            size++;
        }

        /** As {@link HistoryEntry#hundredths}, in 16 bits. */
        private static int hundredths(double sigma) {
            return (int) Math.min(0xFFFF, Math.max(0, Math.round(sigma * 100)));
        }

        /** Writes every student's rows in student order: overall with its explanation, then each category. */
        int write(RatingReplay replay, Connection c, java.util.concurrent.Executor executor, IntConsumer progress)
                throws SQLException {
            if (size >= 1 << SEQUENCE_BITS) {
                throw new IllegalStateException("more results than a replay can order: " + size);
            }
            // student then replay order, packed in one long: sorting primitives is fast and needs no objects
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = (student[i] << SEQUENCE_BITS) | i;
            }
            Arrays.sort(order);
            List<String> categories = new ArrayList<>(replay.categories());
            categories.remove(RatingReplay.OVERALL);
            int students = 0;
            try (RowSink rows = RowSink.of(c, executor)) {
                int i = 0;
                StringBuilder history = new StringBuilder();
                // a student's rows side by side, as one event's update reads and replaces them together
                while (i < size) {
                    long s = order[i] >>> SEQUENCE_BITS;
                    history.setLength(0);
                    while (i < size && order[i] >>> SEQUENCE_BITS == s) {
                        int k = (int) (order[i] & ((1L << SEQUENCE_BITS) - 1));
                        if (history.length() > 0) {
                            history.append(';');
                        }
                        int e = (int) (eventAndPlace[k] >>> 32);
                        new HistoryEntry(eventId[e], eventDay[e], (int) eventAndPlace[k], eventField[e],
                                Float.intBitsToFloat((int) (means[k] >>> 32)), Float.intBitsToFloat((int) means[k]),
                                (sigmas[k] >>> 16) / 100f, (sigmas[k] & 0xFFFF) / 100f).encodeTo(history);
                        i++;
                    }
                    rows.add(s, RatingReplay.OVERALL, replay.state(RatingReplay.OVERALL, s), history.toString());
                    for (String category : categories) {
                        RatingReplay.State state = replay.state(category, s);
                        if (state != null) {
                            rows.add(s, category, state, null);
                        }
                    }
                    if (++students % 50_000 == 0) {
                        rows.checkpoint();
                        progress.accept(70 + (int) (25L * i / size));
                    }
                }
                rows.finish();
            }
            return students;
        }
    }
}
