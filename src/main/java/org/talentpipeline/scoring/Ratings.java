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
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.scoring.engine.SkillCategories;

/**
 * The stored ratings' state. They are defined as the replay of every event's results in event order
 * (start date, then code) with the current {@link ScoringSettings}; two ways of writing them keep to
 * that definition:
 * <ul>
 * <li>{@link RatingUpdate}: a newly posted event that comes after every event of each of its
 * entrants is rated on top of its entrants' stored states (what the replay would do next), in
 * milliseconds;</li>
 * <li>{@link RatingRecompute}: the replay from scratch, for anything else (results re-posted, an
 * event dated before others its entrants took part in, new settings).</li>
 * </ul>
 * Both run {@link org.talentpipeline.scoring.engine.RatingReplay} on the results competition reads
 * for them ({@link org.talentpipeline.competition.ResultRows}, without what an appeal excluded:
 * {@link RatedResults}) and write the same rows ({@link RatingRows}); a student's state is stored
 * exactly (doubles), so the two agree to the last bit.
 *
 * <p>Session beans, not CDI beans, as the whole scoring write path: results posted while the demo
 * data is seeded reach the observer outside any component invocation, where Payara neither injects
 * nor looks up {@code java:app} resources into CDI beans; session beans always get them.
 */
@Stateless
public class Ratings {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /**
     * Whether some rating was computed with settings other than those in force: after an upgrade
     * that brings a new settings version, which a full recompute applies to every rating.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean outdated() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select exists (select 1 from rating where model_version <> ?)")) {
            s.setString(1, RatingRows.SETTINGS.version());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether results are stored but no ratings: after the upgrade that replaced the rating tables. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean missing() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select exists (select 1 from rated_event), exists (select 1 from result)")) {
            rs.next();
            return !rs.getBoolean(1) && rs.getBoolean(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical categories: the built-in table with the ADMIN's synonyms and work roles. */
    static SkillCategories skillCategories(Connection c) throws SQLException {
        Map<String, String> synonyms = new HashMap<>();
        Map<String, String> roles = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select spelling, category, work_role from category_synonym")) {
            while (rs.next()) {
                synonyms.put(rs.getString(1), rs.getString(2));
                if (rs.getString(3) != null) {
                    roles.put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return new SkillCategories(synonyms, roles);
    }
}
