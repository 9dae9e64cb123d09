package org.talentpipeline.certification.rest;

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
import org.talentpipeline.certification.CertificationService;
import org.talentpipeline.certification.Programme;
import org.talentpipeline.identity.Role;

/**
 * The programme's settings: {@code /api/v1/certification/criteria} and {@code /cycles}, read by
 * those who take part and kept by ADMIN; {@code POST /certification/expiry} runs the daily expiry now.
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
    @RolesAllowed({Role.Names.ADMIN, Role.Names.SCHOOL_ADMIN, Role.Names.REVIEWER})
    public List<Programme.CriterionView> criteria() {
        return programme.criteria();
    }

    @POST
    @Path("criteria")
    @RolesAllowed(Role.Names.ADMIN)
    public Response createCriterion(Programme.CriterionInput input) {
        return Response.status(Response.Status.CREATED).entity(programme.createCriterion(input)).build();
    }

    @PUT
    @Path("criteria/{code}")
    @RolesAllowed(Role.Names.ADMIN)
    public Programme.CriterionView updateCriterion(@PathParam("code") String code, Programme.CriterionInput input) {
        return programme.updateCriterion(code, input);
    }

    @GET
    @Path("cycles")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.SCHOOL_ADMIN, Role.Names.REVIEWER})
    public List<Programme.CycleView> cycles() {
        return programme.cycles();
    }

    @POST
    @Path("cycles")
    @RolesAllowed(Role.Names.ADMIN)
    public Response createCycle(Programme.CycleInput input) {
        return Response.status(Response.Status.CREATED).entity(programme.createCycle(input)).build();
    }

    @PUT
    @Path("cycles/{code}")
    @RolesAllowed(Role.Names.ADMIN)
    public Programme.CycleView updateCycle(@PathParam("code") String code, Programme.CycleInput input) {
        return programme.updateCycle(code, input);
    }

    @POST
    @Path("expiry")
    @RolesAllowed(Role.Names.ADMIN)
    public Map<String, Integer> expire() {
        return Map.of("expired", certifications.expireEnded());
    }
}
