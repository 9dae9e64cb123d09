package org.talentpipeline.certification;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.school.School;

/**
 * A school's application for certification in a cycle, and the rules of its case: what may be
 * written when, what submitting needs, who may review, and what a decision needs. Every move is
 * recorded as a {@link Transition}; a move the state does not allow is a Conflict (409).
 */
@Entity
@Table(name = "certification_application")
@NamedQuery(
        name = "Application.findOpenBySchool",
        query = "select a from Application a where a.school.id = :school and a.state in :states")
@NamedQuery(
        name = "Application.findCertifiedBySchool",
        query = "select a from Application a where a.school.id = :school and a.state = :state")
@NamedQuery(
        name = "Application.findEnded",
        query = "select a from Application a where a.state = :state and a.certifiedUntil < :day")
public class Application {

    /** How many active reviewers a case needs before it is under review, and complete reviews before a decision. */
    public static final int REVIEWERS = 2;

    /** The years of pipeline data that the computed evidence covers, up to the submission. */
    public static final int EVIDENCE_YEARS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certification_application_seq")
    @SequenceGenerator(
            name = "certification_application_seq",
            sequenceName = "certification_application_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "school_id")
    private School school;

    @ManyToOne(optional = false)
    @JoinColumn(name = "cycle_id")
    private Cycle cycle;

    @Enumerated(EnumType.STRING)
    private ApplicationState state;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "certified_from")
    private LocalDate certifiedFrom;

    @Column(name = "certified_until")
    private LocalDate certifiedUntil;

    @Column(name = "decision_note")
    private String decisionNote;

    @Embedded
    private PipelineFigures figures;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position, code")
    private List<Evidence> evidence = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("assignedAt, id")
    private List<Review> reviews = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Finding> findings = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("changedAt, id")
    private List<Transition> history = new ArrayList<>();

    @Version
    private int version;

    protected Application() {}

    /** Opens a draft with a part for every active criterion of the programme. */
    public Application(School school, Cycle cycle, List<Criterion> criteria, String actor, Instant now) {
        this.school = school;
        this.cycle = cycle;
        this.state = ApplicationState.DRAFT;
        this.createdAt = now;
        this.createdBy = actor;
        criteria.forEach(c -> evidence.add(new Evidence(this, c)));
        history.add(new Transition(this, ApplicationState.DRAFT, now, actor, null));
    }

    private void moveTo(ApplicationState next, String actor, String note, Instant now) {
        if (!state.mayMoveTo(next)) {
            throw new Conflict("an application cannot move from " + state + " to " + next);
        }
        state = next;
        history.add(new Transition(this, next, now, actor, note));
    }

    /** The state allows what is being done ({@link ApplicationState#mayEdit()} and the like), or a Conflict. */
    private void requireState(boolean allowed, String doing) {
        if (!allowed) {
            throw new Conflict("cannot " + doing + " an application that is " + state);
        }
    }

    /** The part for a criterion by its code; an unknown code is a BadInput on {@code field}. */
    public Evidence evidence(String code, String field) {
        String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return evidence.stream()
                .filter(e -> e.getCode().equals(key))
                .findFirst()
                .orElseThrow(() -> new BadInput(field, "no criterion " + code + " in this application"));
    }

    /**
     * The school writes its statements, by criterion code, while the application is a draft: all of
     * them or, when one is refused (an unknown criterion, too long), none.
     */
    public void write(Map<String, String> statements) {
        requireState(state.mayEdit(), "change the evidence of");
        List<FieldProblem> problems = new ArrayList<>();
        Map<Evidence, String> parts = new LinkedHashMap<>();
        statements.forEach((code, statement) -> {
            String key = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            Optional<Evidence> part =
                    evidence.stream().filter(e -> e.getCode().equals(key)).findFirst();
            if (part.isEmpty()) {
                problems.add(new FieldProblem("criterion", "no criterion " + code + " in this application"));
            } else if (statement != null && statement.strip().length() > Evidence.MAX_STATEMENT) {
                problems.add(new FieldProblem(
                        key, "the statement is longer than " + Evidence.MAX_STATEMENT + " characters"));
            } else {
                parts.put(part.get(), statement);
            }
        });
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        parts.forEach(Evidence::write);
    }

    /** Documents are added and removed only while the application is a draft. */
    public void requireDraft() {
        requireState(state.mayEdit(), "change the evidence of");
    }

    /**
     * Submits inside the cycle's window once every criterion that requires evidence has a statement
     * and a document; takes the programme's current criteria and freezes the pipeline's figures.
     */
    public void submit(
            LocalDate today,
            List<Criterion> criteria,
            Set<String> documented,
            PipelineFigures frozen,
            String actor,
            Instant now) {
        requireState(state.mayEdit(), "submit");
        if (!cycle.isOpenOn(today)) {
            throw new Conflict("the cycle " + cycle.getCode() + " takes applications from " + cycle.getOpensOn()
                    + " to " + cycle.getClosesOn());
        }
        follow(criteria);
        List<FieldProblem> missing = new ArrayList<>();
        for (Evidence part : evidence) {
            if (part.isEvidenceRequired() && (!part.hasStatement() || !documented.contains(part.getCode()))) {
                missing.add(new FieldProblem(
                        part.getCode(),
                        "required evidence is missing for " + part.getCode() + " (" + part.getTitle()
                                + "): it needs a statement and at least one document"));
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInput(missing);
        }
        figures = frozen;
        submittedAt = now;
        moveTo(ApplicationState.SUBMITTED, actor, null, now);
    }

    /** Brings the parts in line with the programme's active criteria; a part with a statement is kept. */
    private void follow(List<Criterion> criteria) {
        evidence.removeIf(e -> criteria.stream()
                        .noneMatch(c -> c.getCode().equals(e.getCriterion().getCode()))
                && !e.hasStatement());
        for (Criterion c : criteria) {
            Optional<Evidence> part = evidence.stream()
                    .filter(e -> e.getCriterion().getCode().equals(c.getCode()))
                    .findFirst();
            part.ifPresentOrElse(Evidence::copy, () -> evidence.add(new Evidence(this, c)));
        }
        evidence.sort(Comparator.comparingInt(Evidence::getPosition).thenComparing(Evidence::getCode));
    }

    /**
     * Assigns a reviewer. One affiliated with the school may not review it; once two reviewers are
     * active the case is under review.
     */
    public Review assign(String reviewer, String reviewerSchool, String actor, Instant now) {
        if (!state.mayAssign()) {
            throw new Conflict("reviewers are assigned to submitted applications; this one is " + state);
        }
        requireUnaffiliated(reviewer, reviewerSchool);
        if (review(reviewer).isPresent()) {
            throw new Conflict(reviewer + " is already a reviewer of application " + id);
        }
        Review review = new Review(this, reviewer, actor, now);
        reviews.add(review);
        List<String> active = reviews.stream()
                .filter(Review::isActive)
                .map(Review::getReviewer)
                .toList();
        if (state == ApplicationState.SUBMITTED && active.size() >= REVIEWERS) {
            moveTo(ApplicationState.UNDER_REVIEW, actor, "reviewers " + String.join(", ", active), now);
        }
        return review;
    }

    private void requireUnaffiliated(String reviewer, String reviewerSchool) {
        if (reviewerSchool != null && reviewerSchool.equalsIgnoreCase(school.getCode())) {
            throw new Conflict("conflict of interest: " + reviewer + " is affiliated with " + school.getCode()
                    + " and may not review its application");
        }
    }

    public Optional<Review> review(String reviewer) {
        return reviews.stream().filter(r -> r.getReviewer().equals(reviewer)).findFirst();
    }

    /** A reviewer declares a conflict of interest and steps aside; the admin assigns another. */
    public void declareConflict(String reviewer, String note, Instant now) {
        Review review = assigned(reviewer);
        requireState(state.mayReview(), "review");
        review.stepAside(note, now);
    }

    /** A reviewer scores every criterion, each with a comment; scoring again replaces the scores. */
    public void score(String reviewer, String reviewerSchool, Map<String, ScoreInput> given, Instant now) {
        Review review = assigned(reviewer);
        requireState(state.mayReview(), "review");
        requireUnaffiliated(reviewer, reviewerSchool);
        if (review.isConflict()) {
            throw new Conflict(reviewer + " declared a conflict of interest for this application");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String code : given.keySet()) {
            if (evidence.stream().noneMatch(e -> e.getCode().equalsIgnoreCase(code))) {
                problems.add(new FieldProblem(code, "is not a criterion of this application"));
            }
        }
        List<ReviewScore> scores = new ArrayList<>();
        for (Evidence part : evidence) {
            ScoreInput s = given.entrySet().stream()
                    .filter(g -> g.getKey().equalsIgnoreCase(part.getCode()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (s == null || s.score() == null) {
                problems.add(new FieldProblem(part.getCode(), "needs a score from 0 to " + part.getMaxScore()));
            } else if (s.score() < 0 || s.score() > part.getMaxScore()) {
                problems.add(new FieldProblem(part.getCode(), "the score must be from 0 to " + part.getMaxScore()));
            } else if (s.comment() == null
                    || s.comment().isBlank()
                    || s.comment().length() > 2000) {
                problems.add(new FieldProblem(part.getCode(), "needs a comment (at most 2000 characters)"));
            } else {
                scores.add(new ReviewScore(review, part, s.score(), s.comment().strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        review.score(scores, now);
    }

    private Review assigned(String reviewer) {
        return review(reviewer).orElseThrow(() -> new NotFound("application " + id));
    }

    /** The reviews that count: complete, from reviewers who did not step aside. */
    public List<Review> completeReviews() {
        return reviews.stream().filter(Review::isComplete).toList();
    }

    /** The case's weighted total, 0-100: the mean of the complete reviews' totals; null before any. */
    public BigDecimal total() {
        List<Review> complete = completeReviews();
        if (complete.isEmpty()) {
            return null;
        }
        double mean = complete.stream()
                .mapToDouble(r -> r.total().doubleValue())
                .average()
                .orElse(0);
        return BigDecimal.valueOf(mean).setScale(1, RoundingMode.HALF_UP);
    }

    /** How far the reviewers' totals lie apart (highest minus lowest); null before two reviews. */
    public BigDecimal spread() {
        List<Review> complete = completeReviews();
        if (complete.size() < 2) {
            return null;
        }
        double max = complete.stream()
                .mapToDouble(r -> r.total().doubleValue())
                .max()
                .orElse(0);
        double min = complete.stream()
                .mapToDouble(r -> r.total().doubleValue())
                .min()
                .orElse(0);
        return BigDecimal.valueOf(max - min).setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * The admin's decision once two reviews are in. Certification needs the pass mark and no
     * DEFICIENCY; a rejection lists its findings. A certification runs from today for the cycle's period.
     */
    public void decide(
            ApplicationState outcome,
            String note,
            List<FindingInput> given,
            LocalDate today,
            String actor,
            Instant now) {
        if (outcome != ApplicationState.CERTIFIED && outcome != ApplicationState.REJECTED) {
            throw new BadInput("outcome", "must be CERTIFIED or REJECTED");
        }
        requireState(state.mayDecide(), "decide");
        if (completeReviews().size() < REVIEWERS) {
            throw new Conflict("a decision needs " + REVIEWERS + " complete reviews; this application has "
                    + completeReviews().size());
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Finding> decided = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            FindingInput f = given.get(i);
            String field = "findings[" + i + "]";
            Optional<Evidence> part = evidence.stream()
                    .filter(e -> f.criterion() != null
                            && e.getCode().equalsIgnoreCase(f.criterion().strip()))
                    .findFirst();
            Severity severity = severity(f.severity());
            if (part.isEmpty()) {
                problems.add(new FieldProblem(field + ".criterion", "is not a criterion of this application"));
            }
            if (severity == null) {
                problems.add(new FieldProblem(field + ".severity", "must be DEFICIENCY, WEAKNESS or CONCERN"));
            }
            if (f.text() == null || f.text().isBlank() || f.text().length() > 2000) {
                problems.add(new FieldProblem(field + ".text", "is required (at most 2000 characters)"));
            }
            if (part.isPresent() && severity != null && problems.isEmpty()) {
                decided.add(new Finding(this, part.get(), severity, f.text().strip()));
            }
        }
        if (outcome == ApplicationState.REJECTED && given.isEmpty()) {
            problems.add(new FieldProblem("findings", "a rejection lists its findings"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        if (outcome == ApplicationState.CERTIFIED) {
            if (total().compareTo(cycle.getPassMark()) < 0) {
                throw new Conflict("the weighted total " + total() + " is below the pass mark " + cycle.getPassMark());
            }
            if (decided.stream().anyMatch(f -> f.getSeverity() == Severity.DEFICIENCY)) {
                throw new Conflict("a school with a DEFICIENCY finding cannot be certified");
            }
            certifiedFrom = today;
            certifiedUntil = cycle.certifiedUntil(today);
        }
        findings.clear();
        findings.addAll(decided);
        decisionNote = note == null || note.isBlank() ? null : note.strip();
        decidedAt = now;
        moveTo(outcome, actor, decisionNote, now);
    }

    private static Severity severity(String value) {
        try {
            return value == null ? null : Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** This certification is replaced by a newer one decided before it ended. */
    public void renewedBy(Application newer, String actor, Instant now) {
        moveTo(ApplicationState.RENEWED, actor, "renewed by application " + newer.getId(), now);
    }

    /** Ends this certification once its last day has passed; false when it is not yet time. */
    public boolean expire(LocalDate today, Instant now) {
        if (state != ApplicationState.CERTIFIED || !certifiedUntil.isBefore(today)) {
            return false;
        }
        moveTo(ApplicationState.EXPIRED, "system", "the certification period ended on " + certifiedUntil, now);
        return true;
    }

    public void revoke(String reason, String actor, Instant now) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new BadInput("reason", "is required (at most 2000 characters)");
        }
        requireState(state.mayRevoke(), "revoke");
        moveTo(ApplicationState.REVOKED, actor, reason, now);
    }

    public Long getId() {
        return id;
    }

    public School getSchool() {
        return school;
    }

    public Cycle getCycle() {
        return cycle;
    }

    public ApplicationState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public LocalDate getCertifiedFrom() {
        return certifiedFrom;
    }

    public LocalDate getCertifiedUntil() {
        return certifiedUntil;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    /** The frozen figures, or null before submission. */
    public PipelineFigures getFigures() {
        return figures != null && figures.isPresent() ? figures : null;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }

    public List<Review> getReviews() {
        return reviews;
    }

    public List<Finding> getFindings() {
        return findings;
    }

    public List<Transition> getHistory() {
        return history;
    }
}
