package org.talentpipeline.scoring;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.talentpipeline.competition.ResultRows;

/**
 * The stored ratings' state. They are defined as the replay of every event's results in event order
 * (start date, then code) with the current {@link ScoringSettings}; two ways of writing them keep to
 * that definition:
 * <ul>
 * <li>{@link RatingUpdate}: a newly posted event that comes after every event of each of its
 * entrants is rated on top of its entrants' stored states (what the replay would do next), in
 * milliseconds;</li>
 * <li>{@link RatingRecompute}: the replay from scratch, for anything else (results re-posted, an
 * event dated before others its entrants took part in, new settings).</li>
 * </ul>
 * Both run {@link org.talentpipeline.scoring.engine.RatingReplay} on the results competition reads
 * for them ({@link ResultRows}, without what an appeal excluded:
 * {@link RatedResults}) and write the same rows ({@link RatingRows}); a student's state is stored
 * exactly (doubles), so the two agree to the last bit.
 *
 * <p>Session beans, not CDI beans, as the whole scoring write path: results posted while the demo
 * data is seeded reach the observer outside any component invocation, where Payara neither injects
 * nor looks up {@code java:app} resources into CDI beans; session beans always get them.
 */
@Stateless
public class Ratings {

    @Inject
    RatingReadRows rows;

    @Inject
    ResultRows results;

    /**
     * Whether some rating was computed with settings other than those in force: after an upgrade
     * that brings a new settings version, which a full recompute applies to every rating.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean outdated() {
        return rows.anyOtherVersion(RatingRows.SETTINGS.version());
    }

    /** Whether results are stored but no ratings: after the upgrade that replaced the rating tables. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean missing() {
        return !rows.anyEventRated() && results.anyStored();
    }
}
