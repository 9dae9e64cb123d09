package org.talentpipeline.student;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * One student: {@code GET/PUT/DELETE /api/v1/students/{ref}} and consent. The ref is
 * {@code SCHOOL/NUMBER} (its slash URL-encoded or not) or the numeric id. A record is sent with its
 * version as {@code ETag}; a {@code PUT} names the version it started from in {@code If-Match}.
 */
@Path("students")
@Produces(MediaType.APPLICATION_JSON)
public class StudentResource {

    @Inject
    StudentService students;

    /**
     * Students of every school the caller may see (ADMIN: all, unless {@code school} names one; a
     * SCHOOL_ADMIN: their own), with the same filters as a school's list.
     */
    @GET
    @Performs(Operation.STUDENT_READ)
    public Page<StudentRow> list(
            @QueryParam("school") String school,
            @QueryParam("name") String name,
            @QueryParam("graduationYear") Integer graduationYear,
            @QueryParam("sort") String sort,
            @QueryParam("desc") @DefaultValue("false") boolean descending,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("25") int size) {
        StudentQuery.Sort parsed = StudentQuery.Sort.parse(sort);
        return students.list(
                new StudentQuery(school, name, null, null, graduationYear, null, parsed, descending),
                Paging.of(page, size));
    }

    @Inject
    StudentAccounts accounts;

    /** Invites the student to make their own account: {@code {"code","expiresAt"}}, the code shown this once. */
    @POST
    @Path("{ref: .+}/invitation")
    @Performs(Operation.STUDENT_INVITE)
    public Response invite(@PathParam("ref") String ref) {
        StudentAccounts.Issued issued = accounts.invite(ref);
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    @Path("{ref: .+}/consent")
    @Performs(Operation.STUDENT_READ)
    public List<ConsentView> consentHistory(@PathParam("ref") String ref) {
        return students.consentHistory(ref);
    }

    @POST
    @Path("{ref: .+}/consent")
    @Performs(Operation.STUDENT_WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    public StudentView consent(@PathParam("ref") String ref, StudentService.ConsentInput input) {
        return students.recordConsent(ref, input, Consent.Source.API);
    }

    @GET
    @Path("{ref: .+}")
    @Performs(Operation.STUDENT_READ)
    public Response get(@PathParam("ref") String ref) {
        StudentView student = students.get(ref);
        return Versions.tagged(student, student.version());
    }

    /** 428 without {@code If-Match}, 412 when the record has changed since that version. */
    @PUT
    @Path("{ref: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Performs(Operation.STUDENT_WRITE)
    public Response update(@PathParam("ref") String ref, @Context HttpHeaders headers, StudentInput input) {
        StudentView student = students.update(ref, Versions.ifMatch(headers, "student " + ref), input);
        return Versions.tagged(student, student.version());
    }

    @DELETE
    @Path("{ref: .+}")
    @Performs(Operation.STUDENT_WRITE)
    public Response delete(@PathParam("ref") String ref) {
        students.delete(ref);
        return Response.noContent().build();
    }
}
