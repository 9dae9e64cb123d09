package org.talentpipeline.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.talentpipeline.platform.ReadReplica;
import org.talentpipeline.scoring.TalentThresholds;

/**
 * Computes a school's evidence from the pipeline's own data over a period: the students enrolled
 * in it, those with competition results from events in it, their median current talent score and
 * how many stand in the national top 1%, and the placements agencies completed in it.
 */
@ApplicationScoped
public class PipelineEvidence {

    /** Where reads that may lag go (the read replica, if there is one). */
    @Inject
    ReadReplica reads;

    @Inject
    TalentThresholds thresholds;

    /** The figures for the {@link Application#EVIDENCE_YEARS} years up to {@code to}. */
    public PipelineFigures figures(long schoolId, LocalDate to) {
        LocalDate from = to.minusYears(Application.EVIDENCE_YEARS);
        String enrolled =
                " from student st where st.school_id = ? and st.enrollment_year <= ? and st.expected_graduation_year >= ?";
        try (Connection c = reads.connect()) {
            int students = (int) count(c, "select count(*)" + enrolled, schoolId, to.getYear(), from.getYear());
            int withResults = (int) count(
                    c,
                    "select count(*)" + enrolled + " and (exists (select 1 from result r"
                            + " join competition_event e on e.id = r.event_id where r.student_id = st.id and e.start_date between ? and ?)"
                            + " or exists (select 1 from team_member tm join competition_event e on e.id = tm.event_id"
                            + " where tm.student_id = st.id and e.start_date between ? and ?))",
                    schoolId,
                    to.getYear(),
                    from.getYear(),
                    Date.valueOf(from),
                    Date.valueOf(to),
                    Date.valueOf(from),
                    Date.valueOf(to));
            BigDecimal median = null;
            try (PreparedStatement s = c.prepareStatement(
                    "select percentile_cont(0.5) within group (order by r.talent_score)"
                            + " from rating r join student st on st.id = r.student_id where r.category = '' and st.school_id = ?")) {
                s.setLong(1, schoolId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && rs.getObject(1) != null) {
                        median = BigDecimal.valueOf(rs.getDouble(1)).setScale(1, RoundingMode.HALF_UP);
                    }
                }
            }
            double top = thresholds.leastScore(TalentThresholds.OVERALL, 99);
            int topOne = (int) count(
                    c,
                    "select count(*) from rating r join student st on st.id = r.student_id"
                            + " where r.category = '' and st.school_id = ? and r.talent_score >= ?",
                    schoolId,
                    top);
            int placements = (int) count(
                    c,
                    "select count(distinct p.id) from placement p join student st on st.id = p.student_id"
                            + " join stage_change sc on sc.placement_id = p.id where st.school_id = ? and p.stage = 'PLACED'"
                            + " and sc.stage = 'PLACED' and sc.changed_at >= ? and sc.changed_at < ?",
                    schoolId,
                    Timestamp.valueOf(from.atStartOfDay()),
                    Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
            return new PipelineFigures(from, to, students, withResults, median, topOne, placements);
        } catch (SQLException e) {
            throw new IllegalStateException("the school's pipeline figures could not be read", e);
        }
    }

    private static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
