package org.talentpipeline.school;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.FacesMessages;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.PagedModel;

/** The schools page: every signed-in user reads it; ADMIN adds schools. */
@Named
@ViewScoped
public class SchoolList implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SchoolService schools;

    @Inject
    FacesMessages messages;

    private SchoolForm form = new SchoolForm();

    private final PagedModel<SchoolView> list = new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<SchoolView> read(
                PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return schools.list(page);
        }

        @Override
        protected String keyOf(SchoolView row) {
            return row.code();
        }
    };

    public void create() {
        try {
            SchoolView created = schools.create(form.toInput());
            messages.info("schools.created", created.code());
            form = new SchoolForm();
        } catch (BadInput e) {
            messages.problems(e.problems());
        } catch (ConstraintViolationException e) {
            messages.violations(e);
        }
    }

    public PagedModel<SchoolView> getList() {
        return list;
    }

    public SchoolForm getForm() {
        return form;
    }

    public List<String> completeRegion(String text) {
        return schools.regionsLike(text);
    }

    public SchoolType[] getTypes() {
        return SchoolType.values();
    }
}
