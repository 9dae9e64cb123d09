package org.talentpipeline.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.CsvWriter;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.student.StudentService;

/**
 * The yearly report on the processing of minors' data (China's Regulations on the Protection of
 * Minors Online ask for one): minors held, guardians' consents recorded, views and exports of minors'
 * data by agency, corrections asked, erasures. A minor is one under 18 on the 1st of January of the
 * year. ADMIN for every school or one; a SCHOOL_ADMIN for their own.
 *
 * <p>Each area counts its own rows: the student area the minors held and the guardians' consents,
 * identity the accounts that act for an agency, the audit log the reads and the erasures, this area
 * its correction requests. The reads and the corrections are of minors, whom only the student area
 * knows (by date of birth), while the audit log knows students only by ref: the student area gives
 * the minors' ids and refs, and the audit log and the correction requests are counted with them as
 * one array each. For one school that is a few thousand; for the whole nation it is every minor (the
 * secondary schools' students: a tenth of the benchmarks' national data set, about a hundred
 * thousand), taken once a year by an administrator: the one figure that carries such a list, as a
 * join across the areas' tables would need one area to read another's.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MinorsReport {

    @Inject
    StudentService students;

    @Inject
    UserService users;

    @Inject
    CorrectionRows corrections;

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
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = first.plusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long held = students.minorsHeld(first, to, code);
        long guardians = students.guardianConsents(from, to, code);
        List<StudentService.Minor> minors = students.minors(first, code);
        Map<String, String> agencies = users.agencyAccounts();
        Map<String, Long> views = new TreeMap<>();
        Map<String, Long> exports = new TreeMap<>();
        for (AuditLog.ReadCount read : audit.readsOfAny(
                minors.stream().map(m -> "student:" + m.ref()).toList(), agencies.keySet(), from, to)) {
            (AuditAction.EXPORT.name().equals(read.action()) ? exports : views)
                    .merge(agencies.get(read.actor()), read.count(), Long::sum);
        }
        long asked =
                corrections.asked(minors.stream().map(StudentService.Minor::id).toList(), from, to);
        long erasures = audit.count(AuditAction.ERASE, Erasure.MINOR_MARK, from, to, code);
        Report report = new Report(
                year, code, held, guardians, new LinkedHashMap<>(views), new LinkedHashMap<>(exports), asked, erasures);
        audit.record(AuditAction.VIEW, "minors-report:" + year, code, "the minors' yearly report");
        return report;
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
}
