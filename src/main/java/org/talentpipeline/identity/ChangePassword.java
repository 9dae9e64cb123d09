package org.talentpipeline.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;

/**
 * The signed-in user's "change password" page. This session stays signed in; every other session
 * and every API token of the user stops working.
 */
@Named
@RequestScoped
public class ChangePassword {

    @Inject
    AccountService accounts;

    @Inject
    ClientAddress clientAddress;

    @Inject
    HttpServletRequest request;

    @Inject
    FacesMessages messages;

    @Inject
    UserService users;

    private String currentPassword;

    /** Whether an administrator's reset requires a new password before anything else. */
    public boolean isMustChange() {
        return users.me().mustChangePassword();
    }

    private String newPassword;

    public void change() {
        try {
            int generation = accounts.changeOwnPassword(currentPassword, newPassword, clientAddress.of(request));
            FormAndTokenAuthentication.keepSession(request, generation);
            messages.info("password.changed");
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (SignInThrottled e) {
            messages.error("signin.throttled", e.retryAfterSeconds());
        } catch (ServerBusy e) {
            messages.error("signin.busy");
        }
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
