package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;

/**
 * Applies a checked import in one transaction, set-based: consent history for students whose
 * consent changes, the updates (and, through {@link StudentsChanged}, the candidate search's copy of them), the inserts, the new
 * students' consent, and the audit entry. The statements are {@link ImportRows}' (the same SQL on H2
 * and PostgreSQL); this bean holds the transaction, the event and the audit.
 */
@ApplicationScoped
@Transactional
public class ImportApply {

    @Inject
    ImportRows rows;

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
    Counts apply(String table, long schoolId, String schoolCode, String actor, Instant now) {
        rows.recordConsentChanges(table, actor, now);
        int updated = rows.updateExisting(table, now);
        // what other areas copy of the updated students' consent and graduation year follows, set-based
        changed.fire(StudentsChanged.batch(ImportRows.updatedSelector(table)));
        int created = rows.insertNew(table, schoolId, now);
        rows.recordNewConsent(table, actor, now);
        audit.record(
                actor,
                AuditAction.IMPORT,
                "school:" + schoolCode,
                schoolCode,
                "students: " + created + " created, " + updated + " updated",
                null);
        return new Counts(created, updated);
    }
}
