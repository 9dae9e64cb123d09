package org.talentpipeline.placement;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/** A recruiter's home: the agency's positions with their pipelines and the latest moves (its saved searches: search's). */
@Named
@RequestScoped
public class RecruiterHome {

    static final int LISTED = 8;

    @Inject
    PlacementService placements;

    public List<PlacementService.PositionPipeline> getPositions() {
        return placements.pipelines();
    }

    private List<PlacementService.RecentMove> moves;

    /** Read once per request: the read is audited, and a page asks for a value more than once. */
    public List<PlacementService.RecentMove> getRecentMoves() {
        if (moves == null) {
            moves = placements.recentMoves(LISTED);
        }
        return moves;
    }

    public List<String> getStages() {
        return Arrays.stream(Stage.values()).map(Stage::name).toList();
    }
}
