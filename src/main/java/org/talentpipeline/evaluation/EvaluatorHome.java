package org.talentpipeline.evaluation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.talentpipeline.competition.EventService;

/** An evaluator's home: events that ended without results, judged events being judged, the latest uploads. */
@Named
@RequestScoped
public class EvaluatorHome {

    static final int LISTED = 8;

    @Inject
    EventService events;

    @Inject
    JudgingService judging;

    public List<EventService.EventWork> getAwaitingResults() {
        return events.awaitingResults(LISTED);
    }

    public List<JudgingService.JudgingWork> getAwaitingJudging() {
        return judging.awaitingJudging(LISTED);
    }

    public List<EventService.EventWork> getRecentUploads() {
        return events.recentUploads(LISTED);
    }
}
