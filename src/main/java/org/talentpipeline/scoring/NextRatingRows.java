package org.talentpipeline.scoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executor;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * Where a full recompute's rows go: into {@code rating_next} by batched inserts, or on PostgreSQL
 * by COPY ({@link RatingCopyRows}, several times faster for millions of rows). A failure is an
 * {@link IllegalStateException}, as the recompute's.
 */
abstract class NextRatingRows implements AutoCloseable {

    static NextRatingRows of(Connection c, Executor executor) throws SQLException {
        return RatingRows.postgres(c) ? new RatingCopyRows(c, executor) : new Batch(c);
    }

    /** What a recompute's failure says, here and in {@link RecomputeRows}. */
    static final String FAILED = "the ratings could not be recomputed";

    abstract void add(long student, String category, RatingReplay.State state, String history);

    /** A point where the rows so far may be sent and committed. */
    abstract void checkpoint();

    /** Sends the last rows and commits. */
    abstract void finish();

    @Override
    public void close() {}

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
        void add(long student, String category, RatingReplay.State state, String history) {
            try {
                RatingRows.bind(insert, 1, student, category, state, history);
                insert.addBatch();
                if (++batched >= BATCH) {
                    insert.executeBatch();
                    batched = 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(FAILED, e);
            }
        }

        /** H2 keeps a transaction's changes in memory: commit every few hundred thousand rows. */
        @Override
        void checkpoint() {
            try {
                insert.executeBatch();
                batched = 0;
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(FAILED, e);
            }
        }

        @Override
        void finish() {
            checkpoint();
        }

        @Override
        public void close() {
            try {
                insert.close();
            } catch (SQLException e) {
                throw new IllegalStateException(FAILED, e);
            }
        }
    }
}
