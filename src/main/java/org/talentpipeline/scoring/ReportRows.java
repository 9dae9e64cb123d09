package org.talentpipeline.scoring;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.talentpipeline.platform.ReadReplica;
import org.talentpipeline.scoring.engine.TalentFlags;

/**
 * A scouting report's reads of the scoring area's tables ({@code rating}, {@code rated_event}), where
 * reads may lag (the replica, if there is one: {@link ReadReplica}), as reports tolerate its lag: the
 * student's ratings, the counts their percentiles are made of, the cohort's growth, the fields kept
 * with the events. The standing in a region or a graduation cohort joins the student area's tables,
 * as {@link RatingReadRows}' note says.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReportRows {

    @Inject
    ReadReplica reads;

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
        return below(score, RatingReadRows.overall(students), (c, s) -> RatingReadRows.bind(c, s, 2, students));
    }

    /**
     * The {@link Counts} of an overall talent score among the overall ratings of a region's students.
     * A regional figure: joins the student area's tables (see {@link RatingReadRows}' note), as a region's students
     * are tens of thousands to a few hundred thousand, too many to pass as ids on every report.
     */
    public Counts regionBelow(double score, String region) {
        return below(
                score,
                RatingReadRows.RATED_STUDENTS_AND_SCHOOLS + " where r.category = '' and sc.region = ?",
                (c, s) -> s.setString(2, region));
    }

    /**
     * The {@link Counts} of an overall talent score among the overall ratings of a graduation cohort,
     * the nation's. A national figure: joins the student area's table (see {@link RatingReadRows}' note).
     */
    public Counts cohortBelow(double score, int graduationYear) {
        return below(
                score,
                RatingReadRows.RATED_STUDENTS + " where r.category = '' and st.expected_graduation_year = ?",
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
     * (see {@link RatingReadRows}' note).
     */
    public TalentFlags.CohortGrowth cohortGrowth(int recentEvents, int graduationYear) {
        try (Connection c = reads.connect();
                PreparedStatement s = c.prepareStatement("select avg(r.growth), stddev_samp(r.growth), count(*)"
                        + RatingReadRows.RATED_STUDENTS + " where r.category = '' and r.recent_events >= ?"
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
