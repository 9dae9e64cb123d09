package org.talentpipeline.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.student.StudentService;

/**
 * The disclosure log: every view and export of a student's data by an agency's recruiter, read from
 * the audit log (an entry about the student alone, or a read of many that lists them), its actor's
 * agency from their account. The accounts that act for an agency come from identity, the reads by
 * them from audit: two statements, as the agencies' accounts are a few thousand at most.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DisclosureLog {

    /** At most this many entries, newest first. */
    static final int LIMIT = 1_000;

    @Inject
    StudentService students;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    /** The signed-in student's own disclosure log (OWN_RECORD). */
    public List<Disclosure> mine() {
        return of(students.ownRef(Operation.OWN_RECORD));
    }

    /** The disclosures of the student {@code ref}, for a caller that has checked its operation on them. */
    List<Disclosure> of(String ref) {
        Map<String, String> agencies = users.agencyAccounts();
        return audit.readsOf("student:" + ref, agencies.keySet(), LIMIT).stream()
                .map(r -> new Disclosure(r.at(), agencies.get(r.actor()), r.actor(), r.action(), r.what()))
                .toList();
    }
}
