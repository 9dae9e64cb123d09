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
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;

/**
 * The scoring area's own tables as its read side asks them ({@code rating}, {@code rated_event}):
 * statements and their rows only; the rules stay with the services that call them ({@link Ratings}).
 *
 * <p>A session bean, as {@link Ratings}, which asks it at start-up.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RatingReadRows {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

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
}
