package org.talentpipeline.scoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.talentpipeline.scoring.engine.SkillCategories;

/**
 * The one connection a rating job (the update of an event, the full recompute) holds from its start
 * to its end, and the reads both jobs make on it: the skill categories ({@link CategorySynonymRows})
 * and the results an appeal excluded ({@code result_exclusion}). A failure is an
 * {@link IllegalStateException} with the job's message, the {@link SQLException} its cause.
 */
abstract class RatingJobRows implements AutoCloseable {

    final Connection connection;
    final String failure;

    RatingJobRows(DataSource dataSource, String failure) {
        this.failure = failure;
        try {
            this.connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    /** Statements on the held connection. */
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /** Runs {@code work} on the held connection, a failure as the job's. */
    final <T> T run(Work<T> work) {
        try {
            return work.on(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    final IllegalStateException failed(SQLException e) {
        return new IllegalStateException(failure, e);
    }

    /** As {@link CategorySynonymRows#skillCategories}, on this connection. */
    final SkillCategories skillCategories() {
        return run(CategorySynonymRows::skillCategories);
    }

    /** The results of these (of every result, with null) an appeal excluded: {@link RatingRows#exclusions}. */
    final Map<Long, Set<Long>> exclusions(List<Long> results) {
        return run(c -> RatingRows.exclusions(c, results));
    }

    @Override
    public void close() {
        run(c -> {
            c.close();
            return null;
        });
    }
}
