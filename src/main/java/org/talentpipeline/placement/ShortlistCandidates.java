package org.talentpipeline.placement;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;

/** Shortlisting from the candidate search's page: the position chosen there, and a candidate put on its list. */
@Named
@ViewScoped
public class ShortlistCandidates implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlacementService placements;

    @Inject
    FacesMessages messages;

    @Inject
    Access access;

    private Long position;

    public void shortlist(String ref) {
        if (position == null) {
            messages.error("candidates.choosePosition");
            return;
        }
        try {
            placements.shortlist(position, ref, null);
            messages.info("candidates.shortlisted", ref);
        } catch (Conflict | NotFound e) {
            messages.error("candidates.notShortlisted", ref, e.getMessage());
        }
    }

    /** The open positions a candidate may be shortlisted for; none for a role that does not shortlist. */
    public List<PlacementService.PositionView> getPositions() {
        return isShortlisting()
                ? placements.positions().stream()
                        .filter(PlacementService.PositionView::open)
                        .toList()
                : List.of();
    }

    public boolean isShortlisting() {
        return access.may(Operation.PLACEMENT_WRITE);
    }

    public Long getPosition() {
        return position;
    }

    public void setPosition(Long position) {
        this.position = position;
    }
}
