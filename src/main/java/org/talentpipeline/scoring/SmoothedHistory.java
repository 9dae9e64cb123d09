package org.talentpipeline.scoring;

import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * One student's smoothed history as it is written: each event's mean and deviation before it
 * (the smoothed rating at their previous event, uncertainty grown since; a newcomer's before the
 * first) and after it (the smoothed rating there); then their overall state set to the smoothed
 * rating at their last event, with growth over the smoothed means, as an update would restore it.
 */
final class SmoothedHistory {
    private final EffectLog log;
    private final int[] recentDays = new int[RatingReplay.RECENT];
    private final float[] recentMus = new float[RatingReplay.RECENT];
    private int events;
    private int lastEvent = -1;
    private int last = -1;

    SmoothedHistory(EffectLog log) {
        this.log = log;
    }

    void clear() {
        events = 0;
        lastEvent = -1;
        last = -1;
    }

    void add(int k, int e, StringBuilder history) {
        Rating before = last < 0
                ? new Rating(log.smoothedInitialMu, log.initialSigma)
                : new Rating(log.smoothedMu[last], log.smoothedSigma[last])
                        .aged(log.eventDay[e] - log.eventDay[lastEvent], log.sigmaGrowthPerYear, log.initialSigma);
        new HistoryEntry(
                        log.eventId[e],
                        log.eventDay[e],
                        (int) log.eventAndPlace[k],
                        log.eventField[e],
                        (float) before.mu(),
                        log.smoothedMu[k],
                        HistoryEntry.hundredths(before.sigma()),
                        HistoryEntry.hundredths(log.smoothedSigma[k]))
                .encodeTo(history);
        recentDays[events % RatingReplay.RECENT] = log.eventDay[e];
        recentMus[events % RatingReplay.RECENT] = (float) before.mu();
        events++;
        last = k;
        lastEvent = e;
    }

    void restore(RatingReplay replay, long student) {
        int n = Math.min(events, RatingReplay.RECENT);
        int[] days = new int[n];
        float[] mus = new float[n];
        for (int j = 0; j < n; j++) {
            int slot = Math.floorMod(events - n + j, RatingReplay.RECENT);
            days[j] = recentDays[slot];
            mus[j] = recentMus[slot];
        }
        replay.restore(
                RatingReplay.OVERALL,
                student,
                new Rating(log.smoothedMu[last], log.smoothedSigma[last]),
                log.eventId[lastEvent],
                log.eventDay[lastEvent],
                events,
                days,
                mus);
    }
}
