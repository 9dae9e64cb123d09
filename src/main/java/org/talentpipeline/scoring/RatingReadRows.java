package org.talentpipeline.scoring;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.talentpipeline.platform.Jdbc;
import org.talentpipeline.platform.Migrations;

/**
 * The scoring area's own tables as its services ask them ({@code rating}, {@code rated_event}):
 * whether anything is rated or rated by other settings ({@link Ratings}, at start-up) and the
 * figures ({@link RatingFigures}); a scouting report's reads are {@link ReportRows}'. Statements and
 * their rows only; the rules (the percentile, the flags, which students make a group) stay with the
 * services that call them. A school's students (a few thousand) come as their ids, asked of the
 * student area, and are read here by {@code student_id = any(?)}: one statement, on H2 and
 * PostgreSQL alike.
 *
 * <p>The national count by region needs a join with the student area's tables that ids cannot
 * replace (a region is tens of thousands to a good part of a million students, too many to carry
 * through the JVM on every figures page): {@link #overallByRegion} keeps it, in one statement, as
 * {@link ReportRows}' standing in a region or a graduation cohort does. They are the area's only
 * statements that name {@code student} or {@code school} (with the national analytics,
 * {@link AnalyticsRows}). Decided so for issue 21 item 3; their way out is a copy of each rated
 * student's school, region and cohort kept by this area from the student area's events, as the
 * candidate search keeps its own.
 *
 * <p>A session bean, as {@link Ratings}, which asks it at start-up; read on the primary, in the
 * caller's transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RatingReadRows {

    /**
     * Ratings ({@code r}) with their student ({@code st}): the join with the student area's table that
     * the regional and cohort figures keep (see the class's note), written here only.
     */
    static final String RATED_STUDENTS = " from rating r join student st on st.id = r.student_id";

    /** {@link #RATED_STUDENTS} with each student's school ({@code sc}). */
    static final String RATED_STUDENTS_AND_SCHOOLS = RATED_STUDENTS + " join school sc on sc.id = st.school_id";

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** Overall ratings, of some students ({@code ?} an array of their ids) or of all. */
    static String overall(Collection<Long> students) {
        return " from rating r where r.category = ''" + (students == null ? "" : " and r.student_id = any(?)");
    }

    /** Binds the students' ids, where {@link #overall} has a parameter for them. */
    static void bind(Connection c, PreparedStatement s, int index, Collection<Long> students) throws SQLException {
        if (students != null) {
            s.setArray(index, Jdbc.ids(c, students));
        }
    }

    /** Whether some rating was computed with settings of another version than {@code version}. */
    public boolean anyOtherVersion(String version) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select exists (select 1 from rating where model_version <> ?)")) {
            s.setString(1, version);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether some event is marked rated. */
    public boolean anyEventRated() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select exists (select 1 from rated_event)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // figures: on the primary, in the caller's transaction

    /** A student's overall rating as the figures list it. */
    public record Overall(long student, double talentScore, int events) {}

    /** How many of these students (of all, with null) have an overall rating. */
    public long overallRated(Collection<Long> students) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*)" + overall(students))) {
            bind(c, s, 1, students);
            return Jdbc.count(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** These students' overall ratings, the best talent score first (then by student id), at most {@code max}. */
    public List<Overall> best(Collection<Long> students, int max) {
        List<Overall> best = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select r.student_id, r.talent_score, r.events"
                        + overall(students) + " order by r.talent_score desc, r.student_id")) {
            bind(c, s, 1, students);
            s.setMaxRows(max);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    best.add(new Overall(rs.getLong(1), rs.getDouble(2), rs.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return best;
    }

    /**
     * These students' (all, with null) overall talent scores counted by bars {@code width} points
     * wide, in score order: each bar by its least score.
     */
    public List<RatingFigures.Bucket> distribution(Collection<Long> students, int width) {
        List<RatingFigures.Bucket> buckets = new ArrayList<>();
        String bucket = "floor(r.talent_score / " + width + ")";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + bucket + ", count(*)" + overall(students)
                        + " group by " + bucket + " order by " + bucket)) {
            bind(c, s, 1, students);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    buckets.add(new RatingFigures.Bucket(rs.getInt(1) * width, rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return buckets;
    }

    /**
     * The students with an overall rating by their school's region, the most first (then by name).
     * A national figure: joins the student area's tables (see the class's note).
     */
    public List<RatingFigures.Count> overallByRegion() {
        List<RatingFigures.Count> byRegion = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select sc.region, count(*)" + RATED_STUDENTS_AND_SCHOOLS
                        + " where r.category = '' group by sc.region order by count(*) desc, sc.region");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                byRegion.add(new RatingFigures.Count(rs.getString(1), rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return byRegion;
    }
}
