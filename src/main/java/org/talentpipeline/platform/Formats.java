package org.talentpipeline.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The pages' formatter, {@code #{fmt.points(x)}}: {@link Figures} in the session's language and
 * time zone. Every page formats its figures through it.
 */
@Named("fmt")
@RequestScoped
public class Formats {

    @Inject
    LocaleSelection selection;

    private Figures figures;

    public Figures figures() {
        if (figures == null) {
            figures = new Figures(selection.getLocale(), selection.getZone());
        }
        return figures;
    }

    public String count(Number n) {
        return figures().count(n);
    }

    public String points(Number n) {
        return figures().points(n);
    }

    public String percentile(Number n) {
        return figures().percentile(n);
    }

    public String ratio(Number n) {
        return figures().ratio(n);
    }

    public String change(Number n) {
        return figures().change(n);
    }

    public String date(LocalDate d) {
        return figures().date(d);
    }

    public String instant(Instant i) {
        return figures().instant(i);
    }

    public String duration(Duration d) {
        return figures().duration(d);
    }

    /** The time from one instant to the next (or to now when the second is missing). */
    public String between(Instant from, Instant to) {
        return from == null
                ? Figures.MISSING
                : figures().duration(Duration.between(from, to == null ? Instant.now() : to));
    }
}
