package org.talentpipeline.privacy;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.scoring.ScoutingReport;
import org.talentpipeline.scoring.ScoutingReports;
import org.talentpipeline.student.OwnRecord;
import org.talentpipeline.student.StudentService;

/**
 * The signed-in student's page: their record, their scouting report, whom they share with (and the
 * change of it), every consent decision, the disclosure log, and the export of all their data. The
 * same services as {@code /api/v1/me/...}.
 */
@Named
@ViewScoped
public class OwnData implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Whom the student shares with, as the page's choice. */
    public enum Sharing {
        ALL,
        CHOSEN,
        NONE
    }

    @Inject
    StudentService students;

    @Inject
    ScoutingReports reports;

    @Inject
    DisclosureLog disclosures;

    @Inject
    PersonalData data;

    @Inject
    FacesMessages messages;

    @Inject
    StudentRequests requests;

    private List<CorrectionRequest.View> corrections;
    private List<ScoreAppeal.View> appeals;
    private String field;
    private String requestedValue;
    private String explanation;
    private String subject;
    private String event;
    private String statement;

    private OwnRecord record;
    private ScoutingReport report;
    private List<Disclosure> disclosed;
    private Sharing sharing;
    private List<String> chosen = new ArrayList<>();

    /** Called by f:viewAction. */
    public void load() {
        show(students.ownRecord());
        report = reports.ownReport();
        disclosed = disclosures.mine();
        corrections = requests.myCorrections();
        appeals = requests.myAppeals();
    }

    public void askCorrection() {
        try {
            requests.requestCorrection(new StudentRequests.CorrectionInput(field, requestedValue, explanation));
            corrections = requests.myCorrections();
            requestedValue = null;
            explanation = null;
            messages.info("me.sent");
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public void appeal() {
        try {
            requests.appeal(new StudentRequests.AppealInput(subject, event, statement));
            appeals = requests.myAppeals();
            statement = null;
            messages.info("me.sent");
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public List<String> getCorrectable() {
        return StudentService.CORRECTABLE;
    }

    public List<String> getContestable() {
        return StudentRequests.CONTESTABLE;
    }

    public List<CorrectionRequest.View> getCorrections() {
        return corrections;
    }

    public List<ScoreAppeal.View> getAppeals() {
        return appeals;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }

    public String getRequestedValue() {
        return requestedValue;
    }

    public void setRequestedValue(String requestedValue) {
        this.requestedValue = requestedValue;
    }

    public String getExplanation() {
        return explanation;
    }

    public void setExplanation(String explanation) {
        this.explanation = explanation;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getStatement() {
        return statement;
    }

    public void setStatement(String statement) {
        this.statement = statement;
    }

    private void show(OwnRecord r) {
        record = r;
        sharing = !r.student().consentToShare() ? Sharing.NONE : r.allAgencies() ? Sharing.ALL : Sharing.CHOSEN;
        chosen = new ArrayList<>(r.agencies());
    }

    public void saveConsent() {
        try {
            show(
                    switch (sharing) {
                        case NONE -> students.ownConsent(false, null);
                        case ALL -> students.ownConsent(true, null);
                        case CHOSEN -> students.ownConsent(true, chosen);
                    });
            messages.info("me.consentSaved");
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public StreamedContent getJsonExport() {
        byte[] json;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(data.mine()).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return DefaultStreamedContent.builder().name("my-data.json").contentType("application/json").stream(
                        () -> new ByteArrayInputStream(json))
                .build();
    }

    public StreamedContent getZipExport() {
        byte[] zip = PersonalData.zip(data.mine());
        return DefaultStreamedContent.builder().name("my-data.zip").contentType("application/zip").stream(
                        () -> new ByteArrayInputStream(zip))
                .build();
    }

    public OwnRecord getRecord() {
        return record;
    }

    public ScoutingReport getReport() {
        return report;
    }

    public List<Disclosure> getDisclosures() {
        return disclosed;
    }

    public Sharing[] getSharings() {
        return Sharing.values();
    }

    public Sharing getSharing() {
        return sharing;
    }

    public void setSharing(Sharing sharing) {
        this.sharing = sharing;
    }

    public List<String> getChosen() {
        return chosen;
    }

    public void setChosen(List<String> chosen) {
        this.chosen = chosen;
    }
}
