package org.talentpipeline.integrity;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.talentpipeline.competition.Solve;
import org.talentpipeline.competition.SolvesStored;
import org.talentpipeline.competition.Submission;
import org.talentpipeline.competition.TeamFlag;
import org.talentpipeline.competition.TeamRule;
import org.talentpipeline.platform.Migrations;

/**
 * Keeps an event's solve evidence (the integrity_* tables of V41), written in bulk with JDBC inside
 * the transaction that stored the results, replacing the event's earlier evidence: results and
 * evidence are stored together or not at all.
 */
@ApplicationScoped
public class EvidenceStore {

    private static final int BATCH = 1000;

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** Observed during the storing transaction (not after it): a failure here rolls the results back too. */
    void keep(@Observes SolvesStored stored) {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("integrity_solve", "integrity_submission", "integrity_flag", "integrity_member")) {
                try (PreparedStatement s = c.prepareStatement("delete from " + table + " where event_code = ?")) {
                    s.setString(1, stored.eventCode());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into integrity_solve (event_code, challenge, category,"
                    + " competitor, member_ref, solved_at, points) values (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Solve solve : stored.solves()) {
                    s.setString(1, stored.eventCode());
                    s.setString(2, solve.challenge());
                    s.setString(3, solve.category());
                    s.setString(4, solve.competitor());
                    s.setString(5, solve.member());
                    s.setTimestamp(6, Timestamp.from(solve.time()));
                    s.setDouble(7, solve.points());
                    s.addBatch();
                    if (++n % BATCH == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("insert into integrity_submission (event_code, challenge, competitor,"
                    + " member_ref, submitted_at, correct, provided) values (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Submission sub : stored.submissions()) {
                    s.setString(1, stored.eventCode());
                    s.setString(2, sub.challenge());
                    s.setString(3, sub.competitor());
                    s.setString(4, sub.member());
                    s.setTimestamp(5, Timestamp.from(sub.time()));
                    s.setBoolean(6, sub.correct());
                    s.setString(7, sub.provided());
                    s.addBatch();
                    if (++n % BATCH == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into integrity_flag (event_code, challenge, competitor, flag) values (?, ?, ?, ?)")) {
                for (TeamFlag flag : stored.flags()) {
                    s.setString(1, stored.eventCode());
                    s.setString(2, flag.challenge());
                    s.setString(3, flag.competitor());
                    s.setString(4, flag.flag());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into integrity_member (event_code, competitor, ref, student_id) values (?, ?, ?, ?)")) {
                int n = 0;
                for (Map.Entry<String, List<SolvesStored.Member>> e : stored.members().entrySet()) {
                    for (SolvesStored.Member m : e.getValue()) {
                        s.setString(1, stored.eventCode());
                        s.setString(2, e.getKey());
                        s.setString(3, m.ref());
                        s.setLong(4, m.studentId());
                        s.addBatch();
                        if (++n % BATCH == 0) {
                            s.executeBatch();
                        }
                    }
                }
                s.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the solve evidence of " + stored.eventCode() + " was not kept", e);
        }
    }

    /** The evidence kept for an event (empty lists when it has none), with the event's team rule. */
    Evidence read(String eventCode, TeamRule teamRule) {
        List<Solve> solves = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        List<TeamFlag> flags = new ArrayList<>();
        Map<String, List<SolvesStored.Member>> members = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select challenge, category, competitor, member_ref, solved_at, points"
                    + " from integrity_solve where event_code = ? order by solved_at, challenge, competitor")) {
                s.setString(1, eventCode);
                s.setFetchSize(5_000);
                try (ResultSet rs = s.executeQuery()) {
                    int row = 0;
                    while (rs.next()) {
                        solves.add(new Solve(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant(), rs.getDouble(6), ++row));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select challenge, competitor, member_ref, submitted_at, correct,"
                    + " provided from integrity_submission where event_code = ? order by submitted_at, challenge, competitor")) {
                s.setString(1, eventCode);
                s.setFetchSize(5_000);
                try (ResultSet rs = s.executeQuery()) {
                    int row = 0;
                    while (rs.next()) {
                        submissions.add(new Submission(rs.getString(1), null, rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getBoolean(5), rs.getString(6), ++row));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select challenge, competitor, flag from integrity_flag where event_code = ?")) {
                s.setString(1, eventCode);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        flags.add(new TeamFlag(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select competitor, ref, student_id from integrity_member where event_code = ? order by competitor, ref")) {
                s.setString(1, eventCode);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        members.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new SolvesStored.Member(rs.getString(2), rs.getLong(3)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the solve evidence of " + eventCode + " could not be read", e);
        }
        return new Evidence(eventCode, teamRule, solves, submissions, flags, members);
    }
}
