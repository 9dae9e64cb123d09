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
import java.util.Arrays;
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
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Caller;
import org.talentpipeline.identity.Grant;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Role;
import org.talentpipeline.identity.Scope;
import org.talentpipeline.identity.Tenant;
import org.talentpipeline.identity.UserService;
import org.talentpipeline.identity.UserSummary;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.Versions;
import org.talentpipeline.school.School;
import org.talentpipeline.school.SchoolService;
import org.talentpipeline.school.SchoolView;

/**
 * Applications for certification and their cases. A SCHOOL_ADMIN drafts, documents and submits
 * their school's application; ADMIN assigns reviewers, decides, and revokes; an assigned REVIEWER
 * declares a conflict or scores. Every operation asks the access policy ({@link Operation}) and
 * checks the case against the grant: a role that may not do it gets 403, anyone guessing another
 * school's or another reviewer's case 404. The school's certified status follows every decision.
 *
 * <p>A case shows the school's statements and documents and the pipeline's aggregate figures, not a
 * student's record, so reading a case is not audited; a document may hold personal data (a
 * student's certificate, a staff list), so each download is.
 */
@ApplicationScoped
@Transactional
public class CertificationService {

    private static final Logger LOG = Logger.getLogger(CertificationService.class.getName());

    @PersistenceContext
    EntityManager em;

    /** The caller of the daily expiry run, which no request starts. */
    static final Caller SCHEDULE = new Caller("system", Set.of(Role.ADMIN), null, null);

    @Inject
    Access access;

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
        Grant grant = access.require(Operation.APPLICATION_READ);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!grant.reachesAll()) {
            // the grant's scopes, as the tenancy check reads them: the caller's school, the cases assigned to them
            List<String> reach = new ArrayList<>();
            if (grant.has(Scope.OWN_SCHOOL)) {
                reach.add("s.code = :school");
                parameters.put("school", grant.caller().schoolCode());
            }
            if (grant.has(Scope.ASSIGNED)) {
                reach.add("exists (select r from Review r where r.application = a and r.reviewer = :me)");
                parameters.put("me", grant.username());
            }
            if (reach.isEmpty()) {
                return new Page<>(List.of(), 0);
            }
            where.append(" and (").append(String.join(" or ", reach)).append(")");
        }
        if (state != null && !state.isBlank()) {
            try {
                parameters.put("state", ApplicationState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadInput("state", "must be one of " + Arrays.toString(ApplicationState.values()));
            }
            where.append(" and a.state = :state");
        }
        var items = em.createQuery(
                "select new org.talentpipeline.certification.ApplicationSummary(a.id, s.code, s.name, c.code,"
                        + " a.state, a.submittedAt, a.decidedAt, a.certifiedFrom, a.certifiedUntil) from Application a join a.school s"
                        + " join a.cycle c" + where + " order by a.createdAt desc, a.id desc",
                ApplicationSummary.class);
        var count = em.createQuery("select count(a) from Application a join a.school s" + where, Long.class);
        parameters.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(
                items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult());
    }

    /** A school admin opens a draft for their school in a cycle (by default the one taking applications today). */
    public CaseView open(String cycleCode) {
        Grant grant = access.require(Operation.APPLICATION_WRITE);
        String schoolCode = grant.caller().schoolCode();
        grant.check(Tenant.school(schoolCode), "school " + schoolCode);
        School school = schools.find(schoolCode);
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
                .setParameter(
                        "states",
                        List.of(ApplicationState.DRAFT, ApplicationState.SUBMITTED, ApplicationState.UNDER_REVIEW))
                .getResultList()
                .isEmpty();
        if (open) {
            throw new Conflict(school.getCode() + " has an application in progress already");
        }
        List<Criterion> criteria = programme.activeCriteria();
        if (criteria.isEmpty()) {
            throw new Conflict("the programme has no criteria yet");
        }
        Application application = new Application(school, cycle, criteria, grant.username(), now());
        em.persist(application);
        em.flush();
        audit.record(
                AuditAction.CREATE, subject(application), school.getCode(), "application in cycle " + cycle.getCode());
        return view(application, grant);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseView get(long id) {
        Grant grant = access.require(Operation.APPLICATION_READ);
        return view(find(grant, id), grant);
    }

    /** One criterion's part of a case, with its version, for an edit of its statement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseView.Part part(long id, String criterion) {
        Grant grant = access.require(Operation.APPLICATION_READ);
        Application application = find(grant, id);
        Evidence part = application.evidence(criterion, "criterion");
        return view(application, grant).part(part.getCode());
    }

    /** A statement as the school writes it, with the version of the part it was written from. */
    public record Statement(String text, long version) {}

    /**
     * The school writes statements (by criterion code) into its draft: all of them or none. Each names
     * the version of its part it started from; one that someone has changed since refuses them all.
     */
    public CaseView write(long id, Map<String, Statement> statements) {
        Grant grant = access.require(Operation.APPLICATION_WRITE);
        Application application = find(grant, id);
        Map<String, String> texts = new LinkedHashMap<>();
        statements.forEach((code, statement) -> {
            Evidence part = application.evidence(code, "criterion");
            Versions.check(statement.version(), part.getVersion(), "the statement for " + part.getCode());
            texts.put(code, statement.text());
        });
        application.write(texts);
        em.flush();
        audit.record(
                AuditAction.UPDATE,
                subject(application),
                application.getSchool().getCode(),
                "statements for " + String.join(", ", statements.keySet()));
        return view(application, grant);
    }

    /** Adds a checked document to a criterion of the school's draft. */
    public CaseView.DocumentView upload(long id, String criterion, String fileName, InputStream content) {
        Grant grant = access.require(Operation.APPLICATION_WRITE);
        Application application = find(grant, id);
        application.requireDraft();
        Evidence part = application.evidence(criterion, "criterion");
        DocumentUpload upload = DocumentUpload.read(fileName, content);
        EvidenceDocument document = new EvidenceDocument(part, upload, grant.username(), now());
        em.persist(document);
        em.flush();
        audit.record(
                AuditAction.CREATE,
                subject(application),
                application.getSchool().getCode(),
                "document " + upload.fileName() + " (" + upload.type() + ", sha256 " + upload.sha256() + ") for "
                        + part.getCode());
        return new CaseView.DocumentView(
                document.getId(),
                part.getId(),
                document.getFileName(),
                document.getContentType(),
                document.getSize(),
                document.getSha256(),
                now(),
                grant.username());
    }

    public CaseView removeDocument(long id, long documentId) {
        Grant grant = access.require(Operation.APPLICATION_WRITE);
        Application application = find(grant, id);
        application.requireDraft();
        EvidenceDocument document = document(application, documentId);
        em.remove(document);
        audit.record(
                AuditAction.DELETE,
                subject(application),
                application.getSchool().getCode(),
                "document " + document.getFileName());
        return view(application, grant);
    }

    /** A document's content, for those who may read the case; audited, as a document may hold personal data. */
    public EvidenceDocument download(long id, long documentId) {
        Grant grant = access.require(Operation.APPLICATION_READ);
        Application application = find(grant, id);
        EvidenceDocument document = document(application, documentId);
        audit.record(
                AuditAction.VIEW,
                subject(application),
                application.getSchool().getCode(),
                "document " + document.getId() + " " + document.getFileName() + " (sha256 " + document.getSha256()
                        + ")");
        return document;
    }

    /** A decided case, for its decision letter (page, PDF); a case not decided yet is a conflict. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseView decided(long id) {
        CaseView decided = get(id);
        if (!decided.state().isDecided()) {
            throw new Conflict("application " + id + " is not decided yet");
        }
        return decided;
    }

    private EvidenceDocument document(Application application, long documentId) {
        EvidenceDocument document = em.find(EvidenceDocument.class, documentId);
        if (document == null
                || application.getEvidence().stream()
                        .noneMatch(e -> e.getId().equals(document.getEvidence().getId()))) {
            throw new NotFound("document " + documentId);
        }
        return document;
    }

    /** Submits the school's draft: required evidence present, inside the window; the pipeline's figures are frozen. */
    public CaseView submit(long id) {
        Grant grant = access.require(Operation.APPLICATION_WRITE);
        Application application = find(grant, id);
        application.submit(
                today(),
                programme.activeCriteria(),
                partsWithDocuments(application),
                pipeline.figures(application.getSchool(), today()),
                grant.username(),
                now());
        audit.record(
                AuditAction.UPDATE,
                subject(application),
                application.getSchool().getCode(),
                "submitted");
        return view(application, grant);
    }

    /** The criteria of an application that have at least one document. */
    private Set<String> partsWithDocuments(Application application) {
        return new HashSet<>(em.createQuery(
                        "select distinct d.evidence.code from EvidenceDocument d"
                                + " where d.evidence.application = :application",
                        String.class)
                .setParameter("application", application)
                .getResultList());
    }

    /** The admin assigns a reviewer; one affiliated with the school is refused (409). */
    public CaseView assign(long id, String reviewer) {
        Grant grant = access.require(Operation.APPLICATION_ASSIGN);
        Application application = find(grant, id);
        UserSummary user =
                users.find(reviewer).orElseThrow(() -> new BadInput("reviewer", "no user is called " + reviewer));
        if (!user.roles().contains(Role.REVIEWER) || !user.enabled()) {
            throw new BadInput("reviewer", user.username() + " is not an enabled REVIEWER");
        }
        application.assign(user.username(), user.schoolCode(), grant.username(), now());
        audit.record(
                AuditAction.UPDATE,
                subject(application),
                application.getSchool().getCode(),
                "reviewer " + user.username() + " assigned");
        return view(application, grant);
    }

    /** The users an admin may assign: enabled reviewers not affiliated with the school and not yet on the case. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserSummary> assignable(long id) {
        Grant grant = access.require(Operation.APPLICATION_ASSIGN);
        Application application = find(grant, id);
        return users.withRole(Role.REVIEWER).stream()
                .filter(u -> u.schoolCode() == null
                        || !u.schoolCode()
                                .equalsIgnoreCase(application.getSchool().getCode()))
                .filter(u -> application.review(u.username()).isEmpty())
                .toList();
    }

    /** A reviewer's part: a declared conflict of interest, or a score with a comment for every criterion. */
    public CaseView review(long id, boolean conflict, String conflictNote, List<ScoreInput> scores) {
        Grant grant = access.require(Operation.APPLICATION_REVIEW);
        Application application = find(grant, id);
        String me = grant.username();
        if (conflict) {
            application.declareConflict(me, conflictNote, now());
            audit.record(
                    AuditAction.UPDATE,
                    subject(application),
                    application.getSchool().getCode(),
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
            application.score(me, grant.caller().schoolCode(), given, now());
            audit.record(
                    AuditAction.UPDATE,
                    subject(application),
                    application.getSchool().getCode(),
                    "reviewed by " + me);
        }
        return view(application, grant);
    }

    /** The admin's decision: certified (the school's status follows) or rejected with findings. */
    public CaseView decide(long id, String outcome, String note, List<FindingInput> findings) {
        Grant grant = access.require(Operation.APPLICATION_DECIDE);
        Application application = find(grant, id);
        ApplicationState state;
        try {
            state = ApplicationState.valueOf(
                    outcome == null ? "" : outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInput("outcome", "must be CERTIFIED or REJECTED");
        }
        LocalDate today = today();
        application.decide(state, note, findings == null ? List.of() : findings, today, grant.username(), now());
        if (state == ApplicationState.CERTIFIED) {
            for (Application earlier : em.createNamedQuery("Application.findCertifiedBySchool", Application.class)
                    .setParameter("school", application.getSchool().getId())
                    .setParameter("state", ApplicationState.CERTIFIED)
                    .getResultList()) {
                if (earlier != application && !earlier.expire(today, now())) {
                    earlier.renewedBy(application, grant.username(), now());
                }
            }
            application
                    .getSchool()
                    .recordCertification(
                            SchoolView.Certification.CERTIFIED,
                            application.getCertifiedFrom(),
                            application.getCertifiedUntil());
        }
        audit.record(
                AuditAction.UPDATE,
                subject(application),
                application.getSchool().getCode(),
                "decided " + state);
        return view(application, grant);
    }

    /** The admin revokes a certification, with a reason. */
    public CaseView revoke(long id, String reason) {
        Grant grant = access.require(Operation.APPLICATION_DECIDE);
        Application application = find(grant, id);
        application.revoke(reason, grant.username(), now());
        application
                .getSchool()
                .recordCertification(
                        ApplicationState.REVOKED.name(),
                        application.getCertifiedFrom(),
                        application.getCertifiedUntil());
        audit.record(
                AuditAction.UPDATE,
                subject(application),
                application.getSchool().getCode(),
                "revoked: " + reason);
        return view(application, grant);
    }

    /** Ends every certification whose period is over, now (an ADMIN's request); returns how many ended. */
    public int expireEnded() {
        return expire(access.require(Operation.PROGRAMME_WRITE));
    }

    /** The daily run of {@link #expireEnded()}, which no request starts: it acts as {@link #SCHEDULE}. */
    int expireOnSchedule() {
        return expire(Operation.PROGRAMME_WRITE.grant(SCHEDULE));
    }

    private int expire(Grant grant) {
        LocalDate today = today();
        int ended = 0;
        for (Application application : em.createNamedQuery("Application.findEnded", Application.class)
                .setParameter("state", ApplicationState.CERTIFIED)
                .setParameter("day", today)
                .getResultList()) {
            if (application.expire(today, now())) {
                application
                        .getSchool()
                        .recordCertification(
                                ApplicationState.EXPIRED.name(),
                                application.getCertifiedFrom(),
                                application.getCertifiedUntil());
                audit.record(
                        grant.username(),
                        AuditAction.UPDATE,
                        subject(application),
                        application.getSchool().getCode(),
                        "expired on " + today,
                        null);
                ended++;
            }
        }
        if (ended > 0) {
            LOG.info("Certifications expired: " + ended);
        }
        return ended;
    }

    /**
     * The case as the caller may see it: those who decide see every review, the spread and the
     * reviewers' mean scores; a reviewer their own review; the school neither, until the decision's total.
     */
    private CaseView view(Application a, Grant grant) {
        boolean admin = Operation.APPLICATION_DECIDE.of(grant.caller()).isPresent();
        String me = grant.username();
        List<Review> shown = admin ? a.getReviews() : a.review(me).stream().toList();
        Map<Long, List<CaseView.DocumentView>> documents = em.createQuery(
                        "select new org.talentpipeline.certification"
                                + ".CaseView$DocumentView(d.id, d.evidence.id, d.fileName, d.contentType, d.size, d.sha256, d.uploadedAt,"
                                + " d.uploadedBy) from EvidenceDocument d where d.evidence.application = :application order by d.id",
                        CaseView.DocumentView.class)
                .setParameter("application", a)
                .getResultStream()
                .collect(Collectors.groupingBy(CaseView.DocumentView::evidenceId));
        List<Review> complete = a.completeReviews();
        List<CaseView.Part> parts = new ArrayList<>();
        for (Evidence e : a.getEvidence()) {
            Double mean = null;
            Integer spread = null;
            if (admin && !complete.isEmpty()) {
                List<Integer> scores = complete.stream()
                        .flatMap(r -> r.scoreOf(e).stream())
                        .map(ReviewScore::getScore)
                        .toList();
                if (!scores.isEmpty()) {
                    mean = Math.round(10.0
                                    * scores.stream()
                                            .mapToInt(Integer::intValue)
                                            .average()
                                            .orElse(0))
                            / 10.0;
                    spread = scores.stream().mapToInt(Integer::intValue).max().orElse(0)
                            - scores.stream().mapToInt(Integer::intValue).min().orElse(0);
                }
            }
            parts.add(new CaseView.Part(
                    e.getCode(),
                    e.getTitle(),
                    e.getWeight(),
                    e.getMaxScore(),
                    e.isEvidenceRequired(),
                    e.getStatement(),
                    documents.getOrDefault(e.getId(), List.of()),
                    mean,
                    spread,
                    e.getVersion()));
        }
        List<CaseView.ReviewView> reviews = shown.stream()
                .map(r -> new CaseView.ReviewView(
                        r.getReviewer(),
                        r.getAssignedAt(),
                        r.isConflict(),
                        r.getConflictNote(),
                        r.getSubmittedAt(),
                        r.isComplete() ? r.total() : null,
                        r.getScores().stream()
                                .map(s ->
                                        new CaseView.ScoreView(s.getEvidence().getCode(), s.getScore(), s.getComment()))
                                .toList()))
                .toList();
        boolean totals = admin || a.getState().isDecided();
        PipelineFigures frozen = a.getFigures();
        CaseView.Figures figures = frozen != null
                ? CaseView.Figures.of(frozen, true)
                : a.getState() == ApplicationState.DRAFT
                        ? CaseView.Figures.of(pipeline.figures(a.getSchool(), today()), false)
                        : null;
        return new CaseView(
                a.getId(),
                a.getSchool().getCode(),
                a.getSchool().getName(),
                a.getCycle().getCode(),
                a.getCycle().getName(),
                a.getCycle().getPassMark(),
                a.getState(),
                a.getCreatedAt(),
                a.getSubmittedAt(),
                a.getDecidedAt(),
                a.getCertifiedFrom(),
                a.getCertifiedUntil(),
                a.getDecisionNote(),
                figures,
                parts,
                reviews,
                totals ? a.total() : null,
                admin ? a.spread() : null,
                a.getFindings().stream()
                        .map(f -> new CaseView.FindingView(
                                f.getEvidence().getCode(), f.getEvidence().getTitle(), f.getSeverity(), f.getText()))
                        .toList(),
                a.getHistory().stream()
                        .map(t -> new CaseView.Move(t.getState(), t.getChangedAt(), t.getActor(), t.getNote()))
                        .toList());
    }

    /**
     * The application, if the grant reaches it: its school and its reviewers (every one ever assigned,
     * also one who stepped aside) are what the tenancy rules read. Otherwise, as if it did not exist.
     */
    private Application find(Grant grant, long id) {
        Application application = em.find(Application.class, id);
        if (application == null) {
            throw new NotFound("application " + id);
        }
        grant.check(tenant(application), "application " + id);
        return application;
    }

    private static Tenant tenant(Application application) {
        return Tenant.school(application.getSchool().getCode())
                .withAssignees(application.getReviews().stream()
                        .map(Review::getReviewer)
                        .toList());
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
