package org.talentpipeline.competition;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.PagedModel;

/** The competitions page: the events, newest first, and a form for ADMIN and EVALUATOR to add one. */
@Named
@ViewScoped
public class EventList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EventService events;

    @Inject
    FacesMessages messages;

    private String code;
    private String name;
    private String competition;
    private String competitionName;
    private Level level = Level.NATIONAL;
    private Format format = Format.JEOPARDY;
    private Double weight;
    private LocalDate startDate;
    private LocalDate endDate;
    private String categories;

    private final PagedModel<EventView> list = new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<EventView> read(
                PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return events.list(page);
        }

        @Override
        protected String keyOf(EventView row) {
            return row.code();
        }
    };

    public void create() {
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
            EventView created = events.create(new EventInput(
                    code,
                    name,
                    competition,
                    competitionName,
                    null,
                    level,
                    format,
                    weight,
                    startDate,
                    endDate,
                    parsed,
                    null));
            messages.info("events.created", created.code());
            code = null;
            name = null;
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public PagedModel<EventView> getList() {
        return list;
    }

    public Level[] getLevels() {
        return Level.values();
    }

    public Format[] getFormats() {
        return Format.values();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCompetition() {
        return competition;
    }

    public void setCompetition(String competition) {
        this.competition = competition;
    }

    public String getCompetitionName() {
        return competitionName;
    }

    public void setCompetitionName(String competitionName) {
        this.competitionName = competitionName;
    }

    public Level getLevel() {
        return level;
    }

    public void setLevel(Level level) {
        this.level = level;
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
