package org.talentpipeline.scoring;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.talentpipeline.scoring.engine.FieldSummary;
import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.RatingReplay;
import org.talentpipeline.scoring.engine.SkillCategories;

/**
 * The scoring area's own rows in SQL: a rating row's columns and how they are bound, merged and
 * inserted ({@code rating}, V6), the events marked rated ({@code rated_event}) and the results an
 * appeal excluded ({@code result_exclusion}, V23); and the stored states the incremental update
 * rates on ({@link #restore}). Shared by the incremental update ({@link UpdatedRatingRows}) and the
 * full recompute ({@link RecomputeRows}, {@link NextRatingRows}), so that both write the very same
 * values.
 */
final class RatingRows {

    static final ScoringSettings SETTINGS = ScoringSettings.CURRENT;

    static final String COLUMNS = "student_id, category, mu, sigma, talent_score, events, last_event_id, last_event_on,"
            + " growth, recent_events, history, model_version";

    static final String[] COLUMN_NAMES = COLUMNS.split(", ");
    /** A rating row's values, in {@link #COLUMNS}' order. */
    static final int PARAMETERS = COLUMN_NAMES.length;
    /** One row's placeholders, "(?, ?, ...)". */
    private static final String ROW = "(" + String.join(", ", Collections.nCopies(PARAMETERS, "?")) + ")";
    /** Rows per merge statement: one statement's parameters stay far below both databases' limits. */
    private static final int MERGED = 1_000;

    private RatingRows() {}

    static PreparedStatement insertRating(Connection c, String table) throws SQLException {
        return c.prepareStatement("insert into " + table + " (" + COLUMNS + ") values " + ROW);
    }

    /**
     * Updates or adds {@code rows} rating rows by key, in one statement (standard SQL MERGE, which
     * both databases run, PostgreSQL from version 15). The first row's casts, in {@link #COLUMNS}'
     * order, give the value list's columns their types. A row's {@code history} is what to append to
     * the stored explanation (the whole of it for a row added), null to keep it.
     */
    static String mergeRatings(int rows) {
        return mergeFrom(values(
                        rows,
                        "(cast(? as bigint),"
                                + " cast(? as varchar), cast(? as double precision), cast(? as double precision), cast(? as double precision),"
                                + " cast(? as integer), cast(? as bigint), cast(? as date), cast(? as double precision), cast(? as integer),"
                                + " cast(? as varchar), cast(? as varchar))",
                        ROW)
                + " as v (" + COLUMNS + ")");
    }

    /** A statement appending a scratch table's rows to {@code rating}, as {@link UpdatedRatingRows.Writer} describes. */
    static String merge(String table) {
        return mergeFrom(table + " v");
    }

    /** The MERGE of rating rows from {@code source} (rows named {@code v}, in {@link #COLUMNS}), as {@link #mergeRatings} says. */
    private static String mergeFrom(String source) {
        StringBuilder sql = new StringBuilder("merge into rating t using ")
                .append(source)
                .append(" on t.student_id = v.student_id and t.category = v.category when matched then update set ");
        for (int i = 2; i < PARAMETERS; i++) {
            sql.append(i == 2 ? "" : ", ").append(COLUMN_NAMES[i]).append(" = ");
            if ("history".equals(COLUMN_NAMES[i])) {
                // the explanation grows by the entries given, in the database: a long history is neither read nor
                // sent back whole for one event (entries separated by ';', as HistoryEntry.parse reads them)
                sql.append("case when v.history is null then t.history when t.history is null or t.history = ''"
                        + " then v.history else t.history || ';' || v.history end");
            } else {
                sql.append("v.").append(COLUMN_NAMES[i]);
            }
        }
        return sql.append(" when not matched then insert (")
                .append(COLUMNS)
                .append(") values (v.")
                .append(String.join(", v.", COLUMN_NAMES))
                .append(')')
                .toString();
    }

    /** A value list of {@code rows} rows: the first, whose casts give the columns their types, then the others. */
    static String values(int rows, String first, String row) {
        return "(values " + first + (", " + row).repeat(rows - 1) + ")";
    }

    /** Binds one row's values from parameter {@code first} on; returns the next row's first parameter. */
    interface RowValues<T> {
        int bind(PreparedStatement s, int first, T row) throws SQLException;
    }

    /** Merges {@code rows}, {@link #MERGED} to a statement made by {@code merge} for that many rows. */
    static <T> void mergeAll(Connection c, List<T> rows, IntFunction<String> merge, RowValues<T> values)
            throws SQLException {
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
    static void bind(
            PreparedStatement s, int first, long student, String category, RatingReplay.State state, String history)
            throws SQLException {
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

    /** Marks events rated, each with its field before it (encoded {@link FieldSummary}, null where none). */
    static void markRated(Connection c, List<Long> events, String[] fields) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("insert into rated_event (event_id, rated_at, field) values (?, ?, ?)")) {
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

    /** Whether the event has been rated (its results were posted before). */
    static boolean rated(Connection c, long event) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from rated_event where event_id = ?")) {
            s.setLong(1, event);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Restores the entrants' states in the ratings the event rates (overall and its categories) into
     * the replay; the others stay as they are. Returns those rated before, and adds the events they
     * were last rated at (overall) to {@code lastEvents}. Of an explanation only its end is read: the
     * recent events it restores. The incremental update's read ({@link RatingUpdate}).
     */
    static Set<Long> restore(
            Connection c,
            RatingReplay replay,
            RatingReplay.EventResults results,
            SkillCategories categories,
            List<Long> entrantIds,
            Set<Long> lastEvents)
            throws SQLException {
        Set<Long> ratedBefore = new HashSet<>();
        Set<String> rated = new TreeSet<>();
        rated.add(RatingReplay.OVERALL);
        results.entries().forEach(e -> e.points().keySet().forEach(k -> rated.add(categories.canonical(k))));
        try (PreparedStatement s = c.prepareStatement("select student_id, category, mu, sigma, last_event_id,"
                + " last_event_on, events, right(history, " + HistoryEntry.TAIL + ") from rating where student_id in "
                + idList(entrantIds)
                + " and category in (" + String.join(", ", Collections.nCopies(rated.size(), "?")) + ")")) {
            int p = 1;
            for (String category : rated) {
                s.setString(p++, category);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long student = rs.getLong(1);
                    String category = rs.getString(2);
                    int[] days = new int[0];
                    float[] means = new float[0];
                    if (RatingReplay.OVERALL.equals(category)) {
                        ratedBefore.add(student);
                        lastEvents.add(rs.getLong(5));
                        List<HistoryEntry> recent = HistoryEntry.recent(rs.getString(8), RatingReplay.RECENT);
                        days = recent.stream().mapToInt(HistoryEntry::day).toArray();
                        means = new float[recent.size()];
                        for (int i = 0; i < means.length; i++) {
                            means[i] = recent.get(i).muBefore();
                        }
                    }
                    replay.restore(
                            category,
                            student,
                            new Rating(rs.getDouble(3), rs.getDouble(4)),
                            rs.getLong(5),
                            (int) rs.getDate(6).toLocalDate().toEpochDay(),
                            rs.getInt(7),
                            days,
                            means);
                }
            }
        }
        return ratedBefore;
    }

    /**
     * The results an appeal's decision left out of a student's rating, as result id to students
     * (V23): the replay reads the event as if the student had not entered (a team's, without that
     * member). All of them with {@code results} null, else those of these results: an event's results
     * are stored together, so their ids are read as one range of the key and the few exclusions in it
     * kept (a list of thousands of ids costs PostgreSQL more to parse than the rows cost to read).
     */
    static Map<Long, Set<Long>> exclusions(Connection c, List<Long> results) throws SQLException {
        Map<Long, Set<Long>> excluded = new HashMap<>();
        if (results != null && results.isEmpty()) {
            return excluded;
        }
        Set<Long> among = results == null ? null : new HashSet<>(results);
        String which = results == null
                ? ""
                : " where result_id between " + Collections.min(results) + " and " + Collections.max(results);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select result_id, student_id from result_exclusion" + which)) {
            while (rs.next()) {
                if (among == null || among.contains(rs.getLong(1))) {
                    excluded.computeIfAbsent(rs.getLong(1), k -> new HashSet<>(2))
                            .add(rs.getLong(2));
                }
            }
        }
        return excluded;
    }

    /** Whether the connection is PostgreSQL's: a few statements differ from H2's for speed. */
    static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }

    /**
     * Ids as an SQL list, "(1,2,3)": numbers we format, never text. With a literal list both
     * databases read the rows by index (H2 does not with an array parameter).
     */
    static String idList(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }
}
