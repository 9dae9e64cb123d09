package org.talentpipeline.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.talentpipeline.evaluation.JudgingService;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.ReadReplica;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.school.SchoolView;
import org.talentpipeline.scoring.engine.EventExplanation;
import org.talentpipeline.scoring.engine.FieldSummary;
import org.talentpipeline.scoring.engine.Rating;
import org.talentpipeline.scoring.engine.RatingReplay;
import org.talentpipeline.scoring.engine.TalentFlags;
import org.talentpipeline.scoring.engine.TalentScore;
import org.talentpipeline.student.StudentService;
import org.talentpipeline.student.StudentView;

/**
 * Reads scouting reports: the stored ratings of one student, their standing among rated peers
 * (counted when asked, so they follow every update), the flags, and the explanation.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScoutingReports {

    /** Where reads that may lag go (the read replica, if there is one). */
    @Inject
    ReadReplica reads;

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

    private record Row(
            String category,
            double mu,
            double sigma,
            double score,
            int events,
            double growth,
            int recent,
            String history,
            String version) {}

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

    private SchoolView.Certification schoolCertification(StudentView student) {
        return schools.find(student.schoolCode()).certification();
    }

    private ScoutingReport report(StudentView student) {
        try (Connection c = reads.connect()) {
            Map<String, Row> rows = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select category, mu, sigma, talent_score, events, growth,"
                    + " recent_events, history, model_version from rating where student_id = ? order by category")) {
                s.setLong(1, student.id());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.put(
                                rs.getString(1),
                                new Row(
                                        rs.getString(1),
                                        rs.getDouble(2),
                                        rs.getDouble(3),
                                        rs.getDouble(4),
                                        rs.getInt(5),
                                        rs.getDouble(6),
                                        rs.getInt(7),
                                        rs.getString(8),
                                        rs.getString(9)));
                    }
                }
            }
            Row overall = rows.get(RatingReplay.OVERALL);
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
                        schoolCertification(student),
                        null);
            }
            String of = " from rating r join student st on st.id = r.student_id join school sc on sc.id = st.school_id"
                    + " where r.category = ''";
            Double national = percentile(
                    c,
                    overall.score(),
                    "select " + Percentile.countsSql("r.talent_score", "?") + " from rating r where r.category = ''",
                    null);
            ScoutingReport.Percentiles percentiles = new ScoutingReport.Percentiles(
                    national,
                    percentile(
                            c,
                            overall.score(),
                            count(of) + " and sc.region = (select region from school where code = ?)",
                            student.schoolCode()),
                    percentile(c, overall.score(), count(of) + " and sc.code = ?", student.schoolCode()),
                    percentile(
                            c,
                            overall.score(),
                            count(of) + " and st.expected_graduation_year = ?",
                            student.expectedGraduationYear()));
            Integer age = student.dateOfBirth() == null
                    ? null
                    : Period.between(student.dateOfBirth(), LocalDate.now(clock))
                            .getYears();
            List<String> flags = SETTINGS.flags()
                    .of(
                            national,
                            overall.recent(),
                            overall.growth(),
                            () -> cohortGrowth(c, student.expectedGraduationYear()),
                            age);
            Map<String, Double> categoryPercentiles = categoryPercentiles(c, student.id());
            Map<String, ScoutingReport.Skill> skills = new LinkedHashMap<>();
            for (Row row : rows.values().stream()
                    .sorted(Comparator.comparing(Row::category))
                    .toList()) {
                if (!RatingReplay.OVERALL.equals(row.category())) {
                    skills.put(
                            row.category(),
                            new ScoutingReport.Skill(
                                    row.category(),
                                    row.score(),
                                    round(row.mu()),
                                    round(row.sigma()),
                                    row.events(),
                                    categoryPercentiles.get(row.category())));
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
                    explanation(c, overall.history(), ScoringSettings.of(overall.version())),
                    evaluations,
                    student.certifications(),
                    overall.version(),
                    schoolCertification(student),
                    formula(overall));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String count(String from) {
        return "select " + Percentile.countsSql("r.talent_score", "?") + from;
    }

    /** The growth of the graduation cohort's students with enough recent events for RISING_STAR. */
    private static TalentFlags.CohortGrowth cohortGrowth(Connection c, int cohort) {
        try (PreparedStatement s =
                c.prepareStatement("select avg(r.growth), stddev_samp(r.growth), count(*) from rating r"
                        + " join student st on st.id = r.student_id where r.category = '' and r.recent_events >= ?"
                        + " and st.expected_graduation_year = ?")) {
            s.setInt(1, SETTINGS.risingStarEvents());
            s.setInt(2, cohort);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new TalentFlags.CohortGrowth(rs.getDouble(1), rs.getDouble(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The talent score's formula, with the student's numbers, under the settings that computed it. */
    private static ScoutingReport.TalentScoreFormula formula(Row overall) {
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
    private static List<ScoutingReport.EventEffect> explanation(Connection c, String history, ScoringSettings settings)
            throws SQLException {
        List<HistoryEntry> entries = HistoryEntry.parse(history);
        Map<Long, String[]> names = new HashMap<>();
        if (!entries.isEmpty()) {
            String ids = String.join(
                    ",",
                    entries.stream()
                            .map(e -> Long.toString(e.event()))
                            .distinct()
                            .toList());
            try (PreparedStatement s =
                            c.prepareStatement("select e.id, e.code, e.name, re.field from competition_event e"
                                    + " left join rated_event re on re.event_id = e.id where e.id in (" + ids + ")");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
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

    /** The student's percentile in each of their skill categories, counted in one pass over those categories. */
    private static Map<String, Double> categoryPercentiles(Connection c, long studentId) throws SQLException {
        Map<String, Double> percentiles = new HashMap<>();
        try (PreparedStatement s =
                c.prepareStatement("select own.category, " + Percentile.countsSql("r.talent_score", "own.talent_score")
                        + " from rating own join rating r on r.category = own.category"
                        + " where own.student_id = ? and own.category <> '' group by own.category")) {
            s.setLong(1, studentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    percentiles.put(rs.getString(1), Percentile.of(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return percentiles;
    }

    /** The {@link Percentile} of a score in a group, counted by {@code sql} (its first parameter the score). */
    private static Double percentile(Connection c, double score, String sql, Object parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setDouble(1, score);
            if (parameter != null) {
                s.setObject(2, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Percentile.of(rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
