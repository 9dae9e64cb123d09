package org.talentpipeline.search;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.platform.NextTables;
import org.talentpipeline.school.SchoolMoved;
import org.talentpipeline.scoring.RatingsWritten;
import org.talentpipeline.student.StudentErased;
import org.talentpipeline.student.StudentsChanged;

/**
 * The candidate table (V11), the search's read model, and its only writer: each rated student's
 * overall talent score beside their school's region, their consent (and whether it covers every
 * agency the school approves) and their graduation year, for the search within a region. It is
 * fed by the events the owners of what it copies fire inside their transactions (ratings written,
 * students changed or erased, a school moved), so the copy commits or rolls back with the change.
 * Set-based SQL over the copied records: a projection kept by statements, not rows loaded one by one.
 * The search reads each listed student's consent from the student's own row again, so a row a moment
 * behind never lists anyone.
 *
 * <p>A session bean, as the scoring write path that fires into it: results posted while the demo
 * data is seeded reach the observers outside any component invocation, where Payara injects no
 * {@code java:app} resources into CDI beans. Each observer joins the firing transaction where there is
 * one ({@code SUPPORTS}): the connection it takes is then the firing one's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CandidateStore {

    /** Its columns: the student, what is copied from their records, and the score. */
    static final String[] COLUMNS = {
        "student_id", "region", "consent_to_share", "graduation_year", "all_agencies", "talent_score"
    };
    /** Its search index's columns (V11's {@code candidate_region_ix}), in the search's order. */
    static final String INDEXED =
            "region, talent_score desc, student_id, consent_to_share, graduation_year, all_agencies";
    /** The index that tells whether a region has consenting candidates of some graduation years (V45). */
    static final String YEARS = "region, graduation_year, consent_to_share";
    /** The student's records the copied columns come from. */
    static final String RECORDS = "student st join school sc on sc.id = st.school_id";
    /** The copied columns' values in {@link #RECORDS}, in {@link #COLUMNS}' order. */
    static final String COPIED =
            "sc.region, st.consent_to_share, st.expected_graduation_year as graduation_year," + " st.all_agencies";
    /** Rows per merge statement: one statement's parameters stay far below both databases' limits. */
    private static final int MERGED = 1_000;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** A student's records changed: their row follows. */
    public void studentsChanged(@Observes StudentsChanged changed) {
        if (changed.studentId() != null) {
            update(follow("student_id = ?"), changed.studentId());
        } else {
            update(follow("student_id in (" + changed.updatedIds() + ")"));
        }
    }

    /** The copy of its students' region moves with the school. */
    public void schoolMoved(@Observes SchoolMoved moved) {
        update(follow("student_id in (select id from student where school_id = ?)"), moved.schoolId());
    }

    /** An erased student is listed no more. */
    public void studentErased(@Observes StudentErased erased) {
        update("delete from candidate where student_id = ?", erased.studentId());
    }

    /** New overall scores: written into the rows, or the table rebuilt from every overall rating. */
    public void ratingsWritten(@Observes RatingsWritten written) {
        try (Connection c = dataSource.getConnection()) {
            if (written.all()) {
                rebuild(c);
            } else if (written.table() != null) {
                mergeFrom(c, written.table());
            } else {
                merge(c, written.talentScores());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the candidate search's table could not be written", e);
        }
    }

    /** The copied columns' values for the student whose id is the SQL expression {@code id}, one subquery each. */
    static String copiedOf(String id) {
        return "(select sc.region from " + RECORDS + " where st.id = " + id
                + "), (select st.consent_to_share from student st"
                + " where st.id = " + id + "), (select st.expected_graduation_year from student st where st.id = " + id
                + "),"
                + " (select st.all_agencies from student st where st.id = " + id + ")";
    }

    /**
     * An update bringing the rows of the students {@code condition} selects (on
     * {@code candidate.student_id}) in line with their records; rows already in line are not
     * written (on H2 a write in place is slow, and an import of unchanged students should not pay).
     * Run after the records' change, in its transaction (a JPA change flushed first).
     */
    static String follow(String condition) {
        return "update candidate set (region, consent_to_share, graduation_year, all_agencies) = (select " + COPIED
                + " from "
                + RECORDS + " where st.id = candidate.student_id) where " + condition + " and exists (select 1 from "
                + RECORDS
                + " where st.id = candidate.student_id and (sc.region <> candidate.region"
                + " or st.consent_to_share <> candidate.consent_to_share or st.all_agencies <> candidate.all_agencies"
                + " or st.expected_graduation_year <> candidate.graduation_year))";
    }

    /**
     * Updates or adds rows by student, from (student id, talent score) pairs. A row there has only
     * its score changed: a student's records change in transactions of their own, which update the
     * row ({@link #follow}); only a student rated for the first time has their records read (looking
     * them up for every entrant read thousands of student rows, 0.26 s of a 5,000-entrant update).
     * The rating write locked a newcomer's student and school rows first, so a change to them under
     * way either committed before this copy or waits and then finds the copy to bring in line. From
     * the values, not by reading the ratings back: for thousands of listed students the planner chose
     * to scan both tables whole (0.9 s). In key order, the order the rows lie in.
     */
    private static void merge(Connection c, Map<Long, Double> scores) throws SQLException {
        List<Long> students = new ArrayList<>(scores.keySet());
        students.sort(null);
        for (int from = 0; from < students.size(); from += MERGED) {
            List<Long> part = students.subList(from, Math.min(students.size(), from + MERGED));
            try (PreparedStatement s = c.prepareStatement(mergeScores(part.size()))) {
                int p = 1;
                for (long student : part) {
                    s.setLong(p++, student);
                    s.setDouble(p++, scores.get(student));
                }
                s.executeUpdate();
            }
        }
    }

    /**
     * As {@link #merge}, the scores taken from the overall rows of the scoring's table of this
     * transaction (its update's scratch table on PostgreSQL, {@link RatingsWritten#table()}), in one
     * statement: neither sent again nor parsed as 10,000 parameters. The table has no statistics,
     * so the planner takes it for a few rows and finds each candidate by its key.
     */
    private static void mergeFrom(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(mergeScoresFrom(table));
        }
    }

    static String mergeScoresFrom(String table) {
        return "merge into candidate t using (select student_id, talent_score from " + table + " where category = '')"
                + " v on t.student_id = v.student_id when matched then update set talent_score = v.talent_score"
                + " when not matched then insert (" + String.join(", ", COLUMNS) + ") values (v.student_id, "
                + copiedOf("v.student_id") + ", v.talent_score)";
    }

    private static String mergeScores(int rows) {
        return "merge into candidate t using (values (cast(? as bigint), cast(? as double precision))"
                + ", (?, ?)".repeat(rows - 1) + ") as v (student_id, talent_score) on t.student_id = v.student_id"
                + " when matched then update set talent_score = v.talent_score when not matched then insert ("
                + String.join(", ", COLUMNS) + ") values (v.student_id, " + copiedOf("v.student_id")
                + ", v.talent_score)";
    }

    /**
     * The table from every overall rating, after a full recompute: filled bare beside the old one,
     * indexed, then swapped in (outside any container transaction, as the swap is DDL; on PostgreSQL
     * the swap is one transaction).
     */
    private static void rebuild(Connection c) throws SQLException {
        boolean postgres = NextTables.postgres(c);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            NextTables.create(s, "candidate", postgres);
            s.executeUpdate("insert into candidate_next (" + String.join(", ", COLUMNS) + ") select r.student_id, "
                    + COPIED + ", r.talent_score from rating r join " + RECORDS
                    + " on st.id = r.student_id where r.category = ''");
            NextTables.notNull(s, postgres, "candidate_next", COLUMNS);
            s.execute("alter table candidate_next add primary key (student_id)");
            s.execute("create index candidate_next_region_ix on candidate_next (" + INDEXED + ")");
            s.execute("create index candidate_next_year_ix on candidate_next (" + YEARS + ")");
            s.execute(
                    "alter table candidate_next add foreign key (student_id) references student (id) on delete cascade");
            if (postgres) {
                // a new table has no statistics: without them the planner scans it for one event's entrants
                s.execute("analyze candidate_next");
            }
            c.commit();
            s.execute("drop table candidate");
            s.execute("alter table candidate_next rename to candidate");
            s.execute("alter index candidate_next_region_ix rename to candidate_region_ix");
            s.execute("alter index candidate_next_year_ix rename to candidate_year_ix");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        if (postgres) {
            // the rows were inserted, not copied frozen: a vacuum sets the visibility map, so the search's walks and
            // counts read its index alone from now on, not a table page per entry (under 0.2 s)
            try (Statement s = c.createStatement()) {
                s.execute("vacuum candidate");
            }
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the candidate search's table could not be written", e);
        }
    }
}
