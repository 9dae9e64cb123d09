package org.talentpipeline.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;

/**
 * {@code GET /api/v1/audit}: ADMIN reads everything; a SCHOOL_ADMIN reads only the entries about
 * their own school's records, whatever filters they send (the audit log's rule).
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    @Performs(Operation.AUDIT_READ)
    public Page<AuditEntry> search(
            @QueryParam("subject") String subject,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return audit.search(new AuditQuery(blank(subject), blank(actor), blank(action), null), Paging.of(page, size));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
