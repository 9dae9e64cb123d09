package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.competition.ResultRows;
import org.talentpipeline.evaluation.JudgingService;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.scoring.ReportRows.Stored;
import org.talentpipeline.scoring.engine.EventExplanation;
import org.talentpipeline.scoring.engine.FieldSummary;
import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.RatingReplay;
import org.talentpipeline.scoring.engine.TalentScore;
import org.talentpipeline.student.StudentService;
import org.talentpipeline.student.StudentView;

/**
 * Reads scouting reports: the stored ratings of one student, their standing among rated peers
 * (counted when asked, so they follow every update), the flags, and the explanation. The ratings
 * are this area's ({@link ReportRows}); the students of the school the student area names (their
 * ids), the events competition ({@link ResultRows#names}); the standing in the region and in the
 * graduation cohort, and the cohort's growth, are figures whose join stays in SQL (see
 * {@link RatingReadRows}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScoutingReports {

    /** The ratings, read where reads may lag (the read replica, if there is one). */
    @Inject
    ReportRows rows;

    @Inject
    ResultRows events;

    private static final ScoringSettings SETTINGS = ScoringSettings.CURRENT;

    @Inject
    StudentService students;

    @Inject
    JudgingService judging;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    SchoolService schools;

    /**
     * A student's scouting report, if the policy lets the caller read it ({@link Operation#REPORT_READ}):
     * every student for an ADMIN, their own school's for a SCHOOL_ADMIN, and for a RECRUITER only
     * while the student consents to share (a minor without contact details). Any other student is
     * not found. Every view, by whatever role, is audited (who, whom, when), so the student's school
     * and the student see it.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public ScoutingReport report(String ref) {
        Grant grant = access.require(Operation.REPORT_READ);
        StudentView student = students.seenThrough(grant, ref);
        audit.record(AuditAction.VIEW, "student:" + student.ref(), student.schoolCode(), "scouting report");
        return report(student);
    }

    /** The signed-in student's own scouting report (their record's, through REPORT_READ's OWN grant); audited. */
    @Transactional(Transactional.TxType.REQUIRED)
    public ScoutingReport ownReport() {
        return report(students.ownRef(Operation.OWN_RECORD));
    }

    private ScoutingReport report(StudentView student) {
        Map<String, Stored> ratings = new HashMap<>();
        for (Stored row : rows.ratingsOf(student.id())) {
            ratings.put(row.category(), row);
        }
        Stored overall = ratings.get(RatingReplay.OVERALL);
        var evaluations = judging.evaluationsOf(student.id(), student.ref());
        if (overall == null) {
            return new ScoutingReport(
                    student.ref(),
                    student.fullName(),
                    student.schoolCode(),
                    student.expectedGraduationYear(),
                    null,
                    null,
                    null,
                    new ScoutingReport.Percentiles(null, null, null, null),
                    List.of(),
                    null,
                    Map.of(),
                    List.of(),
                    evaluations,
                    student.certifications(),
                    SETTINGS.version(),
                    schools.find(student.schoolCode()).certification(),
                    null);
        }
        // the school's students are the student area's to name; their ratings are counted here
        School school = schools.find(student.schoolCode());
        Double national = percentile(rows.overallBelow(overall.score(), null));
        ScoutingReport.Percentiles percentiles = new ScoutingReport.Percentiles(
                national,
                percentile(
                        school.getRegion() == null
                                ? rows.overallBelow(overall.score(), List.of())
                                : rows.regionBelow(overall.score(), school.getRegion())),
                percentile(rows.overallBelow(overall.score(), students.idsOfSchool(student.schoolCode()))),
                percentile(rows.cohortBelow(overall.score(), student.expectedGraduationYear())));
        Integer age = student.dateOfBirth() == null
                ? null
                : Period.between(student.dateOfBirth(), LocalDate.now(clock)).getYears();
        List<String> flags = SETTINGS.flags()
                .of(
                        national,
                        overall.recent(),
                        overall.growth(),
                        () -> rows.cohortGrowth(SETTINGS.risingStarEvents(), student.expectedGraduationYear()),
                        age);
        Map<String, ReportRows.Counts> categoryCounts = rows.categoryBelow(student.id());
        Map<String, ScoutingReport.Skill> skills = new LinkedHashMap<>();
        for (Stored row : ratings.values().stream()
                .sorted(Comparator.comparing(Stored::category))
                .toList()) {
            if (!RatingReplay.OVERALL.equals(row.category())) {
                ReportRows.Counts counts = categoryCounts.get(row.category());
                skills.put(
                        row.category(),
                        new ScoutingReport.Skill(
                                row.category(),
                                row.score(),
                                round(row.mu()),
                                round(row.sigma()),
                                row.events(),
                                counts == null ? null : percentile(counts)));
            }
        }
        return new ScoutingReport(
                student.ref(),
                student.fullName(),
                student.schoolCode(),
                student.expectedGraduationYear(),
                overall.score(),
                round(overall.mu()),
                round(overall.sigma()),
                percentiles,
                flags,
                new ScoutingReport.Growth(round(overall.growth()), overall.recent()),
                skills,
                explanation(overall.history(), ScoringSettings.of(overall.version())),
                evaluations,
                student.certifications(),
                overall.version(),
                school.certification(),
                formula(overall));
    }

    /** The {@link Percentile} of counts read. */
    private static Double percentile(ReportRows.Counts counts) {
        return Percentile.of(counts.lower(), counts.rated());
    }

    /** The talent score's formula, with the student's numbers, under the settings that computed it. */
    private static ScoutingReport.TalentScoreFormula formula(Stored overall) {
        TalentScore score = ScoringSettings.of(overall.version()).talentScore();
        Map<String, String> words = new LinkedHashMap<>();
        LANGUAGES.forEach((tag, locale) -> words.put(
                tag, score.formula(ResourceBundle.getBundle("messages", locale).getString("report.formula.words"))));
        return new ScoutingReport.TalentScoreFormula(
                score.formula(), score.worked(new Rating(overall.mu(), overall.sigma())), words);
    }

    /** The sentence patterns by language: English and Chinese, as the pages have them. */
    private static final Map<String, Locale> LANGUAGES =
            Map.of("en", Locale.ENGLISH, "zh-CN", Locale.SIMPLIFIED_CHINESE);

    /**
     * Each event of the history with its code, name and date, field strength and expected place
     * (from the field kept with the event), and its sentence in each language; oldest first.
     */
    private List<ScoutingReport.EventEffect> explanation(String history, ScoringSettings settings) {
        List<HistoryEntry> entries = HistoryEntry.parse(history);
        Map<Long, String[]> names = new HashMap<>();
        if (!entries.isEmpty()) {
            List<Long> ids =
                    entries.stream().map(HistoryEntry::event).distinct().toList();
            Map<Long, String> fields = rows.fields(ids);
            events.names(ids)
                    .forEach((id, name) -> names.put(id, new String[] {name.code(), name.name(), fields.get(id)}));
        }
        Map<String, ResourceBundle> bundles = new LinkedHashMap<>();
        LANGUAGES.forEach((tag, locale) -> bundles.put(tag, ResourceBundle.getBundle("messages", locale)));
        List<ScoutingReport.EventEffect> effects = new ArrayList<>();
        for (HistoryEntry e : entries) {
            String[] name = names.getOrDefault(e.event(), new String[] {"?", "?", null});
            boolean sigmas = !Float.isNaN(e.sigmaBefore());
            Rating before = new Rating(e.muBefore(), sigmas ? e.sigmaBefore() : settings.initialSigma());
            Rating after = new Rating(e.muAfter(), sigmas ? e.sigmaAfter() : settings.initialSigma());
            EventExplanation why = EventExplanation.of(
                    e.place(), e.fieldSize(), FieldSummary.parse(name[2]), before, after, settings.beta());
            Map<String, String> sentence = new LinkedHashMap<>();
            bundles.forEach((tag, bundle) ->
                    sentence.put(tag, why.sentence(bundle.getString(why.messageKey()), LANGUAGES.get(tag))));
            effects.add(new ScoutingReport.EventEffect(
                    name[0],
                    name[1],
                    LocalDate.ofEpochDay(e.day()),
                    e.place(),
                    e.fieldSize(),
                    why.fieldStrength(),
                    why.expectedPlace(),
                    round(e.muBefore()),
                    round(e.muAfter()),
                    round(e.muAfter() - e.muBefore()),
                    sigmas ? round(e.sigmaBefore()) : null,
                    sigmas ? round(e.sigmaAfter()) : null,
                    sentence));
        }
        return effects;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
