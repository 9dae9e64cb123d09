package org.talentpipeline.scoring.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The flags a student's report carries, from their numbers and thresholds of the settings:
 * <ul>
 * <li>{@code TOP_1_PERCENT}: a national percentile at or above {@code topPercentile};</li>
 * <li>{@code RISING_STAR}: at least {@code risingStarEvents} events inside the growth window, and
 * growth at least {@code risingStarDeviations} standard deviations above the mean growth of the
 * graduation cohort's students who also have that many (at least {@value #LEAST_COHORT} of them, or
 * nobody is flagged);</li>
 * <li>{@code PRODIGY}: younger than {@code prodigyAgeBelow} with a national percentile (among all
 * ages) at or above {@code prodigyPercentile}.</li>
 * </ul>
 */
public record TalentFlags(
        double topPercentile,
        int risingStarEvents,
        double risingStarDeviations,
        int prodigyAgeBelow,
        double prodigyPercentile) {

    /** The least cohort against which growth is compared. */
    public static final int LEAST_COHORT = 10;

    /** The growth of a graduation cohort's students with enough recent events. */
    public record CohortGrowth(double mean, double deviation, long students) {}

    /** Whether a student's own numbers allow RISING_STAR, before their cohort is looked at. */
    public boolean mayRise(int recentEvents, double growth) {
        return recentEvents >= risingStarEvents && growth > 0;
    }

    /**
     * The flags, in the order TOP_1_PERCENT, RISING_STAR, PRODIGY.
     *
     * @param national the national percentile, null when too few are rated
     * @param cohort the cohort's growth, asked for only when the student's own numbers allow RISING_STAR
     * @param age in whole years, null when the date of birth is unknown
     */
    public List<String> of(
            Double national, int recentEvents, double growth, Supplier<CohortGrowth> cohort, Integer age) {
        List<String> flags = new ArrayList<>();
        if (national != null && national >= topPercentile) {
            flags.add("TOP_1_PERCENT");
        }
        if (mayRise(recentEvents, growth)) {
            CohortGrowth c = cohort.get();
            if (c.students() >= LEAST_COHORT && growth >= c.mean() + risingStarDeviations * c.deviation()) {
                flags.add("RISING_STAR");
            }
        }
        if (national != null && national >= prodigyPercentile && age != null && age < prodigyAgeBelow) {
            flags.add("PRODIGY");
        }
        return flags;
    }
}
