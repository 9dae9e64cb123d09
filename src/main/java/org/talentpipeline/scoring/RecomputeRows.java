package org.talentpipeline.scoring;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.platform.NextTables;

/**
 * The full recompute's statements ({@link RatingRecompute}), on the one connection it holds for the
 * recompute: the skill categories ({@link CategorySynonymRows}) and the results an appeal excluded
 * ({@code result_exclusion}) it replays with; {@code rating_next}, created empty for its rows
 * ({@link NextRatingRows}), then indexed and swapped in for {@code rating}; and every event marked
 * rated afresh ({@code rated_event}). A failure is an {@link IllegalStateException}, as the
 * recompute's.
 */
final class RecomputeRows extends RatingJobRows {

    private boolean postgres;

    private RecomputeRows(DataSource dataSource) {
        super(dataSource, NextRatingRows.FAILED);
    }

    /** A connection of {@code dataSource} for the recompute, until closed. */
    static RecomputeRows open(DataSource dataSource) {
        return new RecomputeRows(dataSource);
    }

    /** Every result an appeal excluded. */
    Map<Long, Set<Long>> exclusions() {
        return exclusions(null);
    }

    /**
     * Turns autocommit off: from here the rows commit where {@link NextRatingRows} says, and the swap
     * where {@link #swap} does. On PostgreSQL the table and its rows are one transaction, which COPY's
     * FREEZE needs.
     */
    void begin() {
        run(c -> {
            c.setAutoCommit(false);
            return null;
        });
    }

    /**
     * An empty {@code rating_next} ({@link NextTables#create}: on PostgreSQL with the NOT NULL constraints,
     * on H2 without, added once it is filled) and where its rows go.
     */
    NextRatingRows createNext(Executor executor) {
        try {
            postgres = RatingRows.postgres(connection);
            try (Statement s = connection.createStatement()) {
                NextTables.create(s, "rating", postgres);
            }
            return NextRatingRows.of(connection, executor);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Indexes the filled {@code rating_next} and swaps it in for the table in force; marks every event rated with the
     * field it met. Two commits: the indexes ({@code indexed} runs after it), then the swap; autocommit on again
     * afterwards, whatever happens.
     */
    void swap(List<ResultRows.RatedEvent> events, String[] fields, Runnable indexed) {
        try {
            try (Statement s = connection.createStatement()) {
                if (postgres) {
                    // the indexes over millions of rows sort in memory instead of in temporary files
                    s.execute("set local maintenance_work_mem = '512MB'");
                }
                // every column but the explanation, which only the overall row has
                NextTables.notNull(
                        s,
                        postgres,
                        "rating_next",
                        Arrays.stream(RatingRows.COLUMN_NAMES)
                                .filter(column -> !"history".equals(column))
                                .toArray(String[]::new));
                s.execute("alter table rating_next add primary key (student_id, category)");
                s.execute("create index rating_next_score_ix on rating_next (category, talent_score, student_id)");
                s.execute(
                        "alter table rating_next add foreign key (student_id) references student (id) on delete cascade");
                if (postgres) {
                    // a new table has no statistics: without them the planner scans it for one event's entrants
                    s.execute("analyze rating_next");
                }
                connection.commit();
                indexed.run();
                s.execute("drop table rating");
                s.execute("alter table rating_next rename to rating");
                s.execute("alter index rating_next_score_ix rename to rating_score_ix");
                s.executeUpdate("delete from rated_event");
                RatingRows.markRated(
                        connection,
                        events.stream().map(ResultRows.RatedEvent::id).toList(),
                        fields);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }
}
