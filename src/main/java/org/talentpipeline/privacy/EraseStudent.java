package org.talentpipeline.privacy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.talentpipeline.identity.Access;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;

/** The erasure on a student's page (ADMIN): the reason, then the tombstone. */
@Named
@RequestScoped
public class EraseStudent {

    @Inject
    Erasure erasure;

    @Inject
    Access access;

    @Inject
    FacesMessages messages;

    private String reason;

    public String erase(String ref, String school) {
        try {
            Erasure.Erased erased = erasure.erase(ref, new Erasure.ErasureInput(reason));
            messages.info("students.erased", erased.ref());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/student/list?faces-redirect=true&school=" + school;
        } catch (BadInput e) {
            messages.problems(e.problems());
            return null;
        }
    }

    public boolean isAllowed() {
        return access.may(Operation.STUDENT_ERASE);
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
