package org.talentpipeline.student;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.talentpipeline.platform.ApiError;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.FacesMessages;

/** The public page where a student makes their account from their school's invitation code. */
@Named
@RequestScoped
public class ActivateAccount {

    @Inject
    StudentAccounts accounts;

    @Inject
    FacesMessages messages;

    private String code;
    private String username;
    private String password;
    private boolean done;

    public void activate() {
        try {
            StudentAccounts.Activated made = accounts.activate(code, username, password);
            done = true;
            messages.info("activate.done", made.username());
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (Conflict e) {
            messages.problems(List.of(new ApiError.FieldProblem("code", e.getMessage())));
        }
    }

    public boolean isDone() {
        return done;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
