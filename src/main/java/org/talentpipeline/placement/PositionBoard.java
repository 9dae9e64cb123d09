package org.talentpipeline.placement;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;

/** A position's board: its candidates in a column per stage, each moved on with an optional note. */
@Named
@ViewScoped
public class PositionBoard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlacementService placements;

    @Inject
    FacesMessages messages;

    private Long id;
    private PlacementService.PositionView position;
    private Map<Stage, List<PlacementService.PlacementView>> board;
    private String note;

    public void load() {
        if (id == null) {
            messages.error("positions.notFound", "");
            return;
        }
        try {
            position = placements.position(id);
            board = placements.board(id);
        } catch (NotFound e) {
            messages.error("positions.notFound", id);
        }
    }

    public void move(long placement, String stage) {
        try {
            placements.move(placement, stage, note);
            note = null;
            board = placements.board(id);
        } catch (Conflict | BadInput e) {
            messages.error("positions.illegalMove", e.getMessage());
        }
    }

    public record Column(Stage stage, List<PlacementService.PlacementView> placements) {
    }

    public List<Column> getColumns() {
        List<Column> columns = new ArrayList<>();
        if (board != null) {
            board.forEach((stage, list) -> columns.add(new Column(stage, list)));
        }
        return columns;
    }

    /** The stages a placement in this stage may move to. */
    public List<Stage> nextStages(String current) {
        Stage from = Stage.valueOf(current);
        return java.util.Arrays.stream(Stage.values()).filter(from::mayMoveTo).toList();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public PlacementService.PositionView getPosition() {
        return position;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
