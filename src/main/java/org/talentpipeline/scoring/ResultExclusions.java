package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.talentpipeline.competition.ResultService;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.NotFound;

/**
 * Leaves a student's result at one event out of their rating, with a reason (an appeal's decision,
 * APPEAL_REVIEW: ADMIN), and queues the full recompute that applies it: the replay reads the event
 * as if the student had not entered ({@link RatedResults}).
 */
@ApplicationScoped
@Transactional
public class ResultExclusions {

    @PersistenceContext
    EntityManager em;

    @Inject
    ResultService results;

    @Inject
    Access access;

    @Inject
    Clock clock;

    @Inject
    Event<Excluded> excludedEvent;

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
    public int excludeByIntegrityDecision(Collection<Long> studentIds, String eventCode, String reason) {
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

    /** Excludes the student's results at the event (their own, or their team's) not excluded already. */
    private int insert(Grant grant, long studentId, String eventCode, String reason, Long appealId) {
        Instant now = Instant.now(clock);
        int excluded = 0;
        for (long result : results.resultsOf(studentId, eventCode)) {
            if (em.find(ResultExclusion.class, new ResultExclusion.Key(result, studentId)) == null) {
                em.persist(new ResultExclusion(result, studentId, reason, appealId, grant.username(), now));
                excluded++;
            }
        }
        em.flush();
        return excluded;
    }
}
