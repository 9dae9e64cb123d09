package org.talentpipeline.certification.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.file.UploadedFile;
import org.talentpipeline.certification.ApplicationState;
import org.talentpipeline.certification.CaseView;
import org.talentpipeline.certification.CertificationService;
import org.talentpipeline.certification.FindingInput;
import org.talentpipeline.certification.ScoreInput;
import org.talentpipeline.certification.Severity;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.UserSummary;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.StaleVersion;

/**
 * One certification case, for each of its parties: the school writes statements, uploads documents
 * and submits its draft; the admin assigns reviewers, reads every review, decides and revokes; a
 * reviewer declares a conflict or scores each criterion with a comment. The decision letter page
 * reads the same case.
 *
 * <p>The case id is the page's view parameter, which any postback may change: every action passes it
 * to the service, which checks the caller against that case again. What this bean decides (which
 * forms to show) is display only. The statements keep the versions they were read at, so a save over
 * someone else's change is refused with a message.
 */
@Named
@ViewScoped
public class ReviewApplication implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CertificationService certifications;

    @Inject
    CurrentUser currentUser;

    @Inject
    Access access;

    @Inject
    FacesMessages messages;

    private Long id;
    private CaseView view;
    private final Map<String, String> statements = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();

    private String uploadCriterion;
    private transient UploadedFile file;

    private String reviewer;
    private List<UserSummary> assignable = List.of();

    private boolean conflict;
    private String conflictNote;
    private final Map<String, Integer> scores = new HashMap<>();
    private final Map<String, String> comments = new HashMap<>();

    private ApplicationState outcome = ApplicationState.CERTIFIED;
    private String decisionNote;
    private final List<FindingRow> findings = new ArrayList<>();
    private String revokeReason;

    /** A finding being written in the decision form. */
    public static class FindingRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String criterion;
        private Severity severity = Severity.CONCERN;
        private String text;

        public String getCriterion() {
            return criterion;
        }

        public void setCriterion(String criterion) {
            this.criterion = criterion;
        }

        public Severity getSeverity() {
            return severity;
        }

        public void setSeverity(Severity severity) {
            this.severity = severity;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    /** A case the caller may not read is the 404 page (the service's refusal, see PageExceptions). */
    public void load() {
        if (id == null) {
            throw new NotFound("application");
        }
        show(certifications.get(id));
    }

    private void show(CaseView loaded) {
        view = loaded;
        statements.clear();
        versions.clear();
        loaded.evidence().forEach(p -> {
            statements.put(p.criterion(), p.statement());
            versions.put(p.criterion(), p.version());
        });
        if (access.may(Operation.APPLICATION_ASSIGN) && loaded.state().mayAssign()) {
            assignable = certifications.assignable(loaded.id());
        }
        loaded.reviews().stream()
                .filter(r -> r.reviewer().equals(currentUser.getUsername()))
                .findFirst()
                .ifPresent(mine -> {
                    conflict = mine.conflict();
                    conflictNote = mine.conflictNote();
                    mine.scores().forEach(s -> {
                        scores.put(s.criterion(), s.score());
                        comments.put(s.criterion(), s.comment());
                    });
                });
    }

    private void attempt(Runnable change, String done) {
        try {
            change.run();
            messages.info(done);
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict | NotFound e) {
            messages.error("certification.refused", e.getMessage());
        } catch (StaleVersion e) {
            messages.error("certification.stale");
        }
    }

    public void saveStatements() {
        Map<String, CertificationService.Statement> changed = new LinkedHashMap<>();
        for (CaseView.Part part : view.evidence()) {
            String text = statements.get(part.criterion());
            if (!Objects.equals(text, part.statement())) {
                changed.put(part.criterion(), new CertificationService.Statement(text, versions.get(part.criterion())));
            }
        }
        if (changed.isEmpty()) {
            messages.info("certification.statementsSaved");
            return;
        }
        attempt(() -> show(certifications.write(id, changed)), "certification.statementsSaved");
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            messages.error("certification.chooseFile");
            return;
        }
        attempt(
                () -> {
                    try (InputStream in = file.getInputStream()) {
                        certifications.upload(id, uploadCriterion, file.getFileName(), in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    show(certifications.get(id));
                },
                "certification.uploaded");
    }

    public void removeDocument(long document) {
        attempt(() -> show(certifications.removeDocument(id, document)), "certification.documentRemoved");
    }

    public void submit() {
        attempt(() -> show(certifications.submit(id)), "certification.submitted");
    }

    public void assign() {
        attempt(
                () -> {
                    show(certifications.assign(id, reviewer));
                    reviewer = null;
                },
                "certification.assigned");
    }

    public void saveReview() {
        attempt(
                () -> {
                    List<ScoreInput> given = view.evidence().stream()
                            .map(p -> new ScoreInput(
                                    p.criterion(), scores.get(p.criterion()), comments.get(p.criterion())))
                            .toList();
                    show(certifications.review(id, conflict, conflictNote, given));
                },
                conflict ? "certification.conflictDeclared" : "certification.reviewSaved");
    }

    public void addFinding() {
        findings.add(new FindingRow());
    }

    public void removeFinding(FindingRow row) {
        findings.remove(row);
    }

    public void decide() {
        attempt(
                () -> {
                    show(certifications.decide(
                            id,
                            outcome.name(),
                            decisionNote,
                            findings.stream()
                                    .map(f -> new FindingInput(
                                            f.getCriterion(),
                                            f.getSeverity() == null
                                                    ? null
                                                    : f.getSeverity().name(),
                                            f.getText()))
                                    .toList()));
                    findings.clear();
                },
                "certification.decided");
    }

    public void revoke() {
        attempt(() -> show(certifications.revoke(id, revokeReason)), "certification.revoked");
    }

    /** The scores a reviewer may give a criterion: 0 to its maximum. */
    public List<Integer> scale(int max) {
        List<Integer> scale = new ArrayList<>();
        for (int i = 0; i <= max; i++) {
            scale.add(i);
        }
        return scale;
    }

    /** A reviewer's score for a criterion, for the admin's table. */
    public String scoreOf(CaseView.ReviewView review, String criterion) {
        return review.scores().stream()
                .filter(s -> s.criterion().equals(criterion))
                .findFirst()
                .map(s -> Integer.toString(s.score()))
                .orElse("–");
    }

    public String commentOf(CaseView.ReviewView review, String criterion) {
        return review.scores().stream()
                .filter(s -> s.criterion().equals(criterion))
                .findFirst()
                .map(CaseView.ScoreView::comment)
                .orElse("");
    }

    // which forms to show: display only, the service decides every action again

    public boolean isSchoolsDraft() {
        return view != null
                && view.state().mayEdit()
                && access.may(Operation.APPLICATION_WRITE)
                && view.school().equals(currentUser.getSchoolCode());
    }

    public boolean isAssignedReviewer() {
        return view != null
                && view.state().mayReview()
                && access.may(Operation.APPLICATION_REVIEW)
                && view.reviews().stream().anyMatch(r -> r.reviewer().equals(currentUser.getUsername()));
    }

    public boolean isAssigning() {
        return view != null
                && access.may(Operation.APPLICATION_ASSIGN)
                && view.state().mayAssign();
    }

    public boolean isDeciding() {
        return view != null
                && access.may(Operation.APPLICATION_DECIDE)
                && view.state().mayDecide();
    }

    public boolean isRevocable() {
        return view != null
                && access.may(Operation.APPLICATION_DECIDE)
                && view.state().mayRevoke();
    }

    public boolean isReviewsShown() {
        return view != null
                && access.may(Operation.APPLICATION_DECIDE)
                && !view.reviews().isEmpty();
    }

    public ApplicationState[] getOutcomes() {
        return new ApplicationState[] {ApplicationState.CERTIFIED, ApplicationState.REJECTED};
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CaseView getView() {
        return view;
    }

    public Map<String, String> getStatements() {
        return statements;
    }

    public String getUploadCriterion() {
        return uploadCriterion;
    }

    public void setUploadCriterion(String uploadCriterion) {
        this.uploadCriterion = uploadCriterion;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public String getReviewer() {
        return reviewer;
    }

    public void setReviewer(String reviewer) {
        this.reviewer = reviewer;
    }

    public List<UserSummary> getAssignable() {
        return assignable;
    }

    public boolean isConflict() {
        return conflict;
    }

    public void setConflict(boolean conflict) {
        this.conflict = conflict;
    }

    public String getConflictNote() {
        return conflictNote;
    }

    public void setConflictNote(String conflictNote) {
        this.conflictNote = conflictNote;
    }

    public Map<String, Integer> getScores() {
        return scores;
    }

    public Map<String, String> getComments() {
        return comments;
    }

    public ApplicationState getOutcome() {
        return outcome;
    }

    public void setOutcome(ApplicationState outcome) {
        this.outcome = outcome;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public void setDecisionNote(String decisionNote) {
        this.decisionNote = decisionNote;
    }

    public List<FindingRow> getFindings() {
        return findings;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public void setRevokeReason(String revokeReason) {
        this.revokeReason = revokeReason;
    }
}
