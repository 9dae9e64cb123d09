package org.talentpipeline.school;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.talentpipeline.identity.Role;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;

/** {@code /api/v1/schools}: anyone signed in reads; ADMIN creates and edits. */
@Path("schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchoolResource {

    @Inject
    SchoolService schools;

    @GET
    public Page<SchoolView> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return schools.list(Paging.of(page, size));
    }

    @GET
    @Path("{code}")
    public SchoolView get(@PathParam("code") String code) {
        return schools.get(code);
    }

    @POST
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(SchoolInput input) {
        return Response.status(Response.Status.CREATED).entity(schools.create(input)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Role.Names.ADMIN)
    public SchoolView update(@PathParam("code") String code, SchoolInput input) {
        // the code is in the path; a body may leave it out
        SchoolInput withCode = input == null || input.code() != null ? input
                : new SchoolInput(code, input.name(), input.localName(), input.region(), input.city(), input.type());
        return schools.update(code, withCode);
    }

    @POST
    @Path("{code}/programs")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.SCHOOL_ADMIN})
    public Response addProgram(@PathParam("code") String code, ProgramInput input) {
        return Response.status(Response.Status.CREATED).entity(schools.addProgram(code, input)).build();
    }
}
