package org.talentpipeline.school;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;
import org.talentpipeline.platform.Versions;

/**
 * {@code /api/v1/schools}: anyone signed in reads; ADMIN creates and edits. A school is sent with its
 * version as {@code ETag}; a {@code PUT} names the version it started from in {@code If-Match}.
 */
@Path("schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchoolResource {

    @Inject
    SchoolService schools;

    @GET
    @Performs(Operation.SCHOOL_READ)
    public Page<SchoolView> list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return schools.list(Paging.of(page, size));
    }

    @GET
    @Path("{code}")
    @Performs(Operation.SCHOOL_READ)
    public Response get(@PathParam("code") String code) {
        SchoolView school = schools.get(code);
        return Versions.tagged(school, school.version());
    }

    @POST
    @Performs(Operation.SCHOOL_WRITE)
    public Response create(SchoolInput input) {
        SchoolView school = schools.create(input);
        return Versions.tagged(Response.Status.CREATED, school, school.version());
    }

    /** 428 without {@code If-Match}, 412 when the school has changed since that version. */
    @PUT
    @Path("{code}")
    @Performs(Operation.SCHOOL_WRITE)
    public Response update(@PathParam("code") String code, @Context HttpHeaders headers, SchoolInput input) {
        // the code is in the path; a body may leave it out
        SchoolInput withCode = input == null || input.code() != null
                ? input
                : new SchoolInput(code, input.name(), input.localName(), input.region(), input.city(), input.type());
        SchoolView school = schools.update(code, Versions.ifMatch(headers, "school " + code), withCode);
        return Versions.tagged(school, school.version());
    }

    @POST
    @Path("{code}/programs")
    @Performs(Operation.PROGRAM_WRITE)
    public Response addProgram(@PathParam("code") String code, ProgramInput input) {
        return Response.status(Response.Status.CREATED)
                .entity(schools.addProgram(code, input))
                .build();
    }

    /** The agencies the school approves: a JSON list of agency codes, with the school's version as ETag. */
    @GET
    @Path("{code}/agencies")
    @Performs(Operation.AGENCY_APPROVAL)
    public Response approvedAgencies(@PathParam("code") String code) {
        SchoolService.ApprovedAgencies approved = schools.approvedAgencies(code);
        return Versions.tagged(approved.agencies(), approved.version());
    }

    /** Sets the approved agencies (a JSON list of codes); 428 without If-Match, 412 when stale. */
    @PUT
    @Path("{code}/agencies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.AGENCY_APPROVAL)
    public Response approveAgencies(@PathParam("code") String code, @Context HttpHeaders headers, JsonValue body) {
        // read as JSON of any shape, so that the school's tenancy is checked before the body's shape (400)
        List<String> agencies = body instanceof JsonArray array
                        && array.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.STRING)
                ? array.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : null;
        SchoolService.ApprovedAgencies approved =
                schools.approveAgencies(code, Versions.ifMatch(headers, "school " + code), agencies);
        return Versions.tagged(approved.agencies(), approved.version());
    }
}
