package org.talentpipeline.certification.rest;

import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Map;
import org.talentpipeline.certification.CertificationService;
import org.talentpipeline.certification.Programme;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.Versions;

/**
 * The programme's settings: {@code /api/v1/certification/criteria} and {@code /cycles}, read by
 * those who take part and kept by ADMIN; {@code POST /certification/expiry} runs the daily expiry now.
 * A criterion or cycle answers with its version as {@code ETag}; a change names it in {@code If-Match}.
 */
@Path("certification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    @Inject
    Programme programme;

    @Inject
    CertificationService certifications;

    @GET
    @Path("criteria")
    @Performs(Operation.PROGRAMME_READ)
    public List<Programme.CriterionView> criteria() {
        return programme.criteria();
    }

    @GET
    @Path("criteria/{code}")
    @Performs(Operation.PROGRAMME_READ)
    public Response criterion(@PathParam("code") String code) {
        Programme.CriterionView criterion = programme.criterion(code);
        return Versions.tagged(criterion, criterion.version());
    }

    @POST
    @Path("criteria")
    @Performs(Operation.PROGRAMME_WRITE)
    public Response createCriterion(Programme.CriterionInput input) {
        Programme.CriterionView created = programme.createCriterion(input);
        return Versions.tagged(Response.Status.CREATED, created, created.version());
    }

    @PUT
    @Path("criteria/{code}")
    @Performs(Operation.PROGRAMME_WRITE)
    public Response updateCriterion(
            @PathParam("code") String code, Programme.CriterionInput input, @Context HttpHeaders headers) {
        Programme.CriterionView changed =
                programme.updateCriterion(code, input, Versions.ifMatch(headers, "criterion " + code));
        return Versions.tagged(changed, changed.version());
    }

    @GET
    @Path("cycles")
    @Performs(Operation.PROGRAMME_READ)
    public List<Programme.CycleView> cycles() {
        return programme.cycles();
    }

    @GET
    @Path("cycles/{code}")
    @Performs(Operation.PROGRAMME_READ)
    public Response cycle(@PathParam("code") String code) {
        Programme.CycleView cycle = programme.cycle(code);
        return Versions.tagged(cycle, cycle.version());
    }

    @POST
    @Path("cycles")
    @Performs(Operation.PROGRAMME_WRITE)
    public Response createCycle(Programme.CycleInput input) {
        Programme.CycleView created = programme.createCycle(input);
        return Versions.tagged(Response.Status.CREATED, created, created.version());
    }

    @PUT
    @Path("cycles/{code}")
    @Performs(Operation.PROGRAMME_WRITE)
    public Response updateCycle(
            @PathParam("code") String code, Programme.CycleInput input, @Context HttpHeaders headers) {
        Programme.CycleView changed = programme.updateCycle(code, input, Versions.ifMatch(headers, "cycle " + code));
        return Versions.tagged(changed, changed.version());
    }

    @POST
    @Path("expiry")
    @Performs(Operation.PROGRAMME_WRITE)
    public Map<String, Integer> expire() {
        return Map.of("expired", certifications.expireEnded());
    }
}
