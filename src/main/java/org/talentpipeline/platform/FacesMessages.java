package org.talentpipeline.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.text.MessageFormat;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Puts messages from the resource bundle on the page, and input problems beside their field names. */
@RequestScoped
public class FacesMessages {

    @Inject
    FacesContext faces;

    public String text(String key, Object... args) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args);
    }

    public void info(String key, Object... args) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    public void error(String key, Object... args) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
        faces.validationFailed();
    }

    public void problems(List<ApiError.FieldProblem> problems) {
        for (ApiError.FieldProblem p : problems) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, label(p.field()) + ": " + p.message(), null));
        }
        faces.validationFailed();
    }

    public void violations(ConstraintViolationException e) {
        problems(e.getConstraintViolations().stream().map(ApiError.FieldProblem::of).toList());
    }

    /** The field's label on the page, when the bundle has one ({@code field.email}). */
    private String label(String field) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return bundle.containsKey("field." + field) ? bundle.getString("field." + field) : field;
    }
}
