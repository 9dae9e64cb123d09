package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import org.talentpipeline.platform.Jdbc;
import org.talentpipeline.platform.ReadReplica;

/**
 * The rating table's talent scores by rank, read where reads may lag (the replica, if there is
 * one): JDBC, as the recruiters' category filter asks it on every search, over a table of a row per
 * student and category (the candidate search's figures).
 */
@ApplicationScoped
public class ThresholdRows {

    @Inject
    ReadReplica reads;

    /** See {@link TalentThresholds#median}. */
    Double median(Collection<Long> students) {
        try (Connection c = reads.connect();
                PreparedStatement s = c.prepareStatement(
                        "select percentile_cont(0.5) within group (order by talent_score) from rating"
                                + " where category = '' and student_id = any(?)")) {
            s.setArray(1, Jdbc.ids(c, students));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getObject(1) != null ? rs.getDouble(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the students' median talent score could not be read", e);
        }
    }

    /**
     * The least talent score in a category that reaches this percentile, as {@link TalentThresholds}
     * counts it ({@link Percentile#leastScoreSql}); {@link Double#MAX_VALUE} when none is rated. Both reads on one connection.
     */
    double leastScore(String category, double percentile) {
        try (Connection c = reads.connect()) {
            long rated;
            try (PreparedStatement s = c.prepareStatement("select count(*) from rating where category = ?")) {
                s.setString(1, category);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    rated = rs.getLong(1);
                }
            }
            if (rated == 0) {
                return Double.MAX_VALUE;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select talent_score from rating where category = ?" + Percentile.leastScoreSql("talent_score"))) {
                s.setString(1, category);
                s.setLong(2, Percentile.leastScoreOffset(percentile, rated));
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getDouble(1) : Double.MAX_VALUE;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the talent scores at percentile " + percentile + " could not be read", e);
        }
    }
}
