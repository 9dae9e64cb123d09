package org.talentpipeline.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.talentpipeline.scoring.engine.RatingReplay;
import org.talentpipeline.scoring.engine.SkillCategories;

/**
 * The incremental update's statements ({@link RatingUpdate}), on the one connection it holds for the
 * update: whether the event is rated ({@code rated_event}), the results an appeal excluded
 * ({@code result_exclusion}), the skill categories ({@link CategorySynonymRows}), the entrants' stored
 * states ({@code rating}, {@link RatingRows#restore}), the newcomers' {@code student} and {@code school}
 * rows locked, the rating rows written ({@link Writer}) and the event marked rated. A failure is an
 * {@link IllegalStateException} naming the event.
 */
final class UpdatedRatingRows extends RatingJobRows {

    /**
     * The scratch table on PostgreSQL: the rows written, with {@link RatingRows#COLUMNS}, until the
     * transaction ends. The candidate search reads its overall scores from it ({@link RatingsWritten#table()}).
     */
    static final String TABLE = "rating_written";

    private UpdatedRatingRows(DataSource dataSource, String failure) {
        super(dataSource, failure);
    }

    /** A connection of {@code dataSource} for the update of event {@code eventCode}, until closed. */
    static UpdatedRatingRows open(DataSource dataSource, String eventCode) {
        return new UpdatedRatingRows(dataSource, "the ratings could not be updated for event " + eventCode);
    }

    /** On PostgreSQL, this transaction's reads without parallel workers: see ResultRows.Reader. */
    void serialReads() {
        run(c -> {
            if (RatingRows.postgres(c)) {
                try (Statement s = c.createStatement()) {
                    s.execute("set local max_parallel_workers_per_gather = 0");
                }
            }
            return null;
        });
    }

    /** As {@link RatingRows#rated}. */
    boolean rated(long event) {
        return run(c -> RatingRows.rated(c, event));
    }

    /** As {@link RatingRows#markRated}. */
    void markRated(List<Long> events, String[] fields) {
        run(c -> {
            RatingRows.markRated(c, events, fields);
            return null;
        });
    }

    /** As {@link RatingRows#restore}. */
    Set<Long> restore(
            RatingReplay replay,
            RatingReplay.EventResults results,
            SkillCategories categories,
            List<Long> entrantIds,
            Set<Long> lastEvents) {
        return run(c -> RatingRows.restore(c, replay, results, categories, entrantIds, lastEvents));
    }

    /**
     * Locks these students' rows and their schools' against change until the transaction ends. On
     * PostgreSQL a share lock, which neither readers nor the key checks of new results wait for; H2
     * has only FOR UPDATE.
     */
    void lockRecords(List<Long> students) {
        try {
            String ids = RatingRows.idList(students);
            String lock = RatingRows.postgres(connection) ? " for share" : " for update";
            try (Statement s = connection.createStatement()) {
                for (String rows : List.of(
                        "select id from student where id in " + ids + lock,
                        "select id from school where id in (select school_id from student where id in " + ids + ")"
                                + lock)) {
                    try (ResultSet rs = s.executeQuery(rows)) {
                        while (rs.next()) {
                            // each row is locked as it is read
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Where the update's rating rows go, until closed. */
    Writer writer() {
        return run(c -> RatingRows.postgres(c) ? new Copied() : new Merged());
    }

    /**
     * Where an incremental update's rating rows go, added in key order: each row replaces the stored
     * one with the same key, or is added; a row's {@code history} is appended to the stored
     * explanation (null keeps it, and a row added takes it whole), in the database. On H2 by MERGE
     * statements of a thousand rows of values ({@link RatingRows#mergeRatings}); on PostgreSQL by a
     * binary COPY ({@link RatingCopyRows}) into a scratch table of this transaction, {@link #TABLE},
     * then one MERGE from it: the value lists were statements of 12,000 parameters, each parsed, planned
     * and bound. The MERGE finds each row by the key index (a nested loop, the other joins turned off
     * for it): the scratch table has no statistics, and the planner hashed the whole rating table for
     * it. Not {@code INSERT ... ON CONFLICT}: it locks each row before updating it, one more WAL record
     * a row, and took twice the MERGE's time (psql, 15,000 rows). The explanations appended to are
     * compressed with lz4 where the server has it: an explanation over 2 kB is compressed again when
     * it grows, and pglz cost a third of the write. The scratch table is dropped at the end of the
     * transaction, so a failed update leaves nothing of it.
     */
    abstract class Writer implements AutoCloseable {

        /** Adds a row, in key order. */
        abstract void add(long student, String category, RatingReplay.State state, String history);

        /** Writes the rows added into {@code rating}. */
        abstract void write();

        /** The table the rows written are in until the transaction ends, for {@link RatingsWritten}; null if none. */
        abstract String table();

        @Override
        public void close() {}
    }

    /** PostgreSQL: COPY into the scratch table, one statement from it. */
    private final class Copied extends Writer {
        /** An update's rows in one chunk: 15,000 rows with their entries are about 2 MB. */
        private static final int CHUNK = 1 << 22;

        private final RatingCopyRows rows;

        Copied() throws SQLException {
            try (Statement s = connection.createStatement()) {
                // one update to a transaction (ScoringJobs), but should a caller ever rate two events in one, the
                // first one's rows are not the second's
                s.execute("drop table if exists pg_temp." + TABLE);
                // the rating table's column types, without its constraints (a row's history may be null here)
                s.execute("create temporary table " + TABLE + " on commit drop as select " + RatingRows.COLUMNS
                        + " from rating with no data");
            }
            rows = new RatingCopyRows(connection, Runnable::run, TABLE, "", CHUNK, failure);
        }

        @Override
        void add(long student, String category, RatingReplay.State state, String history) {
            rows.add(student, category, state, history);
        }

        @Override
        void write() {
            try {
                rows.flush();
                try (Statement s = connection.createStatement()) {
                    boolean lz4;
                    try (ResultSet rs = s.executeQuery("select count(*) from pg_settings"
                            + " where name = 'default_toast_compression' and 'lz4' = any(enumvals)")) {
                        lz4 = rs.next() && rs.getInt(1) > 0;
                    }
                    String[] settings = {"enable_hashjoin", "enable_mergejoin"};
                    for (String setting : settings) {
                        s.execute("set local " + setting + " = off");
                    }
                    if (lz4) {
                        s.execute("set local default_toast_compression = lz4");
                    }
                    s.executeUpdate(RatingRows.merge(TABLE));
                    // the rest of the transaction as it was
                    for (String setting : settings) {
                        s.execute("set local " + setting + " to default");
                    }
                    if (lz4) {
                        s.execute("set local default_toast_compression to default");
                    }
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        String table() {
            return TABLE;
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    /** H2 (or any database): MERGE statements of values, a thousand rows each. */
    private final class Merged extends Writer {
        private record Row(long student, String category, RatingReplay.State state, String history) {}

        private final List<Row> rows = new ArrayList<>();

        @Override
        void add(long student, String category, RatingReplay.State state, String history) {
            rows.add(new Row(student, category, state, history));
        }

        @Override
        void write() {
            try {
                RatingRows.mergeAll(connection, rows, RatingRows::mergeRatings, (merge, p, row) -> {
                    RatingRows.bind(merge, p, row.student(), row.category(), row.state(), row.history());
                    return p + RatingRows.PARAMETERS;
                });
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        String table() {
            return null;
        }
    }
}
