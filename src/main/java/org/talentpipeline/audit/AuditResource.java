package org.talentpipeline.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.identity.Role;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;

/**
 * {@code GET /api/v1/audit}: ADMIN reads everything; a SCHOOL_ADMIN reads only the entries about
 * their own school's records, whatever filters they send.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.SCHOOL_ADMIN})
public class AuditResource {

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    @GET
    public Page<AuditEntry> search(@QueryParam("subject") String subject, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size, @jakarta.ws.rs.core.Context SecurityContext security) {
        AuditQuery query = new AuditQuery(blank(subject), blank(actor), blank(action), null);
        if (!security.isUserInRole(Role.Names.ADMIN)) {
            query = query.forSchool(currentUser.require().schoolCode());
        }
        return audit.search(query, Paging.of(page, size));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
