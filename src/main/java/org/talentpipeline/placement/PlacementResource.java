package org.talentpipeline.placement;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
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
import java.util.List;
import java.util.Map;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Versions;

/**
 * Agencies (ADMIN), positions and placements (a RECRUITER for their agency; ADMIN reads all):
 * {@code /api/v1/agencies}, {@code /api/v1/positions}, {@code /api/v1/placements}. A position and
 * a placement answer with their version as {@code ETag}; a position's {@code PUT} needs it in
 * {@code If-Match}, a stage move may send it there.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementResource {

    @Inject
    PlacementService placements;

    @Inject
    Validator validator;

    public record ShortlistInput(
            @NotNull(message = "is required") Long position,
            @NotBlank(message = "is required (a student ref)") String student,
            String note) {}

    @GET
    @Path("agencies")
    @Performs(Operation.AGENCY_READ)
    public List<PlacementService.AgencyView> agencies() {
        return placements.agencies();
    }

    @POST
    @Path("agencies")
    @Performs(Operation.AGENCY_WRITE)
    public Response createAgency(PlacementService.AgencyInput input) {
        return Response.status(Response.Status.CREATED)
                .entity(placements.createAgency(input))
                .build();
    }

    @GET
    @Path("positions")
    @Performs(Operation.PLACEMENT_READ)
    public List<PlacementService.PositionView> positions() {
        return placements.positions();
    }

    @POST
    @Path("positions")
    @Performs(Operation.PLACEMENT_WRITE)
    public Response createPosition(PlacementService.PositionInput input) {
        PlacementService.PositionView created = placements.createPosition(input);
        return Versions.tagged(Response.Status.CREATED, created, created.version());
    }

    @GET
    @Path("positions/{id}")
    @Performs(Operation.PLACEMENT_READ)
    public Response position(@PathParam("id") long id) {
        PlacementService.PositionView position = placements.position(id);
        return Versions.tagged(position, position.version());
    }

    @PUT
    @Path("positions/{id}")
    @Performs(Operation.PLACEMENT_WRITE)
    public Response updatePosition(
            @PathParam("id") long id, PlacementService.PositionInput input, @Context HttpHeaders headers) {
        PlacementService.PositionView changed =
                placements.updatePosition(id, Versions.ifMatch(headers, "position " + id), input);
        return Versions.tagged(changed, changed.version());
    }

    @GET
    @Path("positions/{id}/board")
    @Performs(Operation.PLACEMENT_READ)
    public Map<Stage, List<PlacementService.PlacementView>> board(@PathParam("id") long id) {
        return placements.board(id);
    }

    @POST
    @Path("placements")
    @Performs(Operation.PLACEMENT_WRITE)
    public Response shortlist(ShortlistInput input) {
        BadInput.check(validator, input, "position", "is required");
        PlacementService.PlacementView created = placements.shortlist(input.position(), input.student(), input.note());
        return Versions.tagged(Response.Status.CREATED, created, created.version());
    }

    @GET
    @Path("placements/{id}")
    @Performs(Operation.PLACEMENT_READ)
    public Response placement(@PathParam("id") long id) {
        PlacementService.PlacementView placement = placements.placement(id);
        return Versions.tagged(placement, placement.version());
    }

    /** A stage move; with {@code If-Match} it is refused (412) when the placement changed since that version. */
    @POST
    @Path("placements/{id}/stage")
    @Performs(Operation.PLACEMENT_WRITE)
    public Response move(@PathParam("id") long id, PlacementService.StageInput input, @Context HttpHeaders headers) {
        Long expected = headers.getHeaderString(HttpHeaders.IF_MATCH) == null
                ? null
                : Versions.ifMatch(headers, "placement " + id);
        PlacementService.PlacementView moved = placements.move(id, expected, input);
        return Versions.tagged(moved, moved.version());
    }

    @GET
    @Path("placements/numbers")
    @Performs(Operation.PLACEMENT_READ)
    public PlacementService.PipelineNumbers numbers() {
        return placements.numbers();
    }
}
