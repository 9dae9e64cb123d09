package org.talentpipeline.scoring;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.talentpipeline.platform.Jdbc;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.platform.ReadReplica;
import org.talentpipeline.scoring.engine.TalentFlags;

/**
 * The scoring area's own tables as its read side asks them ({@code rating}, {@code rated_event}):
 * statements and their rows only; the rules (the percentile, the flags, which students make a
 * group) stay with the services that call them ({@link Ratings}, {@link RatingFigures},
 * {@link ScoutingReports}). A school's students (a few thousand) come as their ids, asked of the
 * student area, and are read here by {@code student_id = any(?)}: one statement, on H2 and
 * PostgreSQL alike.
 *
 * <p>The figures by graduation cohort and by region need a join with the student area's tables that
 * ids cannot replace (a cohort or a region is tens of thousands to a good part of a million students,
 * too many to carry through the JVM on every report or figures page): {@link #regionBelow},
 * {@link #cohortBelow}, {@link #cohortGrowth} and {@link #overallByRegion} keep it, in one statement
 * each, and are the only statements of the area that name {@code student} or {@code school}. Decided
 * so for issue 21 item 3; their way out is a copy of each rated student's school, region and cohort
 * kept by this area from the student area's events, as the candidate search keeps its own.
 *
 * <p>A session bean, as {@link Ratings}, which asks it at start-up. The ratings' checks and figures
 * are read on the primary, in the caller's transaction; a report's on the replica where there is
 * one ({@link ReadReplica}), as reports tolerate its lag.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RatingReadRows {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    ReadReplica reads;

    /** Overall ratings, of some students ({@code ?} an array of their ids) or of all. */
    private static String overall(Collection<Long> students) {
        return " from rating r where r.category = ''" + (students == null ? "" : " and r.student_id = any(?)");
    }

    /** Binds the students' ids, where {@link #overall} has a parameter for them. */
    private static void bind(Connection c, PreparedStatement s, int index, Collection<Long> students)
            throws SQLException {
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
                PreparedStatement s = c.prepareStatement("select sc.region, count(*) from rating r"
                        + " join student st on st.id = r.student_id join school sc on sc.id = st.school_id"
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

    // a report's reads: where reads may lag

    /** One stored rating of a student, as the report reads it. */
    public record Stored(
            String category,
            double mu,
            double sigma,
            double score,
            int events,
            double growth,
            int recent,
            String history,
            String version) {}

    /** The counts a {@link Percentile} is made of: the group's rated with a lower score, and all its rated. */
    public record Counts(long lower, long rated) {}

    /** A student's stored ratings, overall and by category, in category order. */
    public List<Stored> ratingsOf(long student) {
        List<Stored> rows = new ArrayList<>();
        try (Connection c = reads.connect();
                PreparedStatement s = c.prepareStatement(
                        "select category, mu, sigma, talent_score, events, growth,"
                                + " recent_events, history, model_version from rating where student_id = ? order by category")) {
            s.setLong(1, student);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Stored(
                            rs.getString(1),
                            rs.getDouble(2),
                            rs.getDouble(3),
                            rs.getDouble(4),
                            rs.getInt(5),
                            rs.getDouble(6),
                            rs.getInt(7),
                            rs.getString(8),
                            rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The {@link Counts} of an overall talent score among these students' overall ratings (all, with null). */
    public Counts overallBelow(double score, Collection<Long> students) {
        return below(score, overall(students), (c, s) -> bind(c, s, 2, students));
    }

    /**
     * The {@link Counts} of an overall talent score among the overall ratings of a region's students.
     * A regional figure: joins the student area's tables (see the class's note), as a region's students
     * are tens of thousands to a few hundred thousand, too many to pass as ids on every report.
     */
    public Counts regionBelow(double score, String region) {
        return below(
                score,
                " from rating r join student st on st.id = r.student_id join school sc on sc.id = st.school_id"
                        + " where r.category = '' and sc.region = ?",
                (c, s) -> s.setString(2, region));
    }

    /**
     * The {@link Counts} of an overall talent score among the overall ratings of a graduation cohort,
     * the nation's. A national figure: joins the student area's table (see the class's note).
     */
    public Counts cohortBelow(double score, int graduationYear) {
        return below(
                score,
                " from rating r join student st on st.id = r.student_id"
                        + " where r.category = '' and st.expected_graduation_year = ?",
                (c, s) -> s.setInt(2, graduationYear));
    }

    /** What binds a group's parameter (the second: the first is the score). */
    private interface GroupParameter {
        void bind(Connection c, PreparedStatement s) throws SQLException;
    }

    /** The {@link Counts} of a score among the ratings {@code from} names ({@code r}, one parameter after the score). */
    private Counts below(double score, String from, GroupParameter group) {
        try (Connection c = reads.connect();
                PreparedStatement s =
                        c.prepareStatement("select " + Percentile.countsSql("r.talent_score", "?") + from)) {
            s.setDouble(1, score);
            group.bind(c, s);
            return counts(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The growth of a graduation cohort's overall ratings with at least {@code recentEvents} recent
     * events: mean, sample deviation and count. A national figure: joins the student area's table
     * (see the class's note).
     */
    public TalentFlags.CohortGrowth cohortGrowth(int recentEvents, int graduationYear) {
        try (Connection c = reads.connect();
                PreparedStatement s =
                        c.prepareStatement("select avg(r.growth), stddev_samp(r.growth), count(*) from rating r"
                                + " join student st on st.id = r.student_id where r.category = '' and r.recent_events >= ?"
                                + " and st.expected_graduation_year = ?")) {
            s.setInt(1, recentEvents);
            s.setInt(2, graduationYear);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new TalentFlags.CohortGrowth(rs.getDouble(1), rs.getDouble(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@link Counts} of a student's score in each of their skill categories, in one pass over those categories. */
    public Map<String, Counts> categoryBelow(long student) {
        Map<String, Counts> counts = new HashMap<>();
        try (Connection c = reads.connect();
                PreparedStatement s = c.prepareStatement(
                        "select own.category, " + Percentile.countsSql("r.talent_score", "own.talent_score")
                                + " from rating own join rating r on r.category = own.category"
                                + " where own.student_id = ? and own.category <> '' group by own.category")) {
            s.setLong(1, student);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /**
     * The field kept with each of these events when it was rated (an encoded
     * {@link org.talentpipeline.scoring.engine.FieldSummary}), by event id: null where none was kept,
     * absent for an event not rated.
     */
    public Map<Long, String> fields(Collection<Long> events) {
        Map<Long, String> fields = new HashMap<>();
        if (events.isEmpty()) {
            return fields;
        }
        String ids = events.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (Connection c = reads.connect();
                PreparedStatement s =
                        c.prepareStatement("select event_id, field from rated_event where event_id in (" + ids + ")");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                fields.put(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return fields;
    }

    private static Counts counts(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2));
        }
    }
}
