package org.talentpipeline.identity;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;

/** {@code GET/POST /api/v1/users}: USER_ADMINISTRATION (ADMIN). */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @GET
    @Performs(Operation.USER_ADMINISTRATION)
    public Page<UserSummary> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return users.list(Paging.of(page, size));
    }

    @POST
    @Performs(Operation.USER_ADMINISTRATION)
    public Response create(NewUser body) {
        return Response.status(Response.Status.CREATED).entity(users.create(body)).build();
    }
}
