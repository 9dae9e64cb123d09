package org.talentpipeline.identity;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.talentpipeline.platform.Migrations;

/**
 * The bearer token's check, which every API call makes: one indexed statement (the token's unique
 * hash, its user, enabled, and their roles) straight through JDBC. Through the persistence context it
 * cost an API search a sixth of its server time; what it reads is not cached, so a revoked token is
 * refused from the next call on.
 */
@ApplicationScoped
public class ApiTokenRows {

    static final String CALLER_BY_HASH = "select u.username, u.school_code, u.agency_code, r.role,"
            + " u.must_change_password from api_token t join app_user u on u.id = t.user_id"
            + " left join user_role r on r.user_id = u.id"
            + " where t.token_hash = ? and t.expires_at > ? and u.enabled = true";

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** The caller of the token whose SHA-256 is {@code hash}, while it lives at {@code now} and its user is enabled. */
    Optional<ApiTokens.Verified> callerByHash(String hash, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(CALLER_BY_HASH)) {
            s.setString(1, hash);
            s.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String username = rs.getString(1);
                String school = rs.getString(2);
                String agency = rs.getString(3);
                boolean mustChange = rs.getBoolean(5);
                Set<Role> roles = EnumSet.noneOf(Role.class);
                do {
                    String role = rs.getString(4);
                    if (role != null) {
                        roles.add(Role.valueOf(role));
                    }
                } while (rs.next());
                return Optional.of(new ApiTokens.Verified(new Caller(username, roles, school, agency), mustChange));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the token could not be checked", e);
        }
    }
}
