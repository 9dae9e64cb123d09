package org.talentpipeline.privacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;

/** {@code POST /api/v1/corrections/{id}/decision} {@code {"accept","reason"}}: the school decides a student's correction request. */
@Path("corrections")
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionsResource {

    @Inject
    StudentRequests requests;

    public record CorrectionDecision(Boolean accept, String reason) {}

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.CORRECTION_DECIDE)
    public CorrectionRequest.View decideCorrection(@PathParam("id") long id, CorrectionDecision input) {
        return requests.decideCorrection(
                id, input == null ? null : input.accept(), input == null ? null : input.reason());
    }
}
