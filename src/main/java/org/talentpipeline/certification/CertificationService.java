package org.talentpipeline.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.identity.UserSummary;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.school.SchoolView;

/**
 * Applications for certification and their cases. A SCHOOL_ADMIN drafts, documents and submits
 * their school's application; ADMIN assigns reviewers, decides, and revokes; an assigned REVIEWER
 * declares a conflict or scores. Anyone else, and anyone guessing another school's or another
 * reviewer's application, gets 404. The school's certified status follows every decision.
 */
@ApplicationScoped
@Transactional
public class CertificationService {

    private static final Logger LOG = Logger.getLogger(CertificationService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Programme programme;

    @Inject
    SchoolService schools;

    @Inject
    UserService users;

    @Inject
    PipelineEvidence pipeline;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The applications the caller may see, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApplicationSummary> applications(String state, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!currentUser.has(Role.ADMIN)) {
            if (currentUser.has(Role.SCHOOL_ADMIN)) {
                where.append(" and s.code = :school");
                parameters.put("school", currentUser.getSchoolCode());
            } else if (currentUser.has(Role.REVIEWER)) {
                where.append(" and exists (select r from Review r where r.application = a and r.reviewer = :me)");
                parameters.put("me", currentUser.getUsername());
            } else {
                return new Page<>(List.of(), 0);
            }
        }
        if (state != null && !state.isBlank()) {
            try {
                parameters.put("state", ApplicationState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadInput("state", "must be one of " + java.util.Arrays.toString(ApplicationState.values()));
            }
            where.append(" and a.state = :state");
        }
        var items = em.createQuery("select new org.talentpipeline.certification.ApplicationSummary(a.id, s.code, s.name, c.code,"
                + " a.state, a.submittedAt, a.decidedAt, a.certifiedFrom, a.certifiedUntil) from Application a join a.school s"
                + " join a.cycle c" + where + " order by a.createdAt desc, a.id desc", ApplicationSummary.class);
        var count = em.createQuery("select count(a) from Application a join a.school s" + where, Long.class);
        parameters.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), count.getSingleResult());
    }

    /** A school admin opens a draft for their school in a cycle (by default the one taking applications today). */
    public CaseView open(String cycleCode) {
        if (!currentUser.has(Role.SCHOOL_ADMIN) || currentUser.getSchoolCode() == null) {
            throw new Conflict("applications are made by a school's SCHOOL_ADMIN");
        }
        School school = schools.find(currentUser.getSchoolCode());
        Cycle cycle;
        if (cycleCode == null || cycleCode.isBlank()) {
            cycle = programme.openCycle();
            if (cycle == null) {
                throw new Conflict("no certification cycle takes applications today");
            }
        } else {
            cycle = programme.findCycle(cycleCode.strip().toUpperCase(Locale.ROOT));
            if (cycle == null) {
                throw new BadInput("cycle", "no cycle has the code " + cycleCode);
            }
            if (cycle.getClosesOn().isBefore(today())) {
                throw new Conflict("the cycle " + cycle.getCode() + " closed on " + cycle.getClosesOn());
            }
        }
        boolean open = !em.createNamedQuery("Application.findOpenBySchool", Application.class)
                .setParameter("school", school.getId())
                .setParameter("states", List.of(ApplicationState.DRAFT, ApplicationState.SUBMITTED, ApplicationState.UNDER_REVIEW))
                .getResultList().isEmpty();
        if (open) {
            throw new Conflict(school.getCode() + " has an application in progress already");
        }
        List<Criterion> criteria = programme.activeCriteria();
        if (criteria.isEmpty()) {
            throw new Conflict("the programme has no criteria yet");
        }
        Application application = new Application(school, cycle, criteria, currentUser.getUsername(), now());
        em.persist(application);
        em.flush();
        audit.record(AuditAction.CREATE, subject(application), school.getCode(), "application in cycle " + cycle.getCode());
        return view(application);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseView get(long id) {
        return view(visible(id));
    }

    /** The school writes statements (by criterion code) into its draft: all of them or none. */
    public CaseView write(long id, Map<String, String> statements) {
        Application application = schoolsOwn(id);
        application.write(statements);
        audit.record(AuditAction.UPDATE, subject(application), application.getSchool().getCode(),
                "statements for " + String.join(", ", statements.keySet()));
        return view(application);
    }

    /** Adds a checked document to a criterion of the school's draft. */
    public CaseView.DocumentView upload(long id, String criterion, String fileName, InputStream content) {
        Application application = schoolsOwn(id);
        application.requireDraft();
        Evidence part = application.evidence(criterion, "criterion");
        DocumentUpload upload = DocumentUpload.read(fileName, content);
        EvidenceDocument document = new EvidenceDocument(part, upload, currentUser.getUsername(), now());
        em.persist(document);
        em.flush();
        audit.record(AuditAction.CREATE, subject(application), application.getSchool().getCode(),
                "document " + upload.fileName() + " (" + upload.type() + ", sha256 " + upload.sha256() + ") for " + part.getCode());
        return new CaseView.DocumentView(document.getId(), part.getId(), document.getFileName(), document.getContentType(),
                document.getSize(), document.getSha256(), now(), currentUser.getUsername());
    }

    public CaseView removeDocument(long id, long documentId) {
        Application application = schoolsOwn(id);
        application.requireDraft();
        EvidenceDocument document = document(application, documentId);
        em.remove(document);
        audit.record(AuditAction.DELETE, subject(application), application.getSchool().getCode(),
                "document " + document.getFileName());
        return view(application);
    }

    /** A document's content, for those who may see the application. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceDocument download(long id, long documentId) {
        return document(visible(id), documentId);
    }

    private EvidenceDocument document(Application application, long documentId) {
        EvidenceDocument document = em.find(EvidenceDocument.class, documentId);
        if (document == null
                || application.getEvidence().stream().noneMatch(e -> e.getId().equals(document.getEvidence().getId()))) {
            throw new NotFound("document " + documentId);
        }
        return document;
    }

    /** Submits the school's draft: required evidence present, inside the window; the pipeline's figures are frozen. */
    public CaseView submit(long id) {
        Application application = schoolsOwn(id);
        application.submit(today(), programme.activeCriteria(), partsWithDocuments(application),
                pipeline.figures(application.getSchool().getId(), today()), currentUser.getUsername(), now());
        audit.record(AuditAction.UPDATE, subject(application), application.getSchool().getCode(), "submitted");
        return view(application);
    }

    /** The criteria of an application that have at least one document. */
    private Set<String> partsWithDocuments(Application application) {
        return new HashSet<>(em.createQuery("select distinct d.evidence.code from EvidenceDocument d"
                + " where d.evidence.application = :application", String.class).setParameter("application", application)
                .getResultList());
    }

    /** The admin assigns a reviewer; one affiliated with the school is refused (409). */
    public CaseView assign(long id, String reviewer) {
        requireAdmin();
        Application application = find(id);
        UserSummary user = users.find(reviewer).orElseThrow(() -> new BadInput("reviewer", "no user is called " + reviewer));
        if (!user.roles().contains(Role.REVIEWER) || !user.enabled()) {
            throw new BadInput("reviewer", user.username() + " is not an enabled REVIEWER");
        }
        application.assign(user.username(), user.schoolCode(), currentUser.getUsername(), now());
        audit.record(AuditAction.UPDATE, subject(application), application.getSchool().getCode(),
                "reviewer " + user.username() + " assigned");
        return view(application);
    }

    /** The users an admin may assign: enabled reviewers not affiliated with the school and not yet on the case. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserSummary> assignable(long id) {
        Application application = find(id);
        return users.withRole(Role.REVIEWER).stream()
                .filter(u -> u.schoolCode() == null || !u.schoolCode().equalsIgnoreCase(application.getSchool().getCode()))
                .filter(u -> application.review(u.username()).isEmpty()).toList();
    }

    /** A reviewer's part: a declared conflict of interest, or a score with a comment for every criterion. */
    public CaseView review(long id, boolean conflict, String conflictNote, List<ScoreInput> scores) {
        Application application = visible(id);
        String me = currentUser.getUsername();
        if (!currentUser.has(Role.REVIEWER) || application.review(me).isEmpty()) {
            throw new NotFound("application " + id);
        }
        if (conflict) {
            application.declareConflict(me, conflictNote, now());
            audit.record(AuditAction.UPDATE, subject(application), application.getSchool().getCode(),
                    "reviewer " + me + " declared a conflict of interest");
        } else {
            Map<String, ScoreInput> given = new LinkedHashMap<>();
            for (ScoreInput s : scores == null ? List.<ScoreInput>of() : scores) {
                if (s == null || s.criterion() == null || s.criterion().isBlank()) {
                    throw new BadInput("scores", "each score names its criterion");
                }
                if (given.put(s.criterion().strip().toUpperCase(Locale.ROOT), s) != null) {
                    throw new BadInput(s.criterion(), "is scored twice");
                }
            }
            application.score(me, currentUser.getSchoolCode(), given, now());
            audit.record(AuditAction.UPDATE, subject(application), application.getSchool().getCode(), "reviewed by " + me);
        }
        return view(application);
    }

    /** The admin's decision: certified (the school's status follows) or rejected with findings. */
    public CaseView decide(long id, String outcome, String note, List<FindingInput> findings) {
        requireAdmin();
        Application application = find(id);
        ApplicationState state;
        try {
            state = ApplicationState.valueOf(outcome == null ? "" : outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput("outcome", "must be CERTIFIED or REJECTED");
        }
        LocalDate today = today();
        application.decide(state, note, findings == null ? List.of() : findings, today, currentUser.getUsername(), now());
        if (state == ApplicationState.CERTIFIED) {
            for (Application earlier : em.createNamedQuery("Application.findCertifiedBySchool", Application.class)
                    .setParameter("school", application.getSchool().getId()).setParameter("state", ApplicationState.CERTIFIED)
                    .getResultList()) {
                if (earlier != application && !earlier.expire(today, now())) {
                    earlier.renewedBy(application, currentUser.getUsername(), now());
                }
            }
            application.getSchool().recordCertification(SchoolView.Certification.CERTIFIED, application.getCertifiedFrom(),
                    application.getCertifiedUntil());
        }
        audit.record(AuditAction.UPDATE, subject(application), application.getSchool().getCode(), "decided " + state);
        return view(application);
    }

    /** The admin revokes a certification, with a reason. */
    public CaseView revoke(long id, String reason) {
        requireAdmin();
        Application application = find(id);
        application.revoke(reason, currentUser.getUsername(), now());
        application.getSchool().recordCertification(ApplicationState.REVOKED.name(), application.getCertifiedFrom(),
                application.getCertifiedUntil());
        audit.record(AuditAction.UPDATE, subject(application), application.getSchool().getCode(), "revoked: " + reason);
        return view(application);
    }

    /** Ends every certification whose period is over (the daily job); returns how many ended. */
    public int expireEnded() {
        LocalDate today = today();
        int ended = 0;
        for (Application application : em.createNamedQuery("Application.findEnded", Application.class)
                .setParameter("state", ApplicationState.CERTIFIED).setParameter("day", today).getResultList()) {
            if (application.expire(today, now())) {
                application.getSchool().recordCertification(ApplicationState.EXPIRED.name(), application.getCertifiedFrom(),
                        application.getCertifiedUntil());
                audit.record("system", AuditAction.UPDATE, subject(application), application.getSchool().getCode(),
                        "expired on " + today, null);
                ended++;
            }
        }
        if (ended > 0) {
            LOG.info("Certifications expired: " + ended);
        }
        return ended;
    }

    private CaseView view(Application a) {
        boolean admin = currentUser.has(Role.ADMIN);
        String me = currentUser.getUsername();
        boolean reviewer = !admin && currentUser.has(Role.REVIEWER) && a.review(me).isPresent();
        List<Review> shown = admin ? a.getReviews() : reviewer ? a.review(me).stream().toList() : List.of();
        Map<Long, List<CaseView.DocumentView>> documents = em.createQuery("select new org.talentpipeline.certification"
                + ".CaseView$DocumentView(d.id, d.evidence.id, d.fileName, d.contentType, d.size, d.sha256, d.uploadedAt,"
                + " d.uploadedBy) from EvidenceDocument d where d.evidence.application = :application order by d.id",
                CaseView.DocumentView.class).setParameter("application", a).getResultStream()
                .collect(Collectors.groupingBy(CaseView.DocumentView::evidenceId));
        List<Review> complete = a.completeReviews();
        List<CaseView.Part> parts = new ArrayList<>();
        for (Evidence e : a.getEvidence()) {
            Double mean = null;
            Integer spread = null;
            if (admin && !complete.isEmpty()) {
                List<Integer> scores = complete.stream().flatMap(r -> r.scoreOf(e).stream()).map(ReviewScore::getScore).toList();
                if (!scores.isEmpty()) {
                    mean = Math.round(10.0 * scores.stream().mapToInt(Integer::intValue).average().orElse(0)) / 10.0;
                    spread = scores.stream().mapToInt(Integer::intValue).max().orElse(0)
                            - scores.stream().mapToInt(Integer::intValue).min().orElse(0);
                }
            }
            parts.add(new CaseView.Part(e.getCode(), e.getTitle(), e.getWeight(), e.getMaxScore(), e.isEvidenceRequired(),
                    e.getStatement(), documents.getOrDefault(e.getId(), List.of()), mean, spread));
        }
        List<CaseView.ReviewView> reviews = shown.stream().map(r -> new CaseView.ReviewView(r.getReviewer(), r.getAssignedAt(),
                r.isConflict(), r.getConflictNote(), r.getSubmittedAt(), r.isComplete() ? r.total() : null,
                r.getScores().stream().map(s -> new CaseView.ScoreView(s.getEvidence().getCode(), s.getScore(), s.getComment()))
                        .toList())).toList();
        boolean totals = admin || a.getState().isDecided();
        PipelineFigures frozen = a.getFigures();
        CaseView.Figures figures = frozen != null ? CaseView.Figures.of(frozen, true)
                : a.getState() == ApplicationState.DRAFT ? CaseView.Figures.of(pipeline.figures(a.getSchool().getId(), today()), false)
                : null;
        return new CaseView(a.getId(), a.getSchool().getCode(), a.getSchool().getName(), a.getCycle().getCode(),
                a.getCycle().getName(), a.getCycle().getPassMark(), a.getState(), a.getCreatedAt(), a.getSubmittedAt(),
                a.getDecidedAt(), a.getCertifiedFrom(), a.getCertifiedUntil(), a.getDecisionNote(), figures, parts, reviews,
                totals ? a.total() : null, admin ? a.spread() : null,
                a.getFindings().stream().map(f -> new CaseView.FindingView(f.getEvidence().getCode(), f.getEvidence().getTitle(),
                        f.getSeverity(), f.getText())).toList(),
                a.getHistory().stream().map(t -> new CaseView.Move(t.getState(), t.getChangedAt(), t.getActor(), t.getNote()))
                        .toList());
    }

    private Application find(long id) {
        Application application = em.find(Application.class, id);
        if (application == null) {
            throw new NotFound("application " + id);
        }
        return application;
    }

    /** The application if the caller may see it: ADMIN, the school's SCHOOL_ADMIN, an assigned REVIEWER. */
    private Application visible(long id) {
        Application application = find(id);
        if (currentUser.has(Role.ADMIN)
                || currentUser.has(Role.SCHOOL_ADMIN) && application.getSchool().getCode().equals(currentUser.getSchoolCode())
                || currentUser.has(Role.REVIEWER) && application.review(currentUser.getUsername()).isPresent()) {
            return application;
        }
        throw new NotFound("application " + id);
    }

    /** The caller's school's application, for the school's own changes (the entity says which states allow them). */
    private Application schoolsOwn(long id) {
        Application application = find(id);
        if (!currentUser.has(Role.SCHOOL_ADMIN) || !application.getSchool().getCode().equals(currentUser.getSchoolCode())) {
            throw new NotFound("application " + id);
        }
        return application;
    }

    private void requireAdmin() {
        if (!currentUser.has(Role.ADMIN)) {
            throw new NotFound("application");
        }
    }

    private static String subject(Application application) {
        return "certification application " + application.getId();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
