package org.talentpipeline.scoring;

import java.sql.Connection;
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
 * then one {@code INSERT ... ON CONFLICT} from it. That write is about the cost of one MERGE of the
 * rows: the value lists were statements of 12,000 parameters to parse and plan, two to three times
 * the MERGE. ON CONFLICT rather than a MERGE from the scratch table: each row is found by the key
 * index whatever the planner thinks of a table without statistics (a MERGE from it hashed the
 * whole rating table). The scratch table is dropped at the end of the transaction, so a failed
 * update leaves nothing of it.
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
    static String upsert(String table) {
        StringBuilder sql = new StringBuilder("insert into rating (")
                .append(RatingRows.COLUMNS)
                .append(") select ")
                .append(RatingRows.COLUMNS)
                .append(" from ")
                .append(table)
                .append(" on conflict (student_id, category) do update set ");
        for (int i = 2; i < RatingRows.PARAMETERS; i++) {
            String column = RatingRows.COLUMN_NAMES[i];
            sql.append(i == 2 ? "" : ", ").append(column).append(" = ");
            if ("history".equals(column)) {
                // as RatingRows.mergeRatings: entries separated by ';', as HistoryEntry.parse reads them
                sql.append("case when excluded.history is null then rating.history when rating.history is null"
                        + " or rating.history = '' then excluded.history else rating.history || ';' ||"
                        + " excluded.history end");
            } else {
                sql.append("excluded.").append(column);
            }
        }
        return sql.toString();
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
                s.executeUpdate(upsert(TABLE));
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
