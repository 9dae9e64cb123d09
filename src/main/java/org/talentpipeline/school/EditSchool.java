package org.talentpipeline.school;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.StaleVersion;

/**
 * One school's page: its details (ADMIN edits them) and its programmes (ADMIN or its SCHOOL_ADMIN
 * adds). The code is passed to the service, which checks it, on every call; the form keeps the
 * version it was filled from, and a save from an old version is refused with a message.
 */
@Named
@ViewScoped
public class EditSchool implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SchoolService schools;

    @Inject
    FacesMessages messages;

    private String code;
    private SchoolView school;
    private SchoolForm form;
    /** The version of the school the form was filled from. */
    private long version;

    private String programName;
    private String programLevel = "BACHELOR";

    /** Called by f:viewAction once the code is read from the URL. */
    public void load() {
        try {
            show(schools.get(code));
        } catch (NotFound e) {
            school = null;
            messages.error("schools.notFound", code);
        }
    }

    private void show(SchoolView view) {
        school = view;
        form = SchoolForm.of(view);
        version = view.version();
    }

    public void save() {
        try {
            show(schools.update(code, version, form.toInput()));
            messages.info("schools.saved", school.code());
        } catch (StaleVersion e) {
            messages.error("schools.changedMeanwhile");
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (ConstraintViolationException e) {
            messages.violations(e);
        }
    }

    public void addProgram() {
        try {
            schools.addProgram(code, new ProgramInput(programName, programLevel));
            messages.info("programs.added", programName);
            programName = null;
            school = schools.get(code);
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (ConstraintViolationException e) {
            messages.violations(e);
        } catch (NotFound e) {
            messages.error("programs.notYours");
        }
    }

    public long getVersion() {
        return version;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public SchoolView getSchool() {
        return school;
    }

    public SchoolForm getForm() {
        return form;
    }

    public String getProgramName() {
        return programName;
    }

    public void setProgramName(String programName) {
        this.programName = programName;
    }

    public String getProgramLevel() {
        return programLevel;
    }

    public void setProgramLevel(String programLevel) {
        this.programLevel = programLevel;
    }

    public List<String> completeRegion(String text) {
        return schools.regionsLike(text);
    }

    public SchoolType[] getTypes() {
        return SchoolType.values();
    }
}
