package org.talentpipeline.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.IdBlocks;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.platform.NotFound;

/**
 * A recruiter's saved searches, each with how many candidates match it who consented since the
 * recruiter last ran it. Running one moves that mark. A saved search is its owner's alone
 * (SAVED_SEARCH, OWN): another's is not found.
 */
@ApplicationScoped
@Transactional
public class SavedSearches {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Access access;

    @Inject
    CandidateSearch search;

    @Inject
    Clock clock;

    public record SavedSearch(long id, String name, CandidateQuery query, Instant lastRunAt, long newMatches) {
    }

    public SavedSearch save(String name, CandidateQuery query) {
        Grant grant = access.require(Operation.SAVED_SEARCH);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new BadInput("name", "is required (at most 100 characters)");
        }
        query.checked();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select count(*) from saved_search where username = ? and name = ?")) {
                s.setString(1, grant.username());
                s.setString(2, name.strip());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new Conflict("you already have a saved search named " + name.strip());
                    }
                }
            }
            long id = new IdBlocks(c, "saved_search_seq").next();
            Instant now = Instant.now(clock);
            try (PreparedStatement s = c.prepareStatement(
                    "insert into saved_search (id, username, name, query, last_run_at) values (?, ?, ?, ?, ?)")) {
                s.setLong(1, id);
                s.setString(2, grant.username());
                s.setString(3, name.strip());
                s.setString(4, encode(query));
                s.setTimestamp(5, Timestamp.from(now));
                s.executeUpdate();
            }
            return new SavedSearch(id, name.strip(), query, now, 0);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SavedSearch> mine() {
        Grant grant = access.require(Operation.SAVED_SEARCH);
        List<SavedSearch> saved = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id, name, query, last_run_at from saved_search where username = ? order by name")) {
            // OWN: the caller's own searches
            s.setString(1, grant.username());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    CandidateQuery query = decode(rs.getString(3));
                    Instant last = rs.getTimestamp(4).toInstant();
                    saved.add(new SavedSearch(rs.getLong(1), rs.getString(2), query, last, search.countNew(query, last, grant.caller().agencyCode())));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return saved;
    }

    /** Marks a saved search as run now and returns its query. */
    public CandidateQuery run(long id) {
        Grant grant = access.require(Operation.SAVED_SEARCH);
        try (Connection c = dataSource.getConnection()) {
            CandidateQuery query = decode(owned(c, grant, id));
            try (PreparedStatement s = c.prepareStatement("update saved_search set last_run_at = ? where id = ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now(clock)));
                s.setLong(2, id);
                s.executeUpdate();
            }
            return query;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void delete(long id) {
        Grant grant = access.require(Operation.SAVED_SEARCH);
        try (Connection c = dataSource.getConnection()) {
            owned(c, grant, id);
            try (PreparedStatement s = c.prepareStatement("delete from saved_search where id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The saved search's query text, when the grant reaches it (its owner's); otherwise not found. */
    private static String owned(Connection c, Grant grant, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select username, query from saved_search where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                String what = "saved search " + id;
                if (!rs.next()) {
                    throw new NotFound(what);
                }
                grant.check(Tenant.owner(rs.getString(1)), what);
                return rs.getString(2);
            }
        }
    }

    static String encode(CandidateQuery query) {
        return query.parameters().entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static CandidateQuery decode(String text) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return CandidateQuery.of(p);
    }
}
