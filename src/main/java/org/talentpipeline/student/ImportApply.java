package org.talentpipeline.student;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.platform.Migrations;

/**
 * Applies a checked import in one transaction, set-based: consent history for students whose
 * consent changes, the updates (and, through {@link StudentsChanged}, the candidate search's copy of them), the inserts, the new
 * students' consent, and the audit entry. The same SQL runs on H2 and PostgreSQL (both have MERGE
 * and {@code nextval('...')}).
 */
@ApplicationScoped
@Transactional
public class ImportApply {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    Event<StudentsChanged> changed;

    record Counts(int created, int updated) {}

    /**
     * Applies a staging table whose rows know their existing student ({@code student_id}) or, for a
     * new one, the id it gets ({@code new_id}): no statement looks a student up by number again. An
     * existing student is written only where something changed: on H2 an update in place is the
     * slow part, and re-importing an unchanged file should not pay for it.
     */
    Counts apply(String table, long schoolId, String schoolCode, String actor, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        int created;
        int updated;
        try (Connection c = dataSource.getConnection()) {
            execute(
                    c,
                    "insert into student_consent (id, student_id, granted, guardian_consent, recorded_by, recorded_at,"
                            + " source) select nextval('student_consent_seq'), s.id, r.consent_to_share,"
                            + " case when r.consent_to_share then s.guardian_consent else false end, ?, ?, 'IMPORT'"
                            + " from " + table + " r join student s on s.id = r.student_id"
                            + " where r.consent_to_share <> s.consent_to_share",
                    actor,
                    at);
            updated = count(c, "select count(*) from " + table + " where student_id is not null");
            execute(
                    c,
                    "merge into student s using (select * from " + table + " where student_id is not null) r"
                            + " on (s.id = r.student_id)"
                            + " when matched and (s.full_name <> r.full_name or s.date_of_birth <> r.date_of_birth"
                            + " or coalesce(s.email, '') <> coalesce(r.email, '') or coalesce(s.program_id, -1) <> coalesce(r.program_id, -1)"
                            + " or s.enrollment_year <> r.enrollment_year or s.expected_graduation_year <> r.expected_graduation_year"
                            + " or s.consent_to_share <> r.consent_to_share) then update set full_name = r.full_name, name_key = r.name_key,"
                            + " date_of_birth = r.date_of_birth, email = r.email, program_id = r.program_id,"
                            + " enrollment_year = r.enrollment_year, expected_graduation_year = r.expected_graduation_year,"
                            + " consent_to_share = r.consent_to_share,"
                            + " guardian_consent = case when r.consent_to_share then s.guardian_consent else false end,"
                            + " updated_at = ?, version = s.version + 1",
                    at);
            // what other areas copy of the updated students' consent and graduation year follows, set-based
            changed.fire(StudentsChanged.batch("select student_id from " + table + " where student_id is not null"));
            created = execute(
                    c,
                    "insert into student (id, school_id, student_number, full_name, name_key, date_of_birth,"
                            + " email, program_id, enrollment_year, expected_graduation_year, status, consent_to_share,"
                            + " guardian_consent, created_at, updated_at, version) select r.new_id, ?, r.student_number,"
                            + " r.full_name, r.name_key, r.date_of_birth, r.email, r.program_id, r.enrollment_year,"
                            + " r.expected_graduation_year, 'ENROLLED', r.consent_to_share, false, ?, ?, 1 from "
                            + table + " r"
                            + " where r.student_id is null order by r.line",
                    schoolId,
                    at,
                    at);
            execute(
                    c,
                    "insert into student_consent (id, student_id, granted, guardian_consent, recorded_by, recorded_at,"
                            + " source) select nextval('student_consent_seq'), r.new_id, true, false, ?, ?, 'IMPORT'"
                            + " from " + table + " r where r.student_id is null and r.consent_to_share = true",
                    actor,
                    at);
        }
        audit.record(
                actor,
                AuditAction.IMPORT,
                "school:" + schoolCode,
                schoolCode,
                "students: " + created + " created, " + updated + " updated",
                null);
        return new Counts(created, updated);
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql);
                java.sql.ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }
}
