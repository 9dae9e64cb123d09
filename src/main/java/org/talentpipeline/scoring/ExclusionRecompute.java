package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Queues the full recompute that applies an excluded result, once the exclusion has committed (outside
 * its transaction), as system work: the evaluator who decides an integrity case may exclude a result
 * without being allowed to start recomputes of their own.
 */
@ApplicationScoped
public class ExclusionRecompute {

    @Inject
    ScoringJobs jobs;

    void recompute(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResultExclusions.Excluded excluded) {
        jobs.afterExclusion(
                "a result at " + excluded.eventCode() + " excluded from a student's rating: " + excluded.reason(),
                excluded.excludedBy());
    }
}
