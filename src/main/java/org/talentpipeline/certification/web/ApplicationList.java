package org.talentpipeline.certification.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.talentpipeline.certification.ApplicationState;
import org.talentpipeline.certification.ApplicationSummary;
import org.talentpipeline.certification.CaseView;
import org.talentpipeline.certification.CertificationService;
import org.talentpipeline.certification.Programme;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.PagedModel;

/**
 * The certification applications the user may see (all for ADMIN, their school's for a
 * SCHOOL_ADMIN, those assigned for a REVIEWER), filtered by state; a school admin opens a new one here.
 */
@Named
@ViewScoped
public class ApplicationList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CertificationService certifications;

    @Inject
    Programme programme;

    @Inject
    FacesMessages messages;

    private ApplicationState state;
    private String cycle;

    private final PagedModel<ApplicationSummary> list = new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<ApplicationSummary> read(
                PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return certifications.applications(state == null ? null : state.name(), page);
        }

        @Override
        protected String keyOf(ApplicationSummary row) {
            return Long.toString(row.id());
        }
    };

    /** Opens a draft for the school admin's school and goes to it. */
    public String open() {
        try {
            CaseView opened = certifications.open(cycle);
            return "/certification/application?faces-redirect=true&id=" + opened.id();
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict e) {
            messages.error("certification.refused", e.getMessage());
        }
        return null;
    }

    public List<Programme.CycleView> getOpenCycles() {
        return programme.cyclesNotClosed();
    }

    public PagedModel<ApplicationSummary> getList() {
        return list;
    }

    public ApplicationState[] getStates() {
        return ApplicationState.values();
    }

    public ApplicationState getState() {
        return state;
    }

    public void setState(ApplicationState state) {
        this.state = state;
    }

    public String getCycle() {
        return cycle;
    }

    public void setCycle(String cycle) {
        this.cycle = cycle;
    }
}
