package org.talentpipeline.privacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;

/** {@code GET /api/v1/schools/{code}/corrections}: the school's open correction requests, oldest first. */
@Path("schools/{code}/corrections")
@Produces(MediaType.APPLICATION_JSON)
public class SchoolCorrectionsResource {

    @Inject
    StudentRequests requests;

    @GET
    @Performs(Operation.CORRECTION_DECIDE)
    public List<CorrectionRequest.View> openCorrections(@PathParam("code") String code) {
        return requests.openCorrections(code);
    }
}
