package org.talentpipeline.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Scope;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Forbidden;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.StaleVersion;
import org.talentpipeline.platform.Versions;
import org.talentpipeline.school.Program;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.taxonomy.NiceFramework;

/**
 * Students' records. The access policy is asked here on every call, for pages, API, servlet and
 * jobs alike ({@link Operation#STUDENT_READ}, {@link Operation#STUDENT_WRITE}): ADMIN reaches every
 * school, a SCHOOL_ADMIN only their own; any other school's student, by ref or by guessed id, is not
 * found. Every change is in the audit log, in the same transaction, and so is every read of a
 * record or a list page by its reader.
 */
@ApplicationScoped
@Transactional
public class StudentService {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<StudentsChanged> changed;

    @Inject
    Event<StudentErased> erased;

    @Inject
    CurrentUser currentUser;

    @Inject
    Access access;

    @Inject
    SchoolService schools;

    @Inject
    NiceFramework nice;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    /**
     * One page of the students the caller may see, in one audit entry that lists the students shown
     * (each beside their school, so that the school finds the read).
     */
    public Page<StudentRow> list(StudentQuery query, PageRequest page) {
        Grant grant = access.require(Operation.STUDENT_READ);
        Page<StudentRow> rows = rows(grant, query, page);
        String school = listedSchool(grant, query.school());
        audit.recordRead(
                AuditAction.VIEW,
                "students of " + (school == null ? "every school" : school) + ", page " + (page.page() + 1),
                rows.items().stream().map(StudentService::subjectOf).toList());
        return rows;
    }

    /** A school's students, how many consent to share, and how many are minors today. */
    public record SchoolStudents(String school, long students, long consenting, long minors) {}

    /** The counts of the caller's school (an ADMIN names the school), for the school's home. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SchoolStudents figures(String code) {
        Grant grant = access.require(Operation.STUDENT_READ);
        String school = grant.schoolFilter() != null ? grant.schoolFilter() : code;
        if (school == null || school.isBlank()) {
            throw new BadInput("school", "name the school");
        }
        // three counts, each condition in a where clause (a boolean inside CASE is printed as 1, which H2 refuses)
        String of = "select count(s) from Student s where s.school.code = :school";
        long students =
                em.createQuery(of, Long.class).setParameter("school", school).getSingleResult();
        long consenting = em.createQuery(of + " and s.consentToShare = :consent", Long.class)
                .setParameter("school", school)
                .setParameter("consent", true)
                .getSingleResult();
        long minors = em.createQuery(of + " and s.dateOfBirth > :adult", Long.class)
                .setParameter("school", school)
                .setParameter("adult", AgeRules.minorsBornAfter(LocalDate.now(clock)))
                .getSingleResult();
        return new SchoolStudents(school, students, consenting, minors);
    }

    static AuditLog.Subject subjectOf(StudentRow row) {
        return new AuditLog.Subject("student:" + row.ref(), row.schoolCode());
    }

    /**
     * One page of students within a grant the caller already holds (the export's), not audited: the
     * caller records what it did with them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Page<StudentRow> rows(Grant grant, StudentQuery query, PageRequest page) {
        String school = listedSchool(grant, query.school());
        // conditions, each after " and "; no "1 = 1" to start from: EclipseLink does not bind a statement that
        // compares two literals, and unbound, it writes a boolean as 0 or 1, which H2 will not compare with a boolean
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (school != null) {
            where.append(" and s.school = :school");
            params.put("school", schools.find(school));
        }
        if (query.name() != null && !query.name().isBlank()) {
            where.append(" and s.nameKey like :name escape '\\'");
            params.put("name", likePrefix(Student.nameKey(query.name())));
        }
        if (query.studentNumber() != null && !query.studentNumber().isBlank()) {
            where.append(" and s.studentNumber like :number escape '\\'");
            params.put("number", likePrefix(query.studentNumber().trim()));
        }
        if (query.status() != null) {
            where.append(" and s.status = :status");
            params.put("status", query.status());
        }
        if (query.graduationYear() != null) {
            where.append(" and s.expectedGraduationYear = :grad");
            params.put("grad", query.graduationYear());
        }
        if (query.consent() != null) {
            where.append(" and s.consentToShare = :consent");
            params.put("consent", query.consent());
        }
        // an erased student's tombstone is listed nowhere
        where.append(" and s.status <> :erased");
        params.put("erased", StudentStatus.ERASED);
        String clause = " where" + where.substring(" and".length());
        StudentQuery.Sort sort = query.sort() == null ? StudentQuery.Sort.NAME : query.sort();
        // The page's ids come from the student table alone, in index order (no tie-breaker, so that
        // "order by name_key" stops after one page); the rows are then read by id. Joined in one query,
        // H2 may drive the join from the school table and sort every student first.
        TypedQuery<Long> ids = em.createQuery(
                "select s.id from Student s" + clause + " order by " + sort.path
                        + (query.descending() ? " desc" : " asc"),
                Long.class);
        TypedQuery<Long> count = em.createQuery("select count(s) from Student s" + clause, Long.class);
        params.forEach((k, v) -> {
            ids.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Long> pageIds =
                ids.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<StudentRow> items = pageIds.isEmpty() ? List.of() : rowsInOrder(pageIds);
        return new Page<>(items, count.getSingleResult());
    }

    private List<StudentRow> rowsInOrder(List<Long> ids) {
        Map<Long, StudentRow> byId = new HashMap<>();
        em.createQuery(
                        "select new org.talentpipeline.student.StudentRow(s.id, sc.code, s.studentNumber, s.fullName,"
                                + " s.dateOfBirth, s.email, p.name, s.enrollmentYear, s.expectedGraduationYear, s.status, s.consentToShare)"
                                + " from Student s join s.school sc left join s.program p where s.id in :ids",
                        StudentRow.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The most certification names a form suggests at once. */
    public static final int SUGGESTED_CERTIFICATIONS = 20;

    /**
     * The certification names students already hold that contain the text typed (any case), for the
     * student form's suggestions: a name is written the same way each time ("OSCP", not "oscp ").
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> certificationNames(String typed) {
        access.require(Operation.STUDENT_WRITE);
        String like = "%"
                + (typed == null
                        ? ""
                        : typed.strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_"))
                + "%";
        return em.createQuery(
                        "select distinct c.name from Certification c where lower(c.name) like :like escape '\\'"
                                + " order by c.name",
                        String.class)
                .setParameter("like", like)
                .setMaxResults(SUGGESTED_CERTIFICATIONS)
                .getResultList();
    }

    /** A student's record, for ADMIN or their school's admin; the read is audited. */
    public StudentView get(String ref) {
        Student student = resolve(access.require(Operation.STUDENT_READ), ref);
        audit.record(AuditAction.VIEW, subject(student), student.getSchool().getCode(), "record");
        return StudentView.of(student, today());
    }

    /** A student's record with their consent history, as their page shows it: one audited read. */
    public StudentRecord open(String ref) {
        Student student = resolve(access.require(Operation.STUDENT_READ), ref);
        audit.record(AuditAction.VIEW, subject(student), student.getSchool().getCode(), "record and consent history");
        return new StudentRecord(
                StudentView.of(student, today()),
                student.getConsents().stream().map(ConsentView::of).toList());
    }

    /**
     * Creates a student. The input's Bean Validation constraints are checked here, not by the
     * interceptor, so that one answer names every problem: single fields and the rules across them.
     */
    public StudentView create(String schoolCode, StudentInput input) {
        Grant grant = access.require(Operation.STUDENT_WRITE);
        School school = school(grant, schoolCode);
        requireBody(input);
        List<FieldProblem> problems = problems(input, school);
        String number =
                input.studentNumber() == null ? "" : input.studentNumber().trim();
        if (!number.isEmpty() && find(school.getCode(), number).isPresent()) {
            problems.add(new FieldProblem("studentNumber", "the school has a student " + number + " already"));
        }
        throwIfAny(problems);
        Instant now = Instant.now(clock);
        Student student = new Student(
                school,
                number,
                input.fullName(),
                input.dateOfBirth(),
                null,
                null,
                input.enrollmentYear(),
                input.expectedGraduationYear(),
                false,
                now);
        student.update(input, program(school, input.program()), now);
        em.persist(student);
        if (Boolean.TRUE.equals(input.consentToShare())) {
            student.recordConsent(true, false, actor(), now, Consent.Source.FORM, null, today());
        }
        em.flush();
        audit.record(AuditAction.CREATE, subject(student), school.getCode(), null);
        return StudentView.of(student, today());
    }

    /**
     * Changes a student's record, made from the version {@code expectedVersion} of it.
     *
     * @throws StaleVersion when someone else has changed the record since that version
     */
    public StudentView update(String ref, long expectedVersion, StudentInput input) {
        Student student = resolve(access.require(Operation.STUDENT_WRITE), ref);
        requireBody(input);
        Versions.check(expectedVersion, student.getVersion(), "student " + student.ref());
        if (input.studentNumber() != null && !input.studentNumber().trim().equals(student.getStudentNumber())) {
            throw new BadInput("studentNumber", "cannot change: it is the student's key within the school");
        }
        input = input.withStudentNumber(student.getStudentNumber());
        throwIfAny(problems(input, student.getSchool()));
        Instant now = Instant.now(clock);
        student.update(input, program(student.getSchool(), input.program()), now);
        if (input.consentToShare() != null && input.consentToShare() != student.isConsentToShare()) {
            student.recordConsent(
                    input.consentToShare(),
                    student.isGuardianConsent(),
                    actor(),
                    now,
                    Consent.Source.FORM,
                    null,
                    today());
        }
        try {
            candidateFollows(student);
        } catch (OptimisticLockException e) {
            // someone else's change committed between our read and our write
            throw new StaleVersion("student " + student.ref());
        }
        audit.record(AuditAction.UPDATE, subject(student), student.getSchool().getCode(), null);
        return StudentView.of(student, today());
    }

    public void delete(String ref) {
        Student student = resolve(access.require(Operation.STUDENT_WRITE), ref);
        audit.record(AuditAction.DELETE, subject(student), student.getSchool().getCode(), student.getFullName());
        em.remove(student);
    }

    /**
     * A consent decision: {@code {"granted": true, "agencies": ["NCSC"], "guardianConsent": false, "note": "..."}};
     * {@code agencies} left out shares with every agency the school approves.
     */
    public record ConsentInput(
            @NotNull(message = ConsentInput.GRANTED) Boolean granted,
            List<String> agencies,
            Boolean guardianConsent,
            @Size(max = 500, message = "must be at most 500 characters") String note) {

        /** The message of a decision that says neither yes nor no, here and on the student's own ({@code /me}). */
        public static final String GRANTED = "is required: true to share, false to withdraw";
    }

    /**
     * Records a decision to share or stop sharing, by the school for its student (or a guardian
     * through the school). The input is checked once the student is found: another school's student
     * is not found, whatever the input.
     */
    public StudentView recordConsent(String ref, ConsentInput input, Consent.Source source) {
        Student student = resolve(access.require(Operation.STUDENT_WRITE), ref);
        BadInput.check(validator, input, "granted", ConsentInput.GRANTED);
        consent(
                student,
                input.granted(),
                input.agencies(),
                Boolean.TRUE.equals(input.guardianConsent()),
                input.note(),
                source);
        return StudentView.of(student, today());
    }

    private void consent(
            Student student,
            boolean granted,
            List<String> agencies,
            boolean guardianConsent,
            String note,
            Consent.Source source) {
        Set<String> chosen = null;
        if (agencies != null && granted) {
            chosen = new TreeSet<>();
            List<FieldProblem> problems = new ArrayList<>();
            for (String a : agencies) {
                String code = a == null ? "" : a.trim().toUpperCase(Locale.ROOT);
                if (!student.getSchool().approves(code)) {
                    problems.add(new FieldProblem("agencies", code + " is not an agency the school approves"));
                }
                chosen.add(code);
            }
            throwIfAny(problems);
        }
        student.recordConsent(granted, chosen, guardianConsent, actor(), Instant.now(clock), source, note, today());
        candidateFollows(student);
        audit.record(
                AuditAction.CONSENT,
                subject(student),
                student.getSchool().getCode(),
                (granted
                                ? "granted to " + (chosen == null ? "all approved agencies" : String.join(", ", chosen))
                                : "withdrawn")
                        + (guardianConsent ? " with guardian's consent" : "") + " (" + source + ")");
    }

    /**
     * The signed-in student's own record, as they see it: the whole record, whom they share with, the
     * agencies their school approves, and their consent history. The read is audited.
     */
    public OwnRecord ownRecord() {
        Student student = own(Operation.OWN_RECORD);
        audit.record(AuditAction.VIEW, subject(student), student.getSchool().getCode(), "own record");
        return ownRecord(student);
    }

    /**
     * A student's record as their data export holds it, produced by their school (STUDENT_EXPORT:
     * ADMIN, the school's own admin) for the student; audited as an export.
     */
    public OwnRecord exportRecord(String ref) {
        Student student = resolve(access.require(Operation.STUDENT_EXPORT), ref);
        audit.record(
                AuditAction.EXPORT,
                subject(student),
                student.getSchool().getCode(),
                "the student's data, for the student");
        return ownRecord(student);
    }

    private OwnRecord ownRecord(Student student) {
        return new OwnRecord(
                StudentView.of(student, today()),
                student.isAllAgencies(),
                student.getAgencies(),
                student.getSchool().getApprovedAgencies(),
                student.getConsents().stream().map(ConsentView::of).toList());
    }

    /**
     * The signed-in student's own decision to share (OWN_CONSENT): with every agency their school
     * approves ({@code agencies} null) or with chosen ones, or a withdrawal; in force at once. A
     * student under 14 cannot grant it themselves: a guardian's consent goes through the school.
     */
    public OwnRecord ownConsent(boolean granted, List<String> agencies) {
        Student student = own(Operation.OWN_CONSENT);
        consent(student, granted, agencies, false, null, Consent.Source.STUDENT);
        return ownRecord(student);
    }

    /** The signed-in student's own record's id and ref, for the other areas' own-data operations. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StudentView ownView(Operation operation) {
        return StudentView.of(own(operation), today());
    }

    /** The record fields a student may ask to have corrected. */
    public static final List<String> CORRECTABLE =
            List.of("fullName", "dateOfBirth", "email", "expectedGraduationYear");

    /**
     * Applies an accepted correction to a student's record, within the grant of the decision's
     * operation (the school's admin, or ADMIN); audited as an update.
     */
    public StudentView applyCorrection(Grant grant, long id, String field, String value) {
        Student student = resolve(grant, Long.toString(id));
        StudentView v = StudentView.of(student, today());
        String name = v.fullName();
        LocalDate born = v.dateOfBirth();
        String email = v.email();
        int graduates = v.expectedGraduationYear();
        try {
            switch (field == null ? "" : field) {
                case "fullName" -> name = value;
                case "dateOfBirth" -> born = LocalDate.parse(value.trim());
                case "email" -> email = value;
                case "expectedGraduationYear" -> graduates = Integer.parseInt(value.trim());
                default -> throw new BadInput("field", "must be one of " + CORRECTABLE);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadInput("requestedValue", "is not a valid " + field);
        }
        StudentInput input = new StudentInput(
                v.studentNumber(),
                name,
                born,
                email,
                v.program(),
                v.enrollmentYear(),
                graduates,
                v.status(),
                null,
                null,
                null);
        throwIfAny(problems(input, student.getSchool()));
        student.update(input, student.getProgram(), Instant.now(clock));
        candidateFollows(student);
        audit.record(AuditAction.UPDATE, subject(student), student.getSchool().getCode(), "correction of " + field);
        return StudentView.of(student, today());
    }

    /** The ref of the signed-in student's own record, for the other areas' own-data operations. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String ownRef(Operation operation) {
        return own(operation).ref();
    }

    /**
     * The student record linked to the caller's account, checked against the operation's grant (OWN);
     * a caller without one gets 404.
     */
    Student own(Operation operation) {
        Grant grant = access.require(operation);
        Student student = em.createQuery(
                        "select s from Student s join fetch s.school where s.account = :account", Student.class)
                .setParameter("account", grant.username())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("your student record"));
        grant.check(tenant(student, grant), "your student record");
        return student;
    }

    /** What an erasure leaves to the other areas: the student's id, their old and new refs, and what named them. */
    public record Erased(
            long id, String oldRef, String newRef, String schoolCode, String fullName, String account, boolean minor) {}

    /**
     * Anonymises a student to a tombstone (STUDENT_ERASE: ADMIN): the record keeps only its school and
     * years, consent is withdrawn and the candidate row goes, open invitations go. The caller (the
     * privacy area's erasure) removes what the other areas hold and rewrites the audit log.
     */
    public Erased erase(String ref) {
        return erase(access.require(Operation.STUDENT_ERASE).caller(), ref);
    }

    /** As {@link #erase(String)}, for a caller outside a request (the retention job's). */
    public Erased erase(Caller caller, String ref) {
        Student student = resolve(Operation.STUDENT_ERASE.grant(caller), ref);
        String oldRef = student.ref();
        String name = student.getFullName();
        String account = student.getAccount();
        boolean minor = student.isMinorOn(today());
        student.erase(Instant.now(clock));
        em.flush();
        erased.fire(new StudentErased(student.getId()));
        em.createNativeQuery("delete from student_invitation where student_id = ?")
                .setParameter(1, student.getId())
                .executeUpdate();
        return new Erased(
                student.getId(), oldRef, student.ref(), student.getSchool().getCode(), name, account, minor);
    }

    /** What other areas copy of the student's consent and graduation year follows the change, in its transaction. */
    private void candidateFollows(Student student) {
        em.flush();
        changed.fire(StudentsChanged.of(student.getId()));
    }

    /**
     * The names of the certifications held by students who consent to share, in name order, at most
     * {@code max}: for the candidate search's pick-list (a certification nobody shares is not shown),
     * whose own operation is the check.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> sharedCertifications(int max) {
        return em.createQuery(
                        "select distinct c.name from Certification c where c.student.consentToShare = true"
                                + " order by c.name",
                        String.class)
                .setMaxResults(max)
                .getResultList();
    }

    /** A student's consent decisions, newest first; the read is audited. */
    public List<ConsentView> consentHistory(String ref) {
        Student student = resolve(access.require(Operation.STUDENT_READ), ref);
        audit.record(AuditAction.VIEW, subject(student), student.getSchool().getCode(), "consent history");
        return student.getConsents().stream().map(ConsentView::of).toList();
    }

    /**
     * The school whose students the caller may list, for pages and resources that name it: ADMIN any
     * existing school (or null for all, when none is named), a SCHOOL_ADMIN only their own (their own
     * when none is named); any other school is not found.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String visibleSchool(String requested) {
        return listedSchool(access.require(Operation.STUDENT_READ), requested);
    }

    /** The school a list within {@code grant} keeps to: null for every school. */
    String listedSchool(Grant grant, String requested) {
        String code = requested == null || requested.isBlank()
                ? null
                : requested.trim().toUpperCase(Locale.ROOT);
        if (code == null) {
            return grant.schoolFilter();
        }
        return school(grant, code).getCode();
    }

    /** A school the grant reaches, by code; another school, or none of that code, is not found. */
    School school(Grant grant, String requested) {
        String code = requested == null ? "" : requested.trim().toUpperCase(Locale.ROOT);
        grant.check(Tenant.school(code), "school " + code);
        return schools.find(code);
    }

    /**
     * A student as a recruiter may see them: only while they consent to share (404 otherwise, as if
     * they did not exist), and a minor without contact details or date of birth. For the scoring and
     * placement areas' services, which have checked their own operation (a report, a shortlist);
     * the student's consent is the tenancy rule here.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StudentView shared(String ref) {
        requireSharedReader();
        Student student = lookUp(ref).filter(this::sharedWithCaller).orElseThrow(() -> new NotFound("student " + ref));
        StudentView view = StudentView.of(student, today());
        return view.minor() ? view.withoutContact() : view;
    }

    /**
     * A candidate of a placement, as a recruiter may see them; once they withdraw consent only their
     * ref remains, with no name. For the placement area's service, which has checked the placement.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StudentView sharedById(long id) {
        requireSharedReader();
        Student student = em.find(Student.class, id);
        if (student == null) {
            throw new NotFound("student " + id);
        }
        StudentView view = StudentView.of(student, today());
        if (!sharedWithCaller(student)) {
            return new StudentView(
                    view.id(),
                    view.ref(),
                    view.schoolCode(),
                    view.studentNumber(),
                    null,
                    null,
                    null,
                    null,
                    view.enrollmentYear(),
                    view.expectedGraduationYear(),
                    view.status(),
                    false,
                    false,
                    view.minor(),
                    List.of(),
                    List.of(),
                    view.version());
        }
        return view.minor() ? view.withoutContact() : view;
    }

    /** The operations whose grants read students as shared with agencies (the consenting ones). */
    private static final List<Operation> SHARED_READS = List.of(
            Operation.REPORT_READ, Operation.PLACEMENT_READ, Operation.PLACEMENT_WRITE, Operation.CANDIDATE_SEARCH);

    /** Whether the caller's agency sees the student now; a caller of no agency, whether the student shares at all. */
    private boolean sharedWithCaller(Student student) {
        String agency = currentUser.getAgencyCode();
        return agency == null ? student.isConsentToShare() : student.sharesWith(agency);
    }

    private void requireSharedReader() {
        if (SHARED_READS.stream().noneMatch(access::may)) {
            access.require(Operation.REPORT_READ);
            throw new Forbidden("your role may not read students shared with agencies");
        }
    }

    /** The student a ref names ({@code XDU/2023001} or the numeric id), if the grant reaches it. */
    /**
     * A student as another area's operation shows them, checked against that operation's grant (a
     * scouting report's REPORT_READ): the whole record within the schools the grant reaches, the
     * shared view (a minor without contact details) where it reaches the student only through their
     * consent. Not audited here: the calling operation records its own read.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StudentView seenThrough(Grant grant, String ref) {
        Student student = resolve(grant, ref);
        StudentView view = StudentView.of(student, today());
        boolean school = grant.reachesAll()
                || (grant.has(Scope.OWN_SCHOOL)
                        && student.getSchool().getCode().equals(grant.caller().schoolCode()))
                || (grant.has(Scope.OWN) && grant.username().equals(student.getAccount()));
        return school || !view.minor() ? view : view.withoutContact();
    }

    /**
     * How many students not erased, minors on {@code day}, were on record before {@code before}, of
     * the school {@code schoolCode} (null: of every school). For the privacy area's minors' report,
     * which has checked its own operation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long minorsHeld(LocalDate day, Instant before, String schoolCode) {
        return ofSchool(
                        "select count(s) from Student s where s.status <> :erased and s.dateOfBirth > :bornAfter"
                                + " and s.createdAt < :before",
                        "s.school.code",
                        schoolCode,
                        Long.class)
                .setParameter("erased", StudentStatus.ERASED)
                .setParameter("bornAfter", AgeRules.minorsBornAfter(day))
                .setParameter("before", before)
                .getSingleResult();
    }

    /**
     * How many consents to share given with the guardian's consent were recorded from {@code from}
     * (inclusive) to {@code to} (exclusive), for students of the school {@code schoolCode} (null: of
     * every school). For the privacy area's minors' report, which has checked its own operation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long guardianConsents(Instant from, Instant to, String schoolCode) {
        return ofSchool(
                        "select count(c) from Consent c where c.granted = true and c.guardianConsent = true"
                                + " and c.recordedAt >= :from and c.recordedAt < :to",
                        "c.student.school.code",
                        schoolCode,
                        Long.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }

    /** A minor: their id and ref. */
    public record Minor(long id, String ref) {}

    /**
     * The students who are minors on {@code day}, erased ones too, of the school {@code schoolCode}
     * (null: of every school). For the privacy area's minors' report, which has checked its own
     * operation and counts its own rows and the audit log's of them. For every school that is every
     * minor (the secondary schools' students, a tenth of the benchmarks' national data set), once a
     * year.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Minor> minors(LocalDate day, String schoolCode) {
        return ofSchool(
                        "select s.id, sc.code, s.studentNumber from Student s join s.school sc"
                                + " where s.dateOfBirth > :bornAfter",
                        "sc.code",
                        schoolCode,
                        Object[].class)
                .setParameter("bornAfter", AgeRules.minorsBornAfter(day))
                .getResultStream()
                .map(r -> new Minor(((Number) r[0]).longValue(), StudentRef.format((String) r[1], (String) r[2])))
                .toList();
    }

    /**
     * A query ({@code jpql} ends in a where clause) of every school's rows, or of one school's where
     * {@code schoolCode} names one ({@code code} the path to the school's code in the query).
     */
    private <T> TypedQuery<T> ofSchool(String jpql, String code, String schoolCode, Class<T> type) {
        if (schoolCode == null) {
            return em.createQuery(jpql, type);
        }
        return em.createQuery(jpql + " and " + code + " = :school", type).setParameter("school", schoolCode);
    }

    /** A student whose record the retention policy weighs: their ref, name and graduation year. */
    public record Graduate(String ref, String fullName, int graduationYear) {}

    /**
     * Students not erased who graduate before {@code year}, earliest first (then by id), leaving out
     * {@code except}; at most {@code limit}. For the privacy area's retention policy, which has
     * checked its own operation.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Graduate> graduatedBefore(int year, Set<Long> except, int limit) {
        // the excepted are few (those with an open placement): fetch as many more, then leave them out
        return em.createNamedQuery("Student.findGraduatedBefore", Student.class)
                .setParameter("year", year)
                .setParameter("erased", StudentStatus.ERASED)
                .setMaxResults(limit + except.size())
                .getResultStream()
                .filter(s -> !except.contains(s.getId()))
                .limit(limit)
                .map(s -> new Graduate(
                        StudentRef.format(s.getSchool().getCode(), s.getStudentNumber()),
                        s.getFullName(),
                        s.getExpectedGraduationYear()))
                .toList();
    }

    /**
     * The ids of a school's students (its code as stored), whatever their status: for another area's
     * figures over its own rows of them (a school's ratings), whose caller has checked its own
     * operation. A few thousand.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> idsOfSchool(String code) {
        return em.createNamedQuery("Student.idsOfSchool", Long.class)
                .setParameter("school", code)
                .getResultList();
    }

    /**
     * The ids of a school's students enrolled at some time from {@code fromYear} to {@code toYear}:
     * enrolled by the later year and graduating in the earlier one or after. For a school's
     * certification evidence, whose caller has checked its own operation. A few thousand.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> enrolledIdsOfSchool(String code, int fromYear, int toYear) {
        return em.createNamedQuery("Student.enrolledIdsOfSchool", Long.class)
                .setParameter("school", code)
                .setParameter("fromYear", fromYear)
                .setParameter("toYear", toYear)
                .getResultList();
    }

    /**
     * The student with this id as the access policy sees them, with their consent to share at all:
     * for another area's operation on a student it holds by id (a judged entry in a scouting report),
     * whose caller has checked consent per agency. Empty if there is no such student.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Tenant> tenantById(long id) {
        Student student = em.find(Student.class, id);
        return student == null
                ? Optional.empty()
                : Optional.of(new Tenant(
                        student.getSchool().getCode(), null, null, student.isConsentToShare(), student.getAccount()));
    }

    Student resolve(Grant grant, String ref) {
        Student student = lookUp(ref).orElseThrow(() -> new NotFound("student " + ref));
        grant.check(tenant(student, grant), "student " + ref);
        return student;
    }

    /**
     * The student as the access policy sees them for this caller: their school, whether they share
     * with the caller's agency (a caller of no agency: whether they consent at all), and the account
     * that owns the record.
     */
    static Tenant tenant(Student student, Grant grant) {
        String agency = grant.caller().agencyCode();
        boolean consenting = agency == null ? student.isConsentToShare() : student.sharesWith(agency);
        return new Tenant(student.getSchool().getCode(), null, null, consenting, student.getAccount());
    }

    private Optional<Student> lookUp(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        String text = ref.trim();
        Optional<StudentRef> parsed = StudentRef.parse(text);
        if (parsed.isEmpty() && text.indexOf('/') < 0) {
            // an id: 1 to 18 ASCII digits (trim() leaves "" of a ref of control characters alone)
            if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            return em.createNamedQuery("Student.findById", Student.class)
                    .setParameter("id", Long.parseLong(text))
                    .getResultStream()
                    .filter(s -> !s.isErased())
                    .findFirst();
        }
        return parsed.flatMap(r -> find(r.schoolCode(), r.number())).filter(s -> !s.isErased());
    }

    private Optional<Student> find(String school, String number) {
        return em.createNamedQuery("Student.findByRef", Student.class)
                .setParameter("school", school)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    private List<FieldProblem> problems(StudentInput input, School school) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.status() == StudentStatus.ERASED) {
            problems.add(new FieldProblem("status", "ERASED is set by an erasure, not by an edit"));
        }
        validator.validate(input).stream().map(FieldProblem::of).forEach(problems::add);
        problems.addAll(input.crossFieldProblems());
        if (input.program() != null && !input.program().isBlank() && program(school, input.program()) == null) {
            problems.add(new FieldProblem("program", "is not one of " + school.getCode() + "'s programmes"));
        }
        if (input.skills() != null) {
            for (String skill : input.skills()) {
                if (skill != null
                        && NiceFramework.looksLikeWorkRole(skill.trim())
                        && nice.workRole(skill.trim()).isEmpty()) {
                    problems.add(new FieldProblem("skills", skill + " is not a NICE work role"));
                }
            }
        }
        return problems;
    }

    private Program program(School school, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return em.createNamedQuery("Program.ofSchool", Program.class)
                .setParameter("code", school.getCode())
                .getResultStream()
                .filter(p -> p.getName().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElse(null);
    }

    /** Checked after the record's tenancy, so that another school's student is a 404 whatever was sent. */
    private static void requireBody(StudentInput input) {
        if (input == null) {
            throw new BadInput("body", "is required: the student's record as JSON");
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
    }

    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private String actor() {
        return currentUser.getUsername() == null ? "system" : currentUser.getUsername();
    }

    private static String subject(Student s) {
        return "student:" + s.ref();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
