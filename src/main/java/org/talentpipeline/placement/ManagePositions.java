package org.talentpipeline.placement;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.ScriptJson;
import org.talentpipeline.scoring.CategorySynonyms;

/** The recruiter's positions page: their agency's positions, a new position, and the pipeline's numbers. */
@Named
@ViewScoped
public class ManagePositions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlacementService placements;

    @Inject
    FacesMessages messages;

    @Inject
    CategorySynonyms synonyms;

    private String title;
    private String workRole;
    private List<String> categories = new ArrayList<>();
    private List<String> categoryChoices;
    private Integer openings = 1;
    private String location;
    private PlacementService.PipelineNumbers numbers;

    public void create() {
        try {
            placements.createPosition(new PlacementService.PositionInput(
                    title,
                    workRole,
                    categories == null ? List.of() : List.copyOf(categories),
                    openings,
                    location,
                    true));
            messages.info("positions.created", title);
            title = null;
            workRole = null;
            categories = new ArrayList<>();
            openings = 1;
            location = null;
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict e) {
            messages.error("positions.notRecruiter");
        }
    }

    /** A position's skill categories as a list to read ("forensics, web"). */
    public String listed(List<String> categories) {
        return String.join(", ", categories);
    }

    public List<PlacementService.PositionView> getPositions() {
        return placements.positions();
    }

    public PlacementService.PipelineNumbers getNumbers() {
        if (numbers == null) {
            numbers = placements.numbers();
        }
        return numbers;
    }

    /** The funnel as a Chart.js horizontal bar chart: placements that reached each stage. */
    public String getFunnelChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        getNumbers().funnel().forEach((stage, count) -> {
            labels.add(messages.text("stage." + stage));
            counts.add(count);
        });
        return ScriptJson.encode(Json.createObjectBuilder()
                .add("type", "bar")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("label", messages.text("positions.reached"))
                                                        .add("data", counts)
                                                        .add("backgroundColor", "rgba(33, 150, 243, 0.5)"))))
                .add("options", Json.createObjectBuilder().add("indexAxis", "y"))
                .build());
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getWorkRole() {
        return workRole;
    }

    public void setWorkRole(String workRole) {
        this.workRole = workRole;
    }

    /** The skill categories students are rated in: what a position may ask for. */
    public List<String> getCategoryChoices() {
        if (categoryChoices == null) {
            categoryChoices = synonyms.rated(1_000);
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
}
