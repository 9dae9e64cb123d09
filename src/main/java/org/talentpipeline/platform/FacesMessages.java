package org.talentpipeline.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
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
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(args);
    }

    public void info(String key, Object... args) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    public void error(String key, Object... args) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, args), null));
        faces.validationFailed();
    }

    /**
     * The service's problems, each beside its field: the page's input of that id (if any) is marked
     * invalid, so that it is highlighted, and the message is its own (shown by the field's
     * {@code p:message} and by the page's list of messages).
     */
    public void problems(List<ApiError.FieldProblem> problems) {
        for (ApiError.FieldProblem p : problems) {
            UIInput input = input(p.field());
            String clientId = null;
            if (input != null) {
                input.setValid(false);
                clientId = input.getClientId(faces);
            }
            faces.addMessage(
                    clientId,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, label(p.field()) + ": " + p.message(), null));
        }
        faces.validationFailed();
    }

    /**
     * The page's input for the field: the one whose id is the field's name, or that names the field
     * in its attribute {@code field} ({@code <f:attribute name="field" value="dateOfBirth"/>} on an
     * input whose id is shorter).
     */
    private UIInput input(String field) {
        if (field == null || field.isBlank() || faces.getViewRoot() == null) {
            return null;
        }
        UIInput[] found = new UIInput[1];
        faces.getViewRoot().visitTree(VisitContext.createVisitContext(faces), (context, target) -> {
            if (target instanceof UIInput in
                    && (field.equals(target.getId())
                            || field.equals(target.getAttributes().get("field")))) {
                found[0] = in;
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return found[0];
    }

    public void violations(ConstraintViolationException e) {
        problems(e.getConstraintViolations().stream()
                .map(ApiError.FieldProblem::of)
                .toList());
    }

    /** The field's label on the page, when the bundle has one ({@code field.email}). */
    private String label(String field) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return bundle.containsKey("field." + field) ? bundle.getString("field." + field) : field;
    }
}
