package org.talentpipeline.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentpipeline.competition.JudgesAgreement;

/** Tells the event page the judges' agreement: Krippendorff's alpha over their totals. */
@ApplicationScoped
public class JudgingAgreement implements JudgesAgreement {

    @Inject
    JudgingService judging;

    @Override
    public Double of(String eventCode) {
        return judging.agreement(eventCode);
    }
}
