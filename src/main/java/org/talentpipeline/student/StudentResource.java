package org.talentpipeline.student;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.talentpipeline.identity.Role;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;

/**
 * One student: {@code GET/PUT/DELETE /api/v1/students/{ref}} and consent. The ref is
 * {@code SCHOOL/NUMBER} (its slash URL-encoded or not) or the numeric id.
 */
@Path("students")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.SCHOOL_ADMIN})
public class StudentResource {

    @Inject
    StudentService students;

    /** The consent decision: {@code {"granted": true, "guardianConsent": false, "note": "..."}}. */
    public record ConsentInput(Boolean granted, Boolean guardianConsent, String note) {
    }

    /**
     * Students of every school the caller may see (ADMIN: all, unless {@code school} names one; a
     * SCHOOL_ADMIN: their own), with the same filters as a school's list.
     */
    @GET
    public Page<StudentRow> list(@QueryParam("school") String school, @QueryParam("name") String name,
            @QueryParam("graduationYear") Integer graduationYear, @QueryParam("sort") String sort,
            @QueryParam("desc") @DefaultValue("false") boolean descending, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("25") int size) {
        StudentQuery.Sort parsed = StudentQuery.Sort.parse(sort);
        return students.list(new StudentQuery(students.visibleSchool(school), name, null, null, graduationYear, null, parsed,
                descending), Paging.of(page, size));
    }

    @GET
    @Path("{ref: .+}/consent")
    public List<ConsentView> consentHistory(@PathParam("ref") String ref) {
        return students.consentHistory(ref);
    }

    @POST
    @Path("{ref: .+}/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    public StudentView consent(@PathParam("ref") String ref, ConsentInput input) {
        if (input == null || input.granted() == null) {
            throw new BadInput("granted", "is required: true to share, false to withdraw");
        }
        return students.recordConsent(ref, input.granted(), Boolean.TRUE.equals(input.guardianConsent()), input.note(),
                Consent.Source.API);
    }

    @GET
    @Path("{ref: .+}")
    public StudentView get(@PathParam("ref") String ref) {
        return students.get(ref);
    }

    @PUT
    @Path("{ref: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StudentView update(@PathParam("ref") String ref, StudentInput input) {
        return students.update(ref, input);
    }

    @DELETE
    @Path("{ref: .+}")
    public Response delete(@PathParam("ref") String ref) {
        students.delete(ref);
        return Response.noContent().build();
    }
}
