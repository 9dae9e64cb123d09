package org.talentpipeline.integrity;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.BadInput;

/** {@code POST /api/v1/integrity/cases/{id}/decision} {@code {"outcome":"CLEARED|EXCLUDED|DISQUALIFIED","reason"}}. */
@Path("integrity")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrityResource {

    @Inject
    IntegrityCases cases;

    public record DecisionInput(String outcome, String reason) {}

    @POST
    @Path("cases/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.INTEGRITY_DECIDE)
    public IntegrityCases.CaseView decide(@PathParam("id") long id, DecisionInput input) {
        if (input == null) {
            throw new BadInput("body", "a decision {\"outcome\",\"reason\"} is required");
        }
        return cases.decide(id, input.outcome(), input.reason());
    }
}
