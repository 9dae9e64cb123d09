package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.Secrets;
import org.talentpipeline.school.School;

/**
 * Students' own accounts. A school's admin (or ADMIN) invites a student ({@link Operation#STUDENT_INVITE}):
 * a one-time code, valid {@link Invitation#VALID_DAYS} days, shown once (only its hash is kept);
 * the student activates it with a user name and password, and the new account (role STUDENT) is
 * linked to exactly that student's record.
 */
@ApplicationScoped
@Transactional
public class StudentAccounts {

    /** Letters and digits that cannot be mistaken for each other when read out or typed. */
    @PersistenceContext
    EntityManager em;

    @Inject
    StudentService students;

    @Inject
    UserService users;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** An invitation as it is shown once: the student, the code and until when it can be used. */
    public record Issued(String ref, String fullName, String code, Instant expiresAt) {}

    /** The account an activation made. */
    public record Activated(String username, String ref) {}

    /** Invites one student; 409 when they have an account already. */
    public Issued invite(String ref) {
        Grant grant = access.require(Operation.STUDENT_INVITE);
        Student student = students.resolve(grant, ref);
        if (student.getAccount() != null) {
            throw new Conflict("student " + student.ref() + " has an account already");
        }
        return issue(student, Instant.now(clock));
    }

    /**
     * Invites a school's students at once: those {@code refs} names, or when it names none every
     * student of the school without an account. Each code is shown once, in the answer (the school
     * hands out the list).
     */
    public List<Issued> inviteAll(String schoolCode, List<String> refs) {
        Grant grant = access.require(Operation.STUDENT_INVITE);
        School school = students.school(grant, schoolCode);
        Instant now = Instant.now(clock);
        List<Student> invited = new ArrayList<>();
        if (refs == null || refs.isEmpty()) {
            invited.addAll(em.createQuery(
                            "select s from Student s where s.school = :school and s.account is null"
                                    + " order by s.studentNumber",
                            Student.class)
                    .setParameter("school", school)
                    .getResultList());
        } else {
            for (String ref : refs) {
                Student s = students.resolve(grant, ref);
                if (!s.getSchool().getCode().equals(school.getCode())) {
                    throw new BadInput("refs", ref + " is not a student of " + school.getCode());
                }
                if (s.getAccount() == null) {
                    invited.add(s);
                }
            }
        }
        return invited.stream().map(s -> issue(s, now)).toList();
    }

    private Issued issue(Student student, Instant now) {
        String code = newCode();
        em.persist(new Invitation(student, hash(code), actor(), now));
        audit.record(
                AuditAction.INVITE,
                "student:" + student.ref(),
                student.getSchool().getCode(),
                "code valid " + Invitation.VALID_DAYS + " days");
        return new Issued(student.ref(), student.getFullName(), code, now.plus(Duration.ofDays(Invitation.VALID_DAYS)));
    }

    /**
     * Makes the student's account from an invitation's code, once: a wrong, used or expired code is
     * one answer (400 naming {@code code}), so that the answer tells nothing about other codes.
     */
    public Activated activate(String code, String username, String password) {
        if (code == null || code.isBlank()) {
            throw new BadInput("code", "is required");
        }
        Instant now = Instant.now(clock);
        Invitation invitation = em.createNamedQuery("Invitation.byCode", Invitation.class)
                .setParameter("hash", hash(code))
                .getResultStream()
                .filter(i -> i.usableAt(now))
                .findFirst()
                .orElseThrow(() -> new BadInput("code", "is not a valid invitation code (wrong, used or expired)"));
        Student student = invitation.getStudent();
        if (student.getAccount() != null) {
            throw new Conflict("the student has an account already");
        }
        String name = users.createStudentAccount(username, password).username();
        student.linkAccount(name);
        invitation.use(now);
        audit.record(
                name,
                AuditAction.ACTIVATE,
                "student:" + student.ref(),
                student.getSchool().getCode(),
                "account " + name,
                null);
        return new Activated(name, student.ref());
    }

    static String newCode() {
        return Secrets.readable(12, 4);
    }

    /** The stored form of a code: SHA-256 of its letters and digits in upper case (dashes and spaces ignored). */
    static String hash(String code) {
        return Secrets.sha256(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
    }

    private String actor() {
        return access.granted(Operation.STUDENT_INVITE).map(Grant::username).orElse("system");
    }
}
