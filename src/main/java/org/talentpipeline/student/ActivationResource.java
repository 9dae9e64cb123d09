package org.talentpipeline.student;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/v1/auth/activate} {@code {"code","username","password"}}: a student makes their
 * own account from the invitation their school gave them. Open to anyone: the code is the authority.
 */
@Path("auth/activate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivationResource {

    @Inject
    StudentAccounts accounts;

    public record Activation(String code, String username, String password) {}

    @POST
    @PermitAll
    public Response activate(Activation body) {
        StudentAccounts.Activated made = body == null
                ? accounts.activate(null, null, null)
                : accounts.activate(body.code(), body.username(), body.password());
        return Response.status(Response.Status.CREATED).entity(made).build();
    }
}
