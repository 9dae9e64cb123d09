package org.talentpipeline.competition;

import java.time.LocalDate;
import java.util.List;

/** An event as lists, pages and the API show it. */
public record EventView(
        String code,
        String name,
        String competition,
        String competitionName,
        String organiser,
        Level level,
        Format format,
        double weight,
        LocalDate startDate,
        LocalDate endDate,
        List<EventInput.Category> categories,
        long fieldSize,
        TeamRule teamRule) {

    static EventView of(Event e, long fieldSize) {
        return new EventView(
                e.getCode(),
                e.getName(),
                e.getCompetition().getCode(),
                e.getCompetition().getName(),
                e.getCompetition().getOrganiser(),
                e.getLevel(),
                e.getFormat(),
                e.getWeight(),
                e.getStartDate(),
                e.getEndDate(),
                e.getCategories().stream()
                        .map(c -> new EventInput.Category(c.getName(), c.getWorkRole()))
                        .toList(),
                fieldSize,
                e.getTeamRule());
    }
}
