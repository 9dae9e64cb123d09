package org.talentpipeline.scoring;

import java.util.List;
import org.talentpipeline.scoring.engine.EloMmr;
import org.talentpipeline.scoring.engine.RatingModel;
import org.talentpipeline.scoring.engine.RatingReplay;
import org.talentpipeline.scoring.engine.TalentFlags;
import org.talentpipeline.scoring.engine.TalentScore;

/**
 * The scoring model, its parameters and the flags' thresholds, under a version that every stored
 * rating records. Settings change only with a new version (and a full recompute): a score can
 * always be traced to the settings that made it. Kept in code so they are reviewed like code.
 *
 * @param version the version recorded with every rating
 * @param initialMu a newcomer's mean, in rating points
 * @param initialSigma a newcomer's uncertainty, also the ceiling uncertainty grows back to
 * @param beta Elo-MMR's performance noise (chosen on simulated cohorts)
 * @param sigmaFloor the least uncertainty any rating keeps
 * @param sigmaGrowthPerYear uncertainty gained over a year without an event
 * @param talentScoreK the talent score is mu - k sigma (the activity decision, see the scoring manual)
 * @param topPercentile national percentile at or above which TOP_1_PERCENT is set
 * @param risingStarEvents least events inside the growth window for RISING_STAR
 * @param risingStarDeviations how many standard deviations above the graduation cohort's mean growth
 * @param prodigyAgeBelow age under which PRODIGY may be set
 * @param prodigyPercentile national percentile (among all ages) a student under that age must reach
 * @param smoothingPasses whole-history smoothing passes of the full recompute (0: forward replay only)
 */
public record ScoringSettings(
        String version,
        double initialMu,
        double initialSigma,
        double beta,
        double sigmaFloor,
        double sigmaGrowthPerYear,
        double talentScoreK,
        double topPercentile,
        int risingStarEvents,
        double risingStarDeviations,
        int prodigyAgeBelow,
        double prodigyPercentile,
        int smoothingPasses) {

    /** Issue 5's settings, chosen on dense cohorts only: a newcomer's sigma below beta, and mu - 3 sigma. */
    public static final ScoringSettings V2026_11 =
            new ScoringSettings("2026.11-elo-mmr", 1500, 350, EloMmr.DEFAULT_BETA, 40, 120, 3, 99, 3, 2.0, 18, 90, 0);

    /**
     * Issue 22's settings, chosen on the dense, sparse and few-seasons regimes at once (see the
     * scoring manual): a wider newcomer (500) against a smaller beta (350), so one event says more,
     * and the talent score mu - 0.5 sigma.
     */
    public static final ScoringSettings V2026_12 =
            new ScoringSettings("2026.12-elo-mmr", 1500, 500, 350, 40, 120, 0.5, 99, 3, 2.0, 18, 90, 0);

    /**
     * 2026.12 with whole-history smoothing in the full recompute (one pass, chosen on the three
     * regimes: it closes the few-seasons gap at precision at 5 %, see the scoring manual); updates
     * between recomputes stay forward.
     */
    public static final ScoringSettings V2026_12_SMOOTHED =
            new ScoringSettings("2026.12-elo-mmr-smoothed", 1500, 500, 350, 40, 120, 0.5, 99, 3, 2.0, 18, 90, 1);

    /** The settings in force. */
    public static final ScoringSettings CURRENT = V2026_12_SMOOTHED;

    /** The settings of a version (those in force for a version no longer known). */
    public static ScoringSettings of(String version) {
        for (ScoringSettings known : List.of(V2026_11, V2026_12, V2026_12_SMOOTHED)) {
            if (known.version().equals(version)) {
                return known;
            }
        }
        return CURRENT;
    }

    public TalentScore talentScore() {
        return new TalentScore(talentScoreK);
    }

    public TalentFlags flags() {
        return new TalentFlags(
                topPercentile, risingStarEvents, risingStarDeviations, prodigyAgeBelow, prodigyPercentile);
    }

    public RatingModel model() {
        return new EloMmr(initialMu, initialSigma, beta, sigmaFloor);
    }

    /** The settings as name and value, for the page and the API. */
    public List<Setting> list() {
        return List.of(
                new Setting("version", version),
                new Setting("model", model().version()),
                new Setting("initialMu", initialMu),
                new Setting("initialSigma", initialSigma),
                new Setting("beta", beta),
                new Setting("sigmaFloor", sigmaFloor),
                new Setting("sigmaGrowthPerYear", sigmaGrowthPerYear),
                new Setting("talentScore", talentScore().formula()),
                new Setting("topPercentile", topPercentile),
                new Setting("risingStarEvents", risingStarEvents),
                new Setting("risingStarWindowDays", RatingReplay.GROWTH_WINDOW_DAYS),
                new Setting("risingStarDeviations", risingStarDeviations),
                new Setting("prodigyAgeBelow", prodigyAgeBelow),
                new Setting("prodigyPercentile", prodigyPercentile),
                new Setting("smoothingPasses", smoothingPasses));
    }

    public record Setting(String name, Object value) {}
}
