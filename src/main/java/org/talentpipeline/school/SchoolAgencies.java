package org.talentpipeline.school;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.StaleVersion;

/** The page where a school (its admin, or ADMIN) chooses the agencies that may see its students. */
@Named
@ViewScoped
public class SchoolAgencies implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SchoolService schools;

    @Inject
    FacesMessages messages;

    private String code;
    private List<String> all = List.of();
    private List<String> approved = new ArrayList<>();
    private int version;

    /** Called by f:viewAction. */
    public void load() {
        SchoolService.ApprovedAgencies current = schools.approvedAgencies(code);
        approved = new ArrayList<>(current.agencies());
        version = current.version();
        all = schools.agencyCodes();
    }

    public void save() {
        try {
            SchoolService.ApprovedAgencies saved = schools.approveAgencies(code, version, approved);
            approved = new ArrayList<>(saved.agencies());
            version = saved.version();
            messages.info("agencies.saved");
        } catch (StaleVersion e) {
            messages.error("students.changedMeanwhile");
        } catch (BadInput e) {
            messages.problems(e.problems());
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public List<String> getAll() {
        return all;
    }

    public List<String> getApproved() {
        return approved;
    }

    public void setApproved(List<String> approved) {
        this.approved = approved;
    }
}
