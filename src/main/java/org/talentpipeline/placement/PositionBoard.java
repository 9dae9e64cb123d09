package org.talentpipeline.placement;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.StaleVersion;
import org.talentpipeline.scoring.CategorySynonyms;

/**
 * A position's board: its candidates in a column per stage, each moved on with an optional note,
 * and the position's form. The position's id comes from the URL and is passed to the service on
 * every call, which checks it again; the form and each move carry the version they were shown.
 */
@Named
@ViewScoped
public class PositionBoard implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CategorySynonyms synonyms;

    @Inject
    PlacementService placements;

    @Inject
    FacesMessages messages;

    @Inject
    Access access;

    private Long id;
    private PlacementService.PositionView position;
    private Map<Stage, List<PlacementService.PlacementView>> board;
    private String note;

    private String title;
    private List<String> categories = new ArrayList<>();
    private List<String> categoryChoices;
    private Integer openings;
    private String location;
    private boolean open;
    private long version;

    /** Reads the position and its board (another agency's answers the 404 page). */
    public void load() {
        if (id == null) {
            throw new NotFound("position");
        }
        reload();
        title = position.title();
        categories = new ArrayList<>(position.categories());
        openings = position.openings();
        location = position.location();
        open = position.open();
        version = position.version();
    }

    private void reload() {
        position = placements.position(id);
        board = placements.board(id);
    }

    /** Moves a candidate on from the stage and version this board showed them at. */
    public void move(long placement, String stage) {
        try {
            placements.move(placement, shownVersion(placement), new PlacementService.StageInput(stage, note));
            note = null;
        } catch (StaleVersion e) {
            messages.error("positions.movedElsewhere");
        } catch (Conflict | BadInput e) {
            messages.error("positions.illegalMove", e.getMessage());
        }
        reload();
    }

    private Long shownVersion(long placement) {
        return board == null
                ? null
                : board.values().stream()
                        .flatMap(List::stream)
                        .filter(p -> p.id() == placement)
                        .map(PlacementService.PlacementView::version)
                        .findFirst()
                        .orElse(null);
    }

    /** Saves the position's form, if nobody changed the position since the form was loaded. */
    public void save() {
        try {
            PlacementService.PositionView saved = placements.updatePosition(
                    id,
                    version,
                    new PlacementService.PositionInput(
                            title,
                            position.workRole(),
                            categories == null ? List.of() : List.copyOf(categories),
                            openings,
                            location,
                            open));
            version = saved.version();
            messages.info("positions.saved", saved.title());
            reload();
        } catch (StaleVersion e) {
            messages.error("positions.changedElsewhere");
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public boolean isEditable() {
        return access.may(Operation.PLACEMENT_WRITE);
    }

    public record Column(Stage stage, List<PlacementService.PlacementView> placements) {}

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
        return Arrays.stream(Stage.values()).filter(from::mayMoveTo).toList();
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

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    /** The rated skill categories, and those the position already asks for (which may be rated in nobody yet). */
    public List<String> getCategoryChoices() {
        if (categoryChoices == null) {
            TreeSet<String> all = new TreeSet<>(synonyms.rated(1_000));
            all.addAll(categories == null ? List.of() : categories);
            categoryChoices = List.copyOf(all);
        }
        return categoryChoices;
    }

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories;
    }

    public Integer getOpenings() {
        return openings;
    }

    public void setOpenings(Integer openings) {
        this.openings = openings;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public boolean isOpen() {
        return open;
    }

    public void setOpen(boolean open) {
        this.open = open;
    }
}
