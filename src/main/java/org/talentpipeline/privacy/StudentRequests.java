package org.talentpipeline.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.scoring.ResultExclusions;
import org.talentpipeline.scoring.ScoutingReport;
import org.talentpipeline.scoring.ScoutingReports;
import org.talentpipeline.student.StudentService;
import org.talentpipeline.student.StudentView;

/**
 * A student's requests about their data and the decisions on them. A correction of a record field
 * (OWN_REQUEST) is accepted, and applied, or refused with a reason by the school (CORRECTION_DECIDE:
 * the school's admin, or ADMIN). An appeal of an automated score or flag (OWN_REQUEST) is reviewed
 * by an ADMIN (APPEAL_REVIEW) with the student's scouting report and its explanation in front of
 * them; upholding it may exclude one of the student's results from their rating, with the reason,
 * and the ratings are recomputed. The student reads every outcome. Every step is dated and audited.
 */
@ApplicationScoped
@Transactional
public class StudentRequests {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    StudentService students;

    @Inject
    ScoutingReports reports;

    @Inject
    ResultExclusions exclusions;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    /** An appeal beside the student's report, as the reviewing ADMIN sees it. */
    public record AppealCase(ScoreAppeal.View appeal, String student, ScoutingReport report) {}

    /** {@code {"field": "email", "requestedValue": "...", "explanation": "..."}}; the field is checked here. */
    public record CorrectionInput(
            String field,
            @NotBlank(message = "is required, at most 500 characters")
                    @Size(max = 500, message = "is required, at most 500 characters")
                    String requestedValue,
            @Size(max = 1000, message = "must be at most 1000 characters") String explanation) {}

    /** {@code {"subject": "TALENT_SCORE" or a flag, "event": "code" (optional), "statement": "..."}}; the subject is checked here. */
    public record AppealInput(
            String subject,
            @Size(max = 60, message = "must be at most 60 characters") String event,
            @NotBlank(message = "is required, at most 2000 characters")
                    @Size(max = 2000, message = "is required, at most 2000 characters")
                    String statement) {}

    public CorrectionRequest.View requestCorrection(CorrectionInput input) {
        StudentView me = students.ownView(Operation.OWN_REQUEST);
        CorrectionInput in = input == null ? new CorrectionInput(null, null, null) : input;
        List<FieldProblem> problems = new ArrayList<>();
        if (in.field() == null || !StudentService.CORRECTABLE.contains(in.field())) {
            problems.add(new FieldProblem("field", "must be one of " + StudentService.CORRECTABLE));
        }
        problems.addAll(BadInput.problems(validator, in));
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        String field = in.field();
        String requestedValue = in.requestedValue();
        String explanation = in.explanation();
        CorrectionRequest request =
                new CorrectionRequest(me.id(), field, requestedValue.strip(), explanation, Instant.now(clock));
        em.persist(request);
        em.flush();
        audit.record(AuditAction.CREATE, "student:" + me.ref(), me.schoolCode(), "correction request of " + field);
        return request.view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CorrectionRequest.View> myCorrections() {
        StudentView me = students.ownView(Operation.OWN_RECORD);
        return em
                .createQuery(
                        "select c from CorrectionRequest c where c.studentId = :s order by c.createdAt desc, c.id desc",
                        CorrectionRequest.class)
                .setParameter("s", me.id())
                .getResultList()
                .stream()
                .map(CorrectionRequest::view)
                .toList();
    }

    /** The open correction requests of a school's students, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CorrectionRequest.View> openCorrections(String schoolCode) {
        Grant grant = access.require(Operation.CORRECTION_DECIDE);
        String school = schoolCode == null ? "" : schoolCode.trim().toUpperCase(Locale.ROOT);
        grant.check(Tenant.school(school), "school " + school);
        return em
                .createQuery(
                        "select c from CorrectionRequest c where c.state = :open and c.studentId in (select s.id from"
                                + " org.talentpipeline.student.Student s where s.school.code = :school) order by c.createdAt, c.id",
                        CorrectionRequest.class)
                .setParameter("open", CorrectionRequest.State.OPEN)
                .setParameter("school", school)
                .getResultList()
                .stream()
                .map(CorrectionRequest::view)
                .toList();
    }

    /** Accepts (and applies) or refuses a correction, with a reason; 404 outside the caller's school. */
    public CorrectionRequest.View decideCorrection(long id, Boolean accept, String reason) {
        Grant grant = access.require(Operation.CORRECTION_DECIDE);
        CorrectionRequest request = em.find(CorrectionRequest.class, id);
        if (request == null) {
            throw new NotFound("correction request " + id);
        }
        StudentView student = students.seenThrough(grant, Long.toString(request.getStudentId()));
        if (accept == null) {
            throw new BadInput("accept", "is required: true to accept and apply, false to refuse");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new BadInput("reason", "is required, at most 1000 characters");
        }
        if (accept) {
            students.applyCorrection(grant, request.getStudentId(), request.getField(), request.getRequestedValue());
        }
        request.decide(accept, grant.username(), reason.strip(), Instant.now(clock));
        audit.record(
                AuditAction.UPDATE,
                "student:" + student.ref(),
                student.schoolCode(),
                "correction request " + id + (accept ? " accepted" : " refused"));
        return request.view();
    }

    /** What a student may appeal: their score, a flag, or the decision of an integrity case about them. */
    public static final List<String> CONTESTABLE =
            List.of("TALENT_SCORE", "TOP_1_PERCENT", "RISING_STAR", "PRODIGY", "INTEGRITY_DECISION");

    public ScoreAppeal.View appeal(AppealInput input) {
        StudentView me = students.ownView(Operation.OWN_REQUEST);
        AppealInput in = input == null ? new AppealInput(null, null, null) : input;
        List<FieldProblem> problems = new ArrayList<>();
        if (in.subject() == null || !CONTESTABLE.contains(in.subject())) {
            problems.add(new FieldProblem(
                    "subject",
                    "must be TALENT_SCORE, a flag (TOP_1_PERCENT, RISING_STAR, PRODIGY)"
                            + " or INTEGRITY_DECISION (an integrity case's decision at the event named)"));
        }
        problems.addAll(BadInput.problems(validator, in));
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        String subject = in.subject();
        String event = in.event();
        String statement = in.statement();
        ScoreAppeal appeal = new ScoreAppeal(
                me.id(),
                subject,
                event == null || event.isBlank() ? null : event.strip(),
                statement.strip(),
                Instant.now(clock));
        em.persist(appeal);
        em.flush();
        audit.record(
                AuditAction.CREATE,
                "student:" + me.ref(),
                me.schoolCode(),
                "appeal " + appeal.getId() + " of " + subject);
        return appeal.view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScoreAppeal.View> myAppeals() {
        StudentView me = students.ownView(Operation.OWN_RECORD);
        return em
                .createQuery(
                        "select a from ScoreAppeal a where a.studentId = :s order by a.createdAt desc, a.id desc",
                        ScoreAppeal.class)
                .setParameter("s", me.id())
                .getResultList()
                .stream()
                .map(ScoreAppeal::view)
                .toList();
    }

    /** The open appeals, oldest first (APPEAL_REVIEW). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScoreAppeal.View> openAppeals() {
        access.require(Operation.APPEAL_REVIEW);
        return em
                .createQuery(
                        "select a from ScoreAppeal a where a.state = :open order by a.createdAt, a.id",
                        ScoreAppeal.class)
                .setParameter("open", ScoreAppeal.State.OPEN)
                .getResultList()
                .stream()
                .map(ScoreAppeal::view)
                .toList();
    }

    /** One appeal with the student's scouting report and its explanation (the read of the report is audited). */
    public AppealCase appealCase(long id) {
        access.require(Operation.APPEAL_REVIEW);
        ScoreAppeal appeal = find(id);
        ScoutingReport report = reports.report(Long.toString(appeal.getStudentId()));
        return new AppealCase(appeal.view(), report.ref(), report);
    }

    /**
     * Decides an appeal with a reason. Upheld with {@code excludeEvent}, the student's result at that
     * event leaves their rating and the ratings are recomputed.
     */
    public ScoreAppeal.View decideAppeal(long id, Boolean upheld, String reason, String excludeEvent) {
        access.require(Operation.APPEAL_REVIEW);
        ScoreAppeal appeal = find(id);
        if (upheld == null) {
            throw new BadInput("upheld", "is required");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new BadInput("reason", "is required, at most 1000 characters");
        }
        if (excludeEvent != null && !excludeEvent.isBlank()) {
            if (!upheld) {
                throw new BadInput("excludeEvent", "only an upheld appeal excludes a result");
            }
            exclusions.exclude(appeal.getStudentId(), excludeEvent.strip(), reason.strip(), appeal.getId());
        }
        appeal.decide(upheld, access.require(Operation.APPEAL_REVIEW).username(), reason.strip(), Instant.now(clock));
        audit.record(
                AuditAction.UPDATE,
                "appeal:" + id,
                null,
                (upheld ? "upheld" : "rejected")
                        + (excludeEvent == null || excludeEvent.isBlank()
                                ? ""
                                : ", result at " + excludeEvent.strip() + " excluded"));
        return appeal.view();
    }

    private ScoreAppeal find(long id) {
        ScoreAppeal appeal = em.find(ScoreAppeal.class, id);
        if (appeal == null) {
            throw new NotFound("appeal " + id);
        }
        return appeal;
    }
}
