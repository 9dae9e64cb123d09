package org.talentpipeline.placement;

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
import java.util.List;
import java.util.Map;
import org.talentpipeline.identity.Role;
import org.talentpipeline.platform.BadInput;

/**
 * Agencies (ADMIN), positions and placements (a RECRUITER for their agency; ADMIN reads all):
 * {@code /api/v1/agencies}, {@code /api/v1/positions}, {@code /api/v1/placements}.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlacementResource {

    @Inject
    PlacementService placements;

    public record AgencyInput(String code, String name) {
    }

    public record ShortlistInput(Long position, String student, String note) {
    }

    public record StageInput(String stage, String note) {
    }

    @GET
    @Path("agencies")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.RECRUITER})
    public List<PlacementService.AgencyView> agencies() {
        return placements.agencies();
    }

    @POST
    @Path("agencies")
    @RolesAllowed(Role.Names.ADMIN)
    public Response createAgency(AgencyInput input) {
        if (input == null) {
            throw new BadInput("body", "an agency is required");
        }
        return Response.status(Response.Status.CREATED).entity(placements.createAgency(input.code(), input.name())).build();
    }

    @GET
    @Path("positions")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.RECRUITER})
    public List<PlacementService.PositionView> positions() {
        return placements.positions();
    }

    @POST
    @Path("positions")
    @RolesAllowed(Role.Names.RECRUITER)
    public Response createPosition(PlacementService.PositionInput input) {
        return Response.status(Response.Status.CREATED).entity(placements.createPosition(input)).build();
    }

    @PUT
    @Path("positions/{id}")
    @RolesAllowed(Role.Names.RECRUITER)
    public PlacementService.PositionView updatePosition(@PathParam("id") long id, PlacementService.PositionInput input) {
        return placements.updatePosition(id, input);
    }

    @GET
    @Path("positions/{id}/board")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.RECRUITER})
    public Map<Stage, List<PlacementService.PlacementView>> board(@PathParam("id") long id) {
        return placements.board(id);
    }

    @POST
    @Path("placements")
    @RolesAllowed(Role.Names.RECRUITER)
    public Response shortlist(ShortlistInput input) {
        if (input == null || input.position() == null) {
            throw new BadInput("position", "is required");
        }
        if (input.student() == null || input.student().isBlank()) {
            throw new BadInput("student", "is required (a student ref)");
        }
        return Response.status(Response.Status.CREATED).entity(placements.shortlist(input.position(), input.student(),
                input.note())).build();
    }

    @GET
    @Path("placements/{id}")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.RECRUITER})
    public PlacementService.PlacementView placement(@PathParam("id") long id) {
        return placements.placement(id);
    }

    @POST
    @Path("placements/{id}/stage")
    @RolesAllowed(Role.Names.RECRUITER)
    public PlacementService.PlacementView move(@PathParam("id") long id, StageInput input) {
        if (input == null) {
            throw new BadInput("stage", "is required");
        }
        return placements.move(id, input.stage(), input.note());
    }

    @GET
    @Path("placements/numbers")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.RECRUITER})
    public PlacementService.PipelineNumbers numbers() {
        return placements.numbers();
    }
}
