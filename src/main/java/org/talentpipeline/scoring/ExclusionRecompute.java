package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Queues the full recompute that applies an excluded result, once the exclusion has committed (outside its transaction). */
@ApplicationScoped
public class ExclusionRecompute {

    @Inject
    ScoringJobs jobs;

    void recompute(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResultExclusions.Excluded excluded) {
        jobs.recompute("a result at " + excluded.eventCode() + " excluded from a student's rating: " + excluded.reason());
    }
}
