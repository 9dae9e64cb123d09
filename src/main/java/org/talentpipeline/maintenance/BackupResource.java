package org.talentpipeline.maintenance;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;

/** {@code POST /api/v1/backups}: an online backup of the H2 database (DATABASE_BACKUP, ADMIN); 409 on PostgreSQL. */
@Path("backups")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {

    @Inject
    Backups backups;

    @POST
    @Performs(Operation.DATABASE_BACKUP)
    public Response backUp() {
        return Response.status(Response.Status.CREATED).entity(backups.backUp()).build();
    }
}
