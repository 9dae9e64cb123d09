package org.talentpipeline.competition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An event as an evaluator enters it. {@code competition} is the series' code; an unknown series is
 * created with {@code competitionName} (or the code) and {@code organiser}. Without a weight the
 * level's default applies. {@code teamRule} says who may form a team (OPEN when left out; see
 * {@link TeamRule}).
 */
public record EventInput(
        @NotBlank(message = "is required")
                @Pattern(regexp = "[A-Za-z0-9._-]{2,60}", message = "must be 2 to 60 letters, digits, '.', '_' or '-'")
                String code,
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @NotBlank(message = "is required")
                @Pattern(regexp = "[A-Za-z0-9._-]{2,40}", message = "must be 2 to 40 letters, digits, '.', '_' or '-'")
                String competition,
        @Size(max = 200, message = "must be at most 200 characters") String competitionName,
        @Size(max = 200, message = "must be at most 200 characters") String organiser,
        @NotNull(message = "is required: SCHOOL, REGIONAL, NATIONAL or INTERNATIONAL") Level level,
        @NotNull(message = "is required: JEOPARDY, ATTACK_DEFENSE, KING_OF_THE_HILL or JUDGED") Format format,
        @Positive(message = "must be more than 0") @DecimalMax(value = "10", message = "must be at most 10")
                Double weight,
        @NotNull(message = "is required (YYYY-MM-DD)") LocalDate startDate,
        @NotNull(message = "is required (YYYY-MM-DD)") LocalDate endDate,
        @Valid List<Category> categories,
        TeamRule teamRule) {

    /** A skill category (see {@link CategoryName}) and the NICE work role it maps onto (optional). */
    public record Category(
            @NotBlank(message = "is required") @Pattern(regexp = CategoryName.PATTERN, message = CategoryName.RULE)
                    String name,
            String workRole) {}
}
