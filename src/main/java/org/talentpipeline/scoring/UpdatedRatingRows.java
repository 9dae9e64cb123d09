package org.talentpipeline.scoring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.talentpipeline.scoring.engine.RatingReplay;

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
abstract class UpdatedRatingRows implements AutoCloseable {

    /**
     * The scratch table on PostgreSQL: the rows written, with {@link RatingRows#COLUMNS}, until the
     * transaction ends. The candidate search reads its overall scores from it ({@link RatingsWritten#table()}).
     */
    static final String TABLE = "rating_written";

    static UpdatedRatingRows of(Connection c) throws SQLException {
        return RatingRows.postgres(c) ? new Copied(c) : new Merged(c);
    }

    /** Adds a row, in key order. */
    abstract void add(long student, String category, RatingReplay.State state, String history) throws SQLException;

    /** Writes the rows added into {@code rating}. */
    abstract void write() throws SQLException;

    /** The table the rows written are in until the transaction ends, for {@link RatingsWritten}; null if none. */
    abstract String table();

    @Override
    public void close() throws SQLException {}

    /** A statement appending a scratch table's rows to {@code rating}, as the class describes. */
    static String merge(String table) {
        StringBuilder sql = new StringBuilder("merge into rating t using ")
                .append(table)
                .append(" v on t.student_id = v.student_id and t.category = v.category when matched then update set ");
        for (int i = 2; i < RatingRows.PARAMETERS; i++) {
            String column = RatingRows.COLUMN_NAMES[i];
            sql.append(i == 2 ? "" : ", ").append(column).append(" = ");
            if ("history".equals(column)) {
                // as RatingRows.mergeRatings: entries separated by ';', as HistoryEntry.parse reads them
                sql.append("case when v.history is null then t.history when t.history is null or t.history = ''"
                        + " then v.history else t.history || ';' || v.history end");
            } else {
                sql.append("v.").append(column);
            }
        }
        return sql.append(" when not matched then insert (")
                .append(RatingRows.COLUMNS)
                .append(") values (v.")
                .append(String.join(", v.", RatingRows.COLUMN_NAMES))
                .append(')')
                .toString();
    }

    /** PostgreSQL: COPY into the scratch table, one statement from it. */
    private static final class Copied extends UpdatedRatingRows {
        /** An update's rows in one chunk: 15,000 rows with their entries are about 2 MB. */
        private static final int CHUNK = 1 << 22;

        private final Connection connection;
        private final RatingCopyRows rows;

        Copied(Connection c) throws SQLException {
            connection = c;
            try (Statement s = c.createStatement()) {
                // one update to a transaction (ScoringJobs), but should a caller ever rate two events in one, the
                // first one's rows are not the second's
                s.execute("drop table if exists pg_temp." + TABLE);
                // the rating table's column types, without its constraints (a row's history may be null here)
                s.execute("create temporary table " + TABLE + " on commit drop as select " + RatingRows.COLUMNS
                        + " from rating with no data");
            }
            rows = new RatingCopyRows(c, Runnable::run, TABLE, "", CHUNK);
        }

        @Override
        void add(long student, String category, RatingReplay.State state, String history) throws SQLException {
            rows.add(student, category, state, history);
        }

        @Override
        void write() throws SQLException {
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
                s.executeUpdate(merge(TABLE));
                // the rest of the transaction as it was
                for (String setting : settings) {
                    s.execute("set local " + setting + " to default");
                }
                if (lz4) {
                    s.execute("set local default_toast_compression to default");
                }
            }
        }

        @Override
        String table() {
            return TABLE;
        }

        @Override
        public void close() throws SQLException {
            rows.close();
        }
    }

    /** H2 (or any database): MERGE statements of values, a thousand rows each. */
    private static final class Merged extends UpdatedRatingRows {
        private record Row(long student, String category, RatingReplay.State state, String history) {}

        private final Connection connection;
        private final List<Row> rows = new ArrayList<>();

        Merged(Connection c) {
            connection = c;
        }

        @Override
        void add(long student, String category, RatingReplay.State state, String history) {
            rows.add(new Row(student, category, state, history));
        }

        @Override
        void write() throws SQLException {
            RatingRows.mergeAll(connection, rows, RatingRows::mergeRatings, (merge, p, row) -> {
                RatingRows.bind(merge, p, row.student(), row.category(), row.state(), row.history());
                return p + RatingRows.PARAMETERS;
            });
        }

        @Override
        String table() {
            return null;
        }
    }
}
