package org.talentpipeline.scoring.engine;

import java.util.List;
import java.util.Map;

/**
 * A way to turn match results into ratings. Implementations are plain Java and deterministic: the
 * same ratings and match give the same result whatever order the standings come in.
 */
public interface RatingModel {

    /** The model's name and parameters, recorded with every score computed by it. */
    String version();

    /** A newcomer's rating. */
    Rating initial();

    /**
     * New ratings for everyone in the match, given their ratings before it. {@code weight} scales
     * how far the event moves ratings (1 for a national event).
     */
    Map<Long, Rating> rate(List<Placing> match, Map<Long, Rating> before, double weight);
}
