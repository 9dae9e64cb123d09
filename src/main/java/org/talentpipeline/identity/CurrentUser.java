package org.talentpipeline.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The caller of this request, page or API, with the school or agency that confines what they see.
 * Services ask it for tenancy; pages ask it which menu items to show.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    public Optional<Caller> caller() {
        return Optional.ofNullable((Caller) request.getAttribute(FormAndTokenAuthentication.SESSION_CALLER));
    }

    public Caller require() {
        return caller().orElseThrow(() -> new IllegalStateException("no caller is signed in"));
    }

    public boolean isSignedIn() {
        return caller().isPresent();
    }

    public String getUsername() {
        return caller().map(Caller::username).orElse(null);
    }

    /** The caller's roles, in their declared order, named in the page's language ({@code role.*}). */
    public String getRoleNames() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle msg = faces == null ? null : faces.getApplication().getResourceBundle(faces, "msg");
        return caller().map(c -> c.roles().stream()
                        .sorted()
                        .map(r -> msg == null ? r.name() : msg.getString("role." + r.name()))
                        .collect(Collectors.joining(", ")))
                .orElse("");
    }

    public boolean has(Role role) {
        return caller().map(c -> c.has(role)).orElse(false);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean isSchoolAdmin() {
        return has(Role.SCHOOL_ADMIN);
    }

    public boolean isEvaluator() {
        return has(Role.EVALUATOR);
    }

    public boolean isReviewer() {
        return has(Role.REVIEWER);
    }

    public boolean isStudent() {
        return has(Role.STUDENT);
    }

    public boolean isRecruiter() {
        return has(Role.RECRUITER);
    }

    public String getSchoolCode() {
        return caller().map(Caller::schoolCode).orElse(null);
    }

    public String getAgencyCode() {
        return caller().map(Caller::agencyCode).orElse(null);
    }
}
