package org.talentpipeline.privacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;

/**
 * The appeals an ADMIN reviews: {@code GET /api/v1/appeals} (open ones), {@code GET /api/v1/appeals/{id}}
 * with the student's report and its explanation, {@code POST /api/v1/appeals/{id}/decision}
 * {@code {"upheld","reason","excludeEvent"}}.
 */
@Path("appeals")
@Produces(MediaType.APPLICATION_JSON)
public class AppealsResource {

    @Inject
    StudentRequests requests;

    public record AppealDecision(Boolean upheld, String reason, String excludeEvent) {}

    @GET
    @Performs(Operation.APPEAL_REVIEW)
    public List<ScoreAppeal.View> openAppeals() {
        return requests.openAppeals();
    }

    @GET
    @Path("{id}")
    @Performs(Operation.APPEAL_REVIEW)
    public StudentRequests.AppealCase appeal(@PathParam("id") long id) {
        return requests.appealCase(id);
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.APPEAL_REVIEW)
    public ScoreAppeal.View decideAppeal(@PathParam("id") long id, AppealDecision input) {
        return requests.decideAppeal(
                id,
                input == null ? null : input.upheld(),
                input == null ? null : input.reason(),
                input == null ? null : input.excludeEvent());
    }
}
