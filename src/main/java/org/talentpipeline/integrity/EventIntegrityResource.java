package org.talentpipeline.integrity;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.Page;

/**
 * {@code GET /api/v1/events/{code}/integrity}: the event's integrity cases with their evidence,
 * {@code {"items":[{"id","pattern","competitors","statistic","pValue","evidence","state"}],"total"}}.
 * Beside the competition area's {@code /events}, not inside it: competition knows nothing of integrity.
 */
@Path("events/{code}/integrity")
@Produces(MediaType.APPLICATION_JSON)
public class EventIntegrityResource {

    @Inject
    IntegrityCases cases;

    @GET
    @Performs(Operation.INTEGRITY_READ)
    public Page<IntegrityCases.CaseView> cases(@PathParam("code") String code) {
        List<IntegrityCases.CaseView> list = cases.cases(code);
        return new Page<>(list, list.size());
    }
}
