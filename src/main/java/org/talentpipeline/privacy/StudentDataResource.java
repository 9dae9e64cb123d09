package org.talentpipeline.privacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;

/**
 * {@code GET /api/v1/students/{ref}/export}: everything held about one student, produced by their
 * school (or ADMIN) for them, as {@code GET /api/v1/me/export} gives it to the student.
 */
@Path("students/{ref: .+}/export")
public class StudentDataResource {

    @Inject
    PersonalData data;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/zip"})
    @Performs(Operation.STUDENT_EXPORT)
    public Response export(@PathParam("ref") String ref, @QueryParam("format") String format) {
        return MeResource.answer(data.of(ref), format);
    }
}
