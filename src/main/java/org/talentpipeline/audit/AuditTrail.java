package org.talentpipeline.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.PagedModel;

/** The audit log page: newest first, filtered by actor, action or subject, one page at a time. */
@Named
@ViewScoped
public class AuditTrail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditLog audit;

    private final PagedModel<AuditEntry> entries = new PagedModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<AuditEntry> read(
                PageRequest page, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            // the log confines a SCHOOL_ADMIN to their school's entries
            return audit.search(
                    new AuditQuery(
                            filterText(filterBy, "subject"),
                            filterText(filterBy, "actor"),
                            filterText(filterBy, "action"),
                            null),
                    page);
        }

        @Override
        protected String keyOf(AuditEntry row) {
            return Long.toString(row.id());
        }
    };

    public PagedModel<AuditEntry> getEntries() {
        return entries;
    }
}
