package org.talentpipeline.scoring;

import org.talentpipeline.scoring.engine.FieldSummary;
import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.RatingReplay;

/**
 * The replay's effects of one event, the {@code index}-th in rating order, written into the
 * recompute's {@link EffectLog}: each placing's rating before and after, the field met, and where
 * the settings smooth ({@code observations}) each placing's observation.
 */
record LoggedEffects(EffectLog log, int index, boolean observations) implements RatingReplay.Effects {

    @Override
    public void rated(long event, String category, long student, int place, int field, Rating before, Rating after) {
        log.add(student, index, place, field, (float) before.mu(), (float) after.mu(), before.sigma(), after.sigma());
    }

    @Override
    public void field(long event, String category, FieldSummary field) {
        log.field(index, field);
    }

    @Override
    public void observed(long student, boolean first, double share, double y, double variance) {
        log.observed(first, share, y, variance);
    }
}
