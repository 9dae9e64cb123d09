package org.talentpipeline.scoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executor;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * Where a full recompute's rows go: into {@code rating_next} by batched inserts, or on PostgreSQL
 * by COPY ({@link RatingCopyRows}, several times faster for millions of rows).
 */
abstract class NextRatingRows implements AutoCloseable {

    static NextRatingRows of(Connection c, Executor executor) throws SQLException {
        return RatingRows.postgres(c) ? new RatingCopyRows(c, executor) : new Batch(c);
    }

    abstract void add(long student, String category, RatingReplay.State state, String history) throws SQLException;

    /** A point where the rows so far may be sent and committed. */
    abstract void checkpoint() throws SQLException;

    /** Sends the last rows and commits. */
    abstract void finish() throws SQLException;

    @Override
    public void close() throws SQLException {}

    /** Batched inserts, as H2 takes them. */
    private static final class Batch extends NextRatingRows {
        private static final int BATCH = 2_000;
        private final PreparedStatement insert;
        private final Connection connection;
        private int batched;

        Batch(Connection c) throws SQLException {
            connection = c;
            insert = RatingRows.insertRating(c, "rating_next");
        }

        @Override
        void add(long student, String category, RatingReplay.State state, String history) throws SQLException {
            RatingRows.bind(insert, 1, student, category, state, history);
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
}
