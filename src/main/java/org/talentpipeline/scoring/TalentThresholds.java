package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.talentpipeline.platform.ReadReplica;

/**
 * Talent scores at a percentile, counted as {@link Percentile#leastScore} counts them: the least
 * score that reaches it. Used by the recruiters'
 * category filter and by the top-1% figure of a school's certification evidence, both of which
 * read where reads may lag (the replica, if there is one).
 */
@ApplicationScoped
public class TalentThresholds {

    /** The overall rating's category. */
    public static final String OVERALL = "";

    @Inject
    ReadReplica reads;

    /**
     * The least talent score in a category that reaches this percentile (from 0 to 100); {@link Double#MAX_VALUE}
     * when none is rated.
     */
    public double leastScore(String category, double percentile) {
        try (Connection c = reads.connect()) {
            return leastScore(c, category, percentile);
        } catch (SQLException e) {
            throw new IllegalStateException("the talent scores at percentile " + percentile + " could not be read", e);
        }
    }

    private static double leastScore(Connection c, String category, double percentile) throws SQLException {
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
    }
}
