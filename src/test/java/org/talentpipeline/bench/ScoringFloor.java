package org.talentpipeline.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * The floor under the scoring figures: the bare PostgreSQL doing the same I/O as the product on the
 * same data, through plain JDBC, so that each figure is printed beside it (issue 25).
 * <ul>
 * <li>Under the full recompute: every result read in rating order with its members and category
 * points (COPY out, discarded), the rating table written again (COPY in of the same rows into a bare
 * table), then its key, score index, foreign key and statistics, and the candidate table likewise.
 * The product's replay and its JVM work come on top of this.</li>
 * <li>Under the update: the entrants' rating rows read (overall and the event's categories), and
 * one MERGE writing the same rows back.</li>
 * </ul>
 * Scratch tables are named {@code *_floor} and dropped again.
 */
final class ScoringFloor {

    /** The recompute's floor, in seconds per phase. */
    record Recompute(double read, double write, double index) {
        double total() {
            return read + write + index;
        }
    }

    /** The update's floor, in seconds: the states read and the MERGE. */
    record Update(int rows, double read, double merge) {}

    private ScoringFloor() {}

    static Recompute recompute(Connection c) throws SQLException, IOException {
        CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
        long started = System.nanoTime();
        copy.copyOut(
                "copy (select e.start_date, e.code, r.id, r.place, r.student_id, tm.student_id, tm.points"
                        + " from result r join competition_event e on e.id = r.event_id"
                        + " left join team_member tm on tm.team_id = r.team_id and tm.event_id = r.event_id"
                        + " order by e.start_date, e.code, r.place, r.id, tm.student_id) to stdout",
                OutputStream.nullOutputStream());
        copy.copyOut(
                "copy (select result_id, category, points from result_category) to stdout",
                OutputStream.nullOutputStream());
        long read = System.nanoTime();
        // the rows the product writes, taken before the clock runs again
        ByteArrayOutputStream ratings = new ByteArrayOutputStream(1 << 24);
        copy.copyOut("copy rating to stdout (format binary)", ratings);
        try (Statement s = c.createStatement()) {
            s.execute("drop table if exists rating_floor");
            s.execute("drop table if exists candidate_floor");
            long writing = System.nanoTime();
            c.setAutoCommit(false);
            s.execute("create table rating_floor (like rating including defaults)");
            copy.copyIn(
                    "copy rating_floor from stdin (format binary)", new ByteArrayInputStream(ratings.toByteArray()));
            c.commit();
            long written = System.nanoTime();
            s.execute("set local maintenance_work_mem = '512MB'");
            s.execute("alter table rating_floor add primary key (student_id, category)");
            s.execute("create index rating_floor_score_ix on rating_floor (category, talent_score, student_id)");
            s.execute(
                    "alter table rating_floor add foreign key (student_id) references student (id) on delete cascade");
            s.execute("analyze rating_floor");
            s.execute("create table candidate_floor (like candidate including defaults)");
            s.execute("insert into candidate_floor select * from candidate");
            s.execute("alter table candidate_floor add primary key (student_id)");
            s.execute("create index candidate_floor_region_ix on candidate_floor"
                    + " (region, talent_score desc, student_id, consent_to_share, graduation_year, all_agencies)");
            s.execute("create index candidate_floor_year_ix on candidate_floor"
                    + " (region, graduation_year, consent_to_share)");
            s.execute(
                    "alter table candidate_floor add foreign key (student_id) references student (id) on delete cascade");
            s.execute("analyze candidate_floor");
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum candidate_floor");
            long indexed = System.nanoTime();
            s.execute("drop table rating_floor");
            s.execute("drop table candidate_floor");
            return new Recompute((read - started) / 1e9, (written - writing) / 1e9, (indexed - written) / 1e9);
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Reads and merges back the rating rows of these students in these categories (the update's I/O). */
    static Update update(Connection c, List<Long> students, List<String> categories) throws SQLException {
        String rows =
                "student_id in " + students.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"))
                        + " and category in "
                        + categories.stream().map(k -> "'" + k + "'").collect(Collectors.joining(",", "(", ")"));
        int count = 0;
        long started = System.nanoTime();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select student_id, category, mu, sigma, last_event_id, last_event_on,"
                        + " events, history from rating where " + rows)) {
            while (rs.next()) {
                rs.getLong(1);
                rs.getString(2);
                rs.getDouble(3);
                rs.getDouble(4);
                rs.getLong(5);
                rs.getDate(6);
                rs.getInt(7);
                rs.getString(8);
                count++;
            }
        }
        long read = System.nanoTime();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("merge into rating t using (select * from rating where " + rows + ") v"
                    + " on t.student_id = v.student_id and t.category = v.category when matched then update set"
                    + " mu = v.mu, sigma = v.sigma, talent_score = v.talent_score, events = v.events,"
                    + " last_event_id = v.last_event_id, last_event_on = v.last_event_on, growth = v.growth,"
                    + " recent_events = v.recent_events, history = v.history, model_version = v.model_version");
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        long merged = System.nanoTime();
        return new Update(count, (read - started) / 1e9, (merged - read) / 1e9);
    }

    static String describe(Recompute floor) {
        return String.format(
                Locale.ROOT,
                "%.1f s (reading every result in order %.1f, writing the rating table %.1f,"
                        + " its indexes and the candidate table %.1f)",
                floor.total(),
                floor.read(),
                floor.write(),
                floor.index());
    }
}
