package org.talentpipeline.evaluation;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.talentpipeline.competition.ResultPost;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Versions;

/**
 * {@code /api/v1/events/{code}/judging}: the rubric, judges' assignments and scores, the consensus
 * with the judges' agreement, and publishing it as results. The judging and the rubric answer with
 * the event's version as their {@code ETag}; a rubric change names it in {@code If-Match}.
 */
@Path("events/{code}/judging")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JudgingResource {

    @Inject
    JudgingService judging;

    @Context
    HttpHeaders headers;

    /** The criteria themselves (names, weights, maxima) are checked by {@link Rubric#problems}. */
    public record RubricInput(
            @NotEmpty(message = "at least one criterion is required") List<Rubric.Criterion> criteria) {}

    public record AssignmentInput(@NotNull(message = "is required") String judge, List<String> entries) {}

    public record ScoreInput(@NotNull(message = "is required") String entry, Map<String, Double> scores) {}

    @Inject
    Validator validator;

    @GET
    @Performs(Operation.JUDGING_READ)
    public Response summary(@PathParam("code") String code) {
        JudgingService.Summary s = judging.summary(code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rubric", s.rubric());
        body.put("entries", s.entries());
        body.put("judges", s.judges());
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("krippendorffAlpha", s.krippendorffAlpha());
        agreement.put("method", "Krippendorff's alpha, interval, over the judges' weighted totals");
        body.put("agreement", agreement);
        return Versions.tagged(body, s.version());
    }

    @GET
    @Path("rubric")
    @Performs(Operation.JUDGING_READ)
    public Response rubric(@PathParam("code") String code) {
        JudgingService.VersionedRubric rubric = judging.rubric(code);
        return Versions.tagged(rubric.rubric(), rubric.version());
    }

    /** Replaces the rubric: {@code If-Match} must carry the ETag the judging or the rubric was read with. */
    @PUT
    @Path("rubric")
    @Performs(Operation.JUDGING_MANAGE)
    public Response defineRubric(@PathParam("code") String code, RubricInput input) {
        long version = Versions.ifMatch(headers, "the rubric of event " + code);
        BadInput.check(validator, input, "criteria", "at least one criterion is required");
        JudgingService.VersionedRubric rubric = judging.defineRubric(code, version, input.criteria());
        return Versions.tagged(rubric.rubric(), rubric.version());
    }

    @POST
    @Path("judges")
    @Performs(Operation.JUDGING_MANAGE)
    public Map<String, Integer> assign(@PathParam("code") String code, AssignmentInput input) {
        BadInput.check(validator, input, "judge", "is required");
        return Map.of("assigned", judging.assign(code, input.judge(), input.entries()));
    }

    /** The signed-in judge's own entries with the scores they gave. */
    @GET
    @Path("mine")
    @Performs(Operation.JUDGING_SCORE)
    public List<JudgingService.Assignment> mine(@PathParam("code") String code) {
        return judging.assignments(code);
    }

    @POST
    @Path("scores")
    @Performs(Operation.JUDGING_SCORE)
    public Response score(@PathParam("code") String code, ScoreInput input) {
        BadInput.check(validator, input, "entry", "is required");
        judging.score(code, input.entry(), input.scores());
        return Response.noContent().build();
    }

    @POST
    @Path("publish")
    @Performs(Operation.JUDGING_MANAGE)
    public Response publish(@PathParam("code") String code) {
        ResultPost post = judging.publish(code);
        if (post.succeeded()) {
            return Response.ok(Map.of("stored", post.stored())).build();
        }
        return Response.status(400)
                .entity(Map.of(
                        "error",
                        "the consensus could not be stored",
                        "details",
                        post.problems(),
                        "unmatched",
                        post.unmatched()))
                .build();
    }
}
