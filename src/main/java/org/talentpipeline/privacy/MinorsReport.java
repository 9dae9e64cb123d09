package org.talentpipeline.privacy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.CsvWriter;
import org.talentpipeline.platform.Migrations;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.student.AgeRules;

/**
 * The yearly report on the processing of minors' data (China's Regulations on the Protection of
 * Minors Online ask for one): minors held, guardians' consents recorded, views and exports of minors'
 * data by agency, corrections asked, erasures. A minor is one under 18 on the 1st of January of the
 * year. ADMIN for every school or one; a SCHOOL_ADMIN for their own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MinorsReport {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    /** A named school must exist (404 otherwise). */
    @Inject
    SchoolService schools;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    /** The report: the year, the school (null for all), and the counts. */
    public record Report(
            int year,
            String school,
            long minorsHeld,
            long guardianConsents,
            Map<String, Long> viewsByAgency,
            Map<String, Long> exportsByAgency,
            long corrections,
            long erasures) {}

    @Transactional(Transactional.TxType.REQUIRED)
    public Report report(Integer year, String school) {
        Grant grant = access.require(Operation.MINORS_REPORT);
        if (year == null || year < 2000 || year > 2100) {
            throw new BadInput("year", "is required, from 2000 to 2100");
        }
        String code = school == null || school.isBlank()
                ? grant.schoolFilter()
                : school.trim().toUpperCase(Locale.ROOT);
        if (code != null) {
            grant.check(Tenant.school(code), "school " + code);
            schools.find(code);
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        Timestamp from = Timestamp.from(first.atStartOfDay().toInstant(ZoneOffset.UTC));
        Timestamp to = Timestamp.from(first.plusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        Date bornAfter = Date.valueOf(AgeRules.minorsBornAfter(first));
        String bySchool = code == null ? "" : " and sc.code = ?";
        try (Connection c = dataSource.getConnection()) {
            long held = count(
                    c,
                    "select count(*) from student st join school sc on sc.id = st.school_id where st.status <> 'ERASED'"
                            + " and st.date_of_birth > ? and st.created_at < ?" + bySchool,
                    bornAfter,
                    to,
                    code);
            long guardians = count(
                    c,
                    "select count(*) from student_consent co join student st on st.id = co.student_id join school sc"
                            + " on sc.id = st.school_id where co.granted = true and co.guardian_consent = true and co.recorded_at >= ?"
                            + " and co.recorded_at < ?" + bySchool,
                    from,
                    to,
                    code);
            Map<String, Long> views = new LinkedHashMap<>();
            Map<String, Long> exports = new LinkedHashMap<>();
            String minorsSubjects =
                    "select 'student:' || sc.code || '/' || st.student_number as subject from student st join school sc"
                            + " on sc.id = st.school_id where st.date_of_birth > ?" + bySchool;
            String reads =
                    "select u.agency_code, e.action, count(*) from audit_event e join app_user u on u.username = e.actor"
                            + " where u.agency_code is not null and e.action in ('VIEW', 'EXPORT') and e.occurred_at >= ? and e.occurred_at < ?"
                            + " and (e.subject in (" + minorsSubjects
                            + ") or exists (select 1 from audit_subject a where a.event_id = e.id"
                            + " and a.subject in (" + minorsSubjects
                            + "))) group by u.agency_code, e.action order by u.agency_code";
            List<Object> params = new ArrayList<>(List.of(from, to, bornAfter));
            if (code != null) {
                params.add(code);
            }
            params.add(bornAfter);
            if (code != null) {
                params.add(code);
            }
            try (PreparedStatement s = c.prepareStatement(reads)) {
                for (int i = 0; i < params.size(); i++) {
                    s.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        (AuditAction.EXPORT.name().equals(rs.getString(2)) ? exports : views)
                                .put(rs.getString(1), rs.getLong(3));
                    }
                }
            }
            long corrections = count(
                    c,
                    "select count(*) from correction_request cr join student st on st.id = cr.student_id join"
                            + " school sc on sc.id = st.school_id where st.date_of_birth > ? and cr.created_at >= ? and cr.created_at < ?"
                            + bySchool,
                    bornAfter,
                    from,
                    to,
                    code);
            long erasures = count(
                    c,
                    "select count(*) from audit_event e where e.action = 'ERASE' and e.detail like ?"
                            + " and e.occurred_at >= ? and e.occurred_at < ?"
                            + (code == null ? "" : " and e.school_code = ?"),
                    "%" + Erasure.MINOR_MARK,
                    from,
                    to,
                    code);
            Report report = new Report(year, code, held, guardians, views, exports, corrections, erasures);
            audit.record(AuditAction.VIEW, "minors-report:" + year, code, "the minors' yearly report");
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("the minors' report could not be read", e);
        }
    }

    /** The report as CSV: measure, agency, count. */
    public static String csv(Report r) {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        try {
            csv.row(List.of("year", "school", "measure", "agency", "count"));
            String school = r.school() == null ? "all" : r.school();
            csv.row(List.of(r.year(), school, "minors_held", "", r.minorsHeld()));
            csv.row(List.of(r.year(), school, "guardian_consents", "", r.guardianConsents()));
            r.viewsByAgency().forEach((a, n) -> row(csv, r.year(), school, "views", a, n));
            r.exportsByAgency().forEach((a, n) -> row(csv, r.year(), school, "exports", a, n));
            csv.row(List.of(r.year(), school, "corrections", "", r.corrections()));
            csv.row(List.of(r.year(), school, "erasures", "", r.erasures()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void row(CsvWriter csv, int year, String school, String measure, String agency, long n) {
        try {
            csv.row(List.of(year, school, measure, agency, n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A count; a null last parameter (no school named) is left out, as its condition is. */
    private static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int n = params.length;
            if (n > 0 && params[n - 1] == null) {
                n--;
            }
            for (int i = 0; i < n; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
