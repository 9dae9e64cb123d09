package org.talentpipeline.competition;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.talentpipeline.platform.IdBlocks;
import org.talentpipeline.platform.Migrations;

/**
 * An event's results written all at once, in place of its earlier ones: the teams a file defines,
 * their members, the results and their category points, in JDBC batches. JDBC, not JPA: a field of
 * thousands of entrants is a measured path (a results post), and it stays one set of batches. In the
 * caller's transaction ({@link ResultService}'s).
 */
@ApplicationScoped
public class ResultStore {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /**
     * Replaces the event's results with {@code standings}, every competitor matched, and stamps who
     * stored them and when. With {@code members}, returns each competitor as stored with the ids of its
     * students (a student's entry: the student; a team: its members), read on the same connection;
     * otherwise an empty map.
     */
    Map<String, List<Long>> replace(
            Event event, List<Standing> standings, ResultService.Matching m, String storedBy, boolean members) {
        try (Connection c = dataSource.getConnection()) {
            store(c, event, standings, m);
            try (PreparedStatement stamp = c.prepareStatement(
                    "update competition_event set results_stored_at = ?, results_stored_by = ? where id = ?")) {
                stamp.setTimestamp(1, Timestamp.from(Instant.now()));
                stamp.setString(2, storedBy);
                stamp.setLong(3, event.getId());
                stamp.executeUpdate();
            }
            return members ? members(c, event) : Map.of();
        } catch (SQLException e) {
            throw new IllegalStateException("the results could not be stored", e);
        }
    }

    /** Every competitor of the event as stored, with its students' ids. */
    private static Map<String, List<Long>> members(Connection c, Event event) throws SQLException {
        Map<String, List<Long>> members = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select r.competitor, tm.student_id from result r"
                + " join team_member tm on tm.team_id = r.team_id where r.event_id = ?")) {
            s.setLong(1, event.getId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getLong(2));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "select r.competitor, r.student_id from result r where r.event_id = ? and r.student_id is not null")) {
            s.setLong(1, event.getId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.put(rs.getString(1), List.of(rs.getLong(2)));
                }
            }
        }
        return members;
    }

    private static void store(Connection c, Event event, List<Standing> standings, ResultService.Matching m)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from result where event_id = ?")) {
            delete.setLong(1, event.getId());
            delete.executeUpdate();
        }
        IdBlocks teamIds = new IdBlocks(c, "team_seq");
        IdBlocks resultIds = new IdBlocks(c, "result_seq");
        try (PreparedStatement newTeam = c.prepareStatement("insert into team (id, event_id, name) values (?, ?, ?)");
                PreparedStatement clearMembers = c.prepareStatement("delete from team_member where team_id = ?");
                PreparedStatement member = c.prepareStatement(
                        "insert into team_member (team_id, event_id, student_id, points) values (?, ?, ?, ?)");
                PreparedStatement clearPoints =
                        c.prepareStatement("update team_member set points = null where team_id = ?");
                PreparedStatement memberPoints =
                        c.prepareStatement("update team_member set points = ? where team_id = ? and student_id = ?");
                PreparedStatement result =
                        c.prepareStatement("insert into result (id, event_id, place, competitor, points,"
                                + " student_id, team_id, reached_at) values (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement category = c.prepareStatement(
                        "insert into result_category (result_id, category, points) values (?, ?, ?)")) {
            for (Standing s : standings) {
                if (!ResultService.isRef(s.competitor())
                        && s.members().isEmpty()
                        && m.teams.containsKey(s.competitor())) {
                    // a registered team: its members stay; their own points are those of these results, or none
                    long registered = m.teams.get(s.competitor());
                    clearPoints.setLong(1, registered);
                    clearPoints.executeUpdate();
                    for (Map.Entry<String, Double> own : s.memberPoints().entrySet()) {
                        memberPoints.setDouble(1, own.getValue());
                        memberPoints.setLong(2, registered);
                        memberPoints.setLong(3, m.students.get(own.getKey()));
                        memberPoints.addBatch();
                    }
                    memberPoints.executeBatch();
                }
                if (ResultService.isRef(s.competitor()) || s.members().isEmpty()) {
                    continue;
                }
                Long team = m.teams.get(s.competitor());
                if (team == null) {
                    team = teamIds.next();
                    newTeam.setLong(1, team);
                    newTeam.setLong(2, event.getId());
                    newTeam.setString(3, s.competitor());
                    newTeam.executeUpdate();
                    m.teams.put(s.competitor(), team);
                } else {
                    clearMembers.setLong(1, team);
                    clearMembers.executeUpdate();
                }
                for (String ref : s.members()) {
                    member.setLong(1, team);
                    member.setLong(2, event.getId());
                    member.setLong(3, m.students.get(ref));
                    Double own = s.memberPoints().get(ref);
                    if (own == null) {
                        member.setNull(4, Types.DOUBLE);
                    } else {
                        member.setDouble(4, own);
                    }
                    member.addBatch();
                }
            }
            member.executeBatch();
            int pending = 0;
            for (Standing s : standings) {
                long id = resultIds.next();
                result.setLong(1, id);
                result.setLong(2, event.getId());
                result.setInt(3, s.place());
                result.setString(4, s.competitor());
                result.setDouble(5, s.points());
                if (ResultService.isRef(s.competitor())) {
                    result.setLong(6, m.students.get(s.competitor()));
                    result.setNull(7, Types.BIGINT);
                } else {
                    result.setNull(6, Types.BIGINT);
                    result.setLong(7, m.teams.get(s.competitor()));
                }
                if (s.reachedAt() == null) {
                    result.setNull(8, Types.TIMESTAMP);
                } else {
                    result.setTimestamp(8, Timestamp.from(s.reachedAt()));
                }
                result.addBatch();
                for (Map.Entry<String, Double> e : s.categories().entrySet()) {
                    category.setLong(1, id);
                    category.setString(2, e.getKey());
                    category.setDouble(3, e.getValue());
                    category.addBatch();
                }
                if (++pending % 1000 == 0) {
                    result.executeBatch();
                    category.executeBatch();
                }
            }
            result.executeBatch();
            category.executeBatch();
        }
    }
}
