package org.talentpipeline.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.competition.ResultService;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.integrity.EvidenceStore;
import org.talentpipeline.placement.PlacementService;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.student.StudentService;

/**
 * Erases a student on request (STUDENT_ERASE: ADMIN), in one transaction: the record becomes a
 * tombstone ({@code SCHOOL/ERASED-id}, no name, birth date, e-mail or number), found by no search,
 * report, board or export; their placements go; their results stay under the tombstone's ref, as an
 * anonymous competitor, so that nobody else's rating moves; their account goes; and the audit log
 * keeps every fact with the tombstone in place of their ref, name and account, plus the erasure.
 */
@ApplicationScoped
@Transactional
public class Erasure {

    @Inject
    Access access;

    @Inject
    StudentService students;

    @Inject
    PlacementService placements;

    @Inject
    ResultService results;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    @Inject
    EvidenceStore integrityEvidence;

    @Inject
    Validator validator;

    /** What an erasure did: the tombstone's ref and how much it touched. */
    /** Ends the audit entry of a minor's erasure, for the minors' yearly report. */
    static final String MINOR_MARK = " [a minor]";

    public record Erased(String ref, int results, int placements, int auditEntries) {}

    /** {@code {"reason": "..."}}: why the student is erased, kept in the audit log. */
    public record ErasureInput(
            @NotBlank(message = ErasureInput.REASON) @Size(max = 500, message = ErasureInput.REASON) String reason) {

        static final String REASON = "is required: why the student is erased (at most 500 characters)";
    }

    public Erased erase(String ref, ErasureInput input) {
        Caller caller = access.require(Operation.STUDENT_ERASE).caller();
        BadInput.check(validator, input, "reason", ErasureInput.REASON);
        return erase(caller, ref, input.reason());
    }

    /** As {@link #erase(String, ErasureInput)} for a caller outside a request: the retention job's, with its own reason. */
    public Erased erase(Caller caller, String ref, String reason) {
        Operation.STUDENT_ERASE.grant(caller);
        StudentService.Erased erased = students.erase(caller, ref);
        int removed = placements.removeStudent(caller, erased.id());
        int kept = results.anonymiseCompetitor(caller, erased.id(), erased.newRef());
        integrityEvidence.anonymise(caller, erased.id(), erased.oldRef(), erased.newRef());
        if (erased.account() != null) {
            users.removeStudentAccount(caller, erased.account());
        }
        int rewritten = audit.pseudonymise(
                caller, erased.oldRef(), erased.newRef(), erased.fullName(), erased.account(), "erased-" + erased.id());
        audit.record(
                caller.username(),
                AuditAction.ERASE,
                "student:" + erased.newRef(),
                erased.schoolCode(),
                reason.strip() + (erased.minor() ? MINOR_MARK : ""),
                null);
        return new Erased(erased.newRef(), kept, removed, rewritten);
    }
}
