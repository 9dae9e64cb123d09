package org.talentpipeline.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The sign-in page and sign-out. */
@Named
@RequestScoped
public class SignIn {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    Event<AccountEvent> accounts;

    @Inject
    CurrentUser currentUser;

    private String username;
    private String password;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(
                request,
                response,
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(username, password)));
        if (status == AuthenticationStatus.SUCCESS) {
            String target = FormAndTokenAuthentication.takeReturnTo(request);
            external.redirect(target != null ? target : request.getContextPath() + "/index.xhtml");
            faces.responseComplete();
            return;
        }
        SignInResult result = (SignInResult) request.getAttribute(FormAndTokenAuthentication.SIGN_IN_RESULT);
        SignInResult.Outcome outcome = result == null ? SignInResult.Outcome.WRONG_CREDENTIALS : result.outcome();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        String text =
                switch (outcome) {
                    case THROTTLED ->
                        MessageFormat.format(msg.getString("signin.throttled"), result.retryAfterSeconds());
                    case BUSY -> msg.getString("signin.busy");
                    default -> msg.getString("signin.failed");
                };
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String who = currentUser.getUsername();
        if (who != null) {
            accounts.fire(new AccountEvent(
                    who, AccountEvent.Kind.SIGN_OUT, who, currentUser.getSchoolCode(), null, request.getRemoteAddr()));
        }
        request.logout();
        external.invalidateSession();
        external.redirect(request.getContextPath() + FormAndTokenAuthentication.LOGIN_PAGE);
        faces.responseComplete();
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
