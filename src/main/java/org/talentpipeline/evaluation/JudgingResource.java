package org.talentpipeline.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talentpipeline.competition.ResultPost;
import org.talentpipeline.identity.CurrentUser;
import org.talentpipeline.identity.Role;
import org.talentpipeline.platform.BadInput;

/**
 * {@code /api/v1/events/{code}/judging}: the rubric, judges' assignments and scores, the consensus
 * with the judges' agreement, and publishing it as results. ADMIN and EVALUATOR.
 */
@Path("events/{code}/judging")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.EVALUATOR})
public class JudgingResource {

    @Inject
    JudgingService judging;

    @Inject
    CurrentUser currentUser;

    public record RubricInput(List<Rubric.Criterion> criteria) {
    }

    public record AssignmentInput(String judge, List<String> entries) {
    }

    public record ScoreInput(String entry, Map<String, Double> scores) {
    }

    @GET
    public Map<String, Object> summary(@PathParam("code") String code) {
        JudgingService.Summary s = judging.summary(code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rubric", s.rubric());
        body.put("entries", s.entries());
        body.put("judges", s.judges());
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("krippendorffAlpha", s.krippendorffAlpha());
        agreement.put("method", "Krippendorff's alpha, interval, over the judges' weighted totals");
        body.put("agreement", agreement);
        return body;
    }

    @PUT
    @Path("rubric")
    public Rubric rubric(@PathParam("code") String code, RubricInput input) {
        if (input == null) {
            throw new BadInput("criteria", "at least one criterion is required");
        }
        return judging.defineRubric(code, input.criteria());
    }

    @POST
    @Path("judges")
    public Map<String, Integer> assign(@PathParam("code") String code, AssignmentInput input) {
        if (input == null || input.judge() == null) {
            throw new BadInput("judge", "is required");
        }
        return Map.of("assigned", judging.assign(code, input.judge(), input.entries()));
    }

    /** The signed-in judge's own entries with the scores they gave. */
    @GET
    @Path("mine")
    public List<JudgingService.Assignment> mine(@PathParam("code") String code) {
        return judging.assignmentsOf(code, currentUser.require().username());
    }

    @POST
    @Path("scores")
    @RolesAllowed(Role.Names.EVALUATOR)
    public Response score(@PathParam("code") String code, ScoreInput input) {
        if (input == null || input.entry() == null) {
            throw new BadInput("entry", "is required");
        }
        judging.score(code, input.entry(), input.scores());
        return Response.noContent().build();
    }

    @POST
    @Path("publish")
    public Response publish(@PathParam("code") String code) {
        ResultPost post = judging.publish(code);
        if (post.succeeded()) {
            return Response.ok(Map.of("stored", post.stored())).build();
        }
        return Response.status(400).entity(Map.of("error", "the consensus could not be stored", "details", post.problems(),
                "unmatched", post.unmatched())).build();
    }
}
