package org.talentpipeline.scoring;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.platform.NotFound;

/**
 * Leaves a student's result at one event out of their rating, with a reason (an appeal's decision,
 * APPEAL_REVIEW: ADMIN), and queues the full recompute that applies it: the replay reads the event
 * as if the student had not entered ({@link RatedResults}).
 */
@ApplicationScoped
@Transactional
public class ResultExclusions {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Access access;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<Excluded> excludedEvent;

    /** A result excluded: once its transaction has committed, the recompute that applies it is queued. */
    public record Excluded(String eventCode, String reason, String excludedBy) {}

    /**
     * Excludes the student's result at the event; 404 when they have none there. The full recompute
     * that applies it is queued when the transaction commits (a replay started sooner would not see it).
     */
    public void exclude(long studentId, String eventCode, String reason, Long appealId) {
        Grant grant = access.require(Operation.APPEAL_REVIEW);
        if (insert(grant, studentId, eventCode, reason, appealId) == 0) {
            throw new NotFound("a result of the student at " + eventCode);
        }
        excludedEvent.fire(new Excluded(eventCode, reason, grant.username()));
    }

    /**
     * Excludes the results of these students at the event, by an integrity case's decision
     * (INTEGRITY_DECIDE: an evaluator); a result excluded already stays as it was. One full recompute
     * is queued when the transaction commits. Returns how many results were excluded.
     */
    public int excludeByIntegrityDecision(java.util.Collection<Long> studentIds, String eventCode, String reason) {
        Grant grant = access.require(Operation.INTEGRITY_DECIDE);
        int excluded = 0;
        for (long studentId : studentIds) {
            excluded += insert(grant, studentId, eventCode, reason, null);
        }
        if (excluded > 0) {
            excludedEvent.fire(new Excluded(eventCode, reason, grant.username()));
        }
        return excluded;
    }

    private int insert(Grant grant, long studentId, String eventCode, String reason, Long appealId) {
        int excluded;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into result_exclusion (result_id, student_id, reason, appeal_id, excluded_by, excluded_at)"
                                + " select r.id, ?, ?, ?, ?, ? from result r join competition_event e on e.id = r.event_id"
                                + " where e.code = ? and (r.student_id = ? or exists (select 1 from team_member tm where"
                                + " tm.team_id = r.team_id and tm.student_id = ?)) and not exists (select 1 from result_exclusion x"
                                + " where x.result_id = r.id and x.student_id = ?)")) {
            s.setLong(1, studentId);
            s.setString(2, reason);
            if (appealId == null) {
                s.setNull(3, java.sql.Types.BIGINT);
            } else {
                s.setLong(3, appealId);
            }
            s.setString(4, grant.username());
            s.setTimestamp(5, Timestamp.from(Instant.now(clock)));
            s.setString(6, eventCode);
            s.setLong(7, studentId);
            s.setLong(8, studentId);
            s.setLong(9, studentId);
            excluded = s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the result was not excluded", e);
        }
        return excluded;
    }
}
