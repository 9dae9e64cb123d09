package org.talentpipeline.student;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
 * consent changes, the updates, the inserts, the new students' consent, and the audit entry. The
 * same SQL runs on H2 and PostgreSQL (both have MERGE and {@code nextval('...')}).
 */
@ApplicationScoped
@Transactional
public class ImportApply {

    @Resource(lookup = Migrations.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    AuditLog audit;

    record Counts(int created, int updated) {
    }

    Counts apply(String importId, long schoolId, String schoolCode, String actor, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        int created;
        int updated;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement changedConsent = c.prepareStatement("insert into student_consent (id, student_id,"
                    + " granted, guardian_consent, recorded_by, recorded_at, source) select nextval('student_consent_seq'),"
                    + " s.id, r.consent_to_share, case when r.consent_to_share then s.guardian_consent else false end, ?, ?,"
                    + " 'IMPORT' from student_import_row r join student s on s.school_id = ?"
                    + " and s.student_number = r.student_number where r.import_id = ? and r.consent_to_share <> s.consent_to_share")) {
                changedConsent.setString(1, actor);
                changedConsent.setTimestamp(2, at);
                changedConsent.setLong(3, schoolId);
                changedConsent.setString(4, importId);
                changedConsent.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("merge into student s using (select * from student_import_row"
                    + " where import_id = ?) r on (s.school_id = ? and s.student_number = r.student_number)"
                    + " when matched then update set full_name = r.full_name, name_key = r.name_key,"
                    + " date_of_birth = r.date_of_birth, email = r.email, program_id = r.program_id,"
                    + " enrollment_year = r.enrollment_year, expected_graduation_year = r.expected_graduation_year,"
                    + " consent_to_share = r.consent_to_share,"
                    + " guardian_consent = case when r.consent_to_share then s.guardian_consent else false end,"
                    + " updated_at = ?, version = s.version + 1")) {
                update.setString(1, importId);
                update.setLong(2, schoolId);
                update.setTimestamp(3, at);
                updated = update.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("insert into student (id, school_id, student_number,"
                    + " full_name, name_key, date_of_birth, email, program_id, enrollment_year, expected_graduation_year,"
                    + " status, consent_to_share, guardian_consent, created_at, updated_at, version)"
                    + " select nextval('student_seq'), ?, r.student_number, r.full_name, r.name_key, r.date_of_birth, r.email,"
                    + " r.program_id, r.enrollment_year, r.expected_graduation_year, 'ENROLLED', r.consent_to_share, false,"
                    + " ?, ?, 1 from student_import_row r where r.import_id = ? and not exists (select 1 from student s"
                    + " where s.school_id = ? and s.student_number = r.student_number)")) {
                insert.setLong(1, schoolId);
                insert.setTimestamp(2, at);
                insert.setTimestamp(3, at);
                insert.setString(4, importId);
                insert.setLong(5, schoolId);
                created = insert.executeUpdate();
            }
            try (PreparedStatement newConsent = c.prepareStatement("insert into student_consent (id, student_id, granted,"
                    + " guardian_consent, recorded_by, recorded_at, source) select nextval('student_consent_seq'), s.id,"
                    + " true, false, ?, ?, 'IMPORT' from student_import_row r join student s on s.school_id = ?"
                    + " and s.student_number = r.student_number where r.import_id = ? and r.consent_to_share = true"
                    // the update above raised every matched student's version: version 1 means inserted now
                    + " and s.version = 1")) {
                newConsent.setString(1, actor);
                newConsent.setTimestamp(2, at);
                newConsent.setLong(3, schoolId);
                newConsent.setString(4, importId);
                newConsent.executeUpdate();
            }
        }
        audit.record(actor, AuditAction.IMPORT, "school:" + schoolCode, schoolCode,
                "students: " + created + " created, " + updated + " updated", null);
        return new Counts(created, updated);
    }
}
