package org.talentpipeline.competition;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.StaleVersion;

/**
 * An event's set-up on its page, for those who may write events: its name, level, format, weight,
 * dates and categories (an event holding results: its name only), and its deletion while it holds
 * no results. The service decides; this bean shows its answers.
 */
@Named
@ViewScoped
public class EditEvent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EventService events;

    @Inject
    Access access;

    @Inject
    FacesMessages messages;

    private String code;
    private long version;
    private boolean holdsResults;
    private String name;
    private Level level;
    private Format format;
    private TeamRule teamRule;
    private Double weight;
    private LocalDate startDate;
    private LocalDate endDate;
    private String categories;

    /** Fills the form from the event, when the caller may write events. */
    public void load(String eventCode) {
        if (eventCode == null || !access.may(Operation.EVENT_WRITE)) {
            return;
        }
        EventService.EditableEvent e = events.editable(eventCode);
        code = e.event().code();
        version = e.version();
        holdsResults = e.holdsResults();
        name = e.event().name();
        level = e.event().level();
        format = e.event().format();
        teamRule = e.event().teamRule();
        weight = e.event().weight();
        startDate = e.event().startDate();
        endDate = e.event().endDate();
        categories = e.event().categories().stream()
                .map(c -> c.workRole() == null ? c.name() : c.name() + "=" + c.workRole())
                .collect(Collectors.joining(", "));
    }

    public boolean isEditable() {
        return code != null;
    }

    public void save() throws IOException {
        List<EventInput.Category> parsed = new ArrayList<>();
        if (categories != null) {
            Arrays.stream(categories.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(entry -> {
                        String[] nameAndRole = entry.split("=", 2);
                        parsed.add(new EventInput.Category(
                                nameAndRole[0].trim(), nameAndRole.length > 1 ? nameAndRole[1].trim() : null));
                    });
        }
        try {
            events.update(
                    code,
                    version,
                    new EventInput(
                            code, name, null, null, null, level, format, weight, startDate, endDate, parsed, teamRule));
            messages.info("events.saved", name);
            load(code);
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict e) {
            messages.error("events.holdsResults");
        } catch (StaleVersion e) {
            messages.error("events.stale");
        }
    }

    /** Deletes the event and returns to the list; an event with results is refused with a message. */
    public String delete() {
        try {
            events.delete(code);
            messages.info("events.deleted", name);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/competition/events?faces-redirect=true";
        } catch (Conflict e) {
            messages.error("events.cannotDelete");
            return null;
        }
    }

    public boolean isHoldsResults() {
        return holdsResults;
    }

    public Level[] getLevels() {
        return Level.values();
    }

    public Format[] getFormats() {
        return Format.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Level getLevel() {
        return level;
    }

    public void setLevel(Level level) {
        this.level = level;
    }

    public TeamRule[] getTeamRules() {
        return TeamRule.values();
    }

    public TeamRule getTeamRule() {
        return teamRule;
    }

    public void setTeamRule(TeamRule teamRule) {
        this.teamRule = teamRule;
    }

    public Format getFormat() {
        return format;
    }

    public void setFormat(Format format) {
        this.format = format;
    }

    public Double getWeight() {
        return weight;
    }

    public void setWeight(Double weight) {
        this.weight = weight;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public String getCategories() {
        return categories;
    }

    public void setCategories(String categories) {
        this.categories = categories;
    }
}
