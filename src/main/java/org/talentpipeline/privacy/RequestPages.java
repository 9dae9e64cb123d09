package org.talentpipeline.privacy;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;

/**
 * The pages that decide students' requests: a school's open corrections (its admin, or ADMIN) and
 * the open appeals with the student's report beside them (ADMIN).
 */
@Named
@ViewScoped
public class RequestPages implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StudentRequests requests;

    @Inject
    FacesMessages messages;

    private String school;
    private List<CorrectionRequest.View> corrections;
    private List<ScoreAppeal.View> appeals;
    private StudentRequests.AppealCase selected;
    private String reason;
    private String excludeEvent;

    /** f:viewAction of the corrections page. */
    public void loadCorrections() {
        corrections = requests.openCorrections(school);
    }

    /** f:viewAction of the appeals page. */
    public void loadAppeals() {
        appeals = requests.openAppeals();
    }

    public void decideCorrection(long id, boolean accept) {
        try {
            requests.decideCorrection(id, accept, reason);
            messages.info(accept ? "requests.accepted" : "requests.refused");
            reason = null;
            loadCorrections();
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict | NotFound e) {
            messages.error("requests.gone");
            loadCorrections();
        }
    }

    public void open(long id) {
        selected = requests.appealCase(id);
        excludeEvent = selected.appeal().event();
    }

    public void decideAppeal(boolean upheld) {
        try {
            requests.decideAppeal(selected.appeal().id(), upheld, reason, upheld ? excludeEvent : null);
            messages.info(upheld ? "requests.upheld" : "requests.rejected");
            selected = null;
            reason = null;
            loadAppeals();
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict | NotFound e) {
            messages.error("requests.gone");
            loadAppeals();
        }
    }

    public String getSchool() {
        return school;
    }

    public void setSchool(String school) {
        this.school = school;
    }

    public List<CorrectionRequest.View> getCorrections() {
        return corrections;
    }

    public List<ScoreAppeal.View> getAppeals() {
        return appeals;
    }

    public StudentRequests.AppealCase getSelected() {
        return selected;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getExcludeEvent() {
        return excludeEvent;
    }

    public void setExcludeEvent(String excludeEvent) {
        this.excludeEvent = excludeEvent;
    }
}
