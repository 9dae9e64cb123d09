package org.talentpipeline.integrity;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.talentpipeline.competition.Solve;
import org.talentpipeline.competition.SolvesStored;
import org.talentpipeline.competition.Submission;
import org.talentpipeline.competition.TeamFlag;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Operation;
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
            for (String table :
                    List.of("integrity_solve", "integrity_submission", "integrity_flag", "integrity_member")) {
                try (PreparedStatement s = c.prepareStatement("delete from " + table + " where event_code = ?")) {
                    s.setString(1, stored.eventCode());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s =
                    c.prepareStatement("insert into integrity_solve (event_code, challenge, category,"
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
            try (PreparedStatement s =
                    c.prepareStatement("insert into integrity_submission (event_code, challenge, competitor,"
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
                for (Map.Entry<String, List<SolvesStored.Member>> e :
                        stored.members().entrySet()) {
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

    /**
     * An erased student's ref replaced by their tombstone's wherever integrity keeps it: the evidence,
     * and the cases (the students concerned, the competitors and the evidence they show), so that no
     * case names the person after their erasure (STUDENT_ERASE, as the erasure itself).
     */
    public int anonymise(Caller caller, long studentId, String oldRef, String newRef) {
        Operation.STUDENT_ERASE.grant(caller);
        int changed = 0;
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of(
                    "update integrity_member set ref = ? where student_id = ? and ref = ?",
                    "update integrity_case_student set ref = ? where student_id = ? and ref = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, newRef);
                    s.setLong(2, studentId);
                    s.setString(3, oldRef);
                    changed += s.executeUpdate();
                }
            }
            for (String sql : List.of(
                    "update integrity_solve set competitor = ? where competitor = ?",
                    "update integrity_solve set member_ref = ? where member_ref = ?",
                    "update integrity_submission set competitor = ? where competitor = ?",
                    "update integrity_submission set member_ref = ? where member_ref = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, newRef);
                    s.setString(2, oldRef);
                    changed += s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "update integrity_case set competitors = replace(competitors, ?, ?),"
                            + " evidence = replace(evidence, ?, ?) where id in (select case_id from integrity_case_student where student_id = ?)")) {
                s.setString(1, "\"" + oldRef + "\"");
                s.setString(2, "\"" + newRef + "\"");
                // quoted, as every ref in the JSON is: XDU/12 must not touch XDU/123
                s.setString(3, "\"" + oldRef + "\"");
                s.setString(4, "\"" + newRef + "\"");
                s.setLong(5, studentId);
                changed += s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the integrity evidence was not anonymised", e);
        }
        return changed;
    }
}
