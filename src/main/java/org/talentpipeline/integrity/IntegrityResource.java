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

/** {@code POST /api/v1/integrity/cases/{id}/decision} {@code {"outcome":"CLEARED|EXCLUDED|DISQUALIFIED","reason"}}. */
@Path("integrity")
@Produces(MediaType.APPLICATION_JSON)
public class IntegrityResource {

    @Inject
    IntegrityCases cases;

    @POST
    @Path("cases/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.INTEGRITY_DECIDE)
    public IntegrityCases.CaseView decide(@PathParam("id") long id, IntegrityCases.DecisionInput input) {
        return cases.decide(id, input);
    }
}
