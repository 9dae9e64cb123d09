package org.talentpipeline.privacy;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.talentpipeline.identity.Operation;
import org.talentpipeline.identity.Performs;

/** {@code POST /api/v1/students/{ref}/erasure} {@code {"reason"}} (ADMIN): erases the student. */
@Path("students/{ref: .+}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ErasureResource {

    @Inject
    Erasure erasure;

    @POST
    @Performs(Operation.STUDENT_ERASE)
    public Erasure.Erased erase(@PathParam("ref") String ref, Erasure.ErasureInput input) {
        return erasure.erase(ref, input);
    }
}
