package org.talentpipeline.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.competition.ResultService;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.UserService;
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

    /** What an erasure did: the tombstone's ref and how much it touched. */
    public record Erased(String ref, int results, int placements, int auditEntries) {
    }

    public Erased erase(String ref, String reason) {
        access.require(Operation.STUDENT_ERASE);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new BadInput("reason", "is required: why the student is erased (at most 500 characters)");
        }
        StudentService.Erased erased = students.erase(ref);
        int removed = placements.removeStudent(erased.id());
        int kept = results.anonymiseCompetitor(erased.id(), erased.newRef());
        if (erased.account() != null) {
            users.removeStudentAccount(erased.account());
        }
        int rewritten = audit.pseudonymise(erased.oldRef(), erased.newRef(), erased.fullName(), erased.account(),
                "erased-" + erased.id());
        audit.record(AuditAction.ERASE, "student:" + erased.newRef(), erased.schoolCode(), reason.strip());
        return new Erased(erased.newRef(), kept, removed, rewritten);
    }
}
