package org.talentpipeline.identity;

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
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.Paging;
import org.talentpipeline.platform.Versions;

/**
 * {@code /api/v1/users}: USER_ADMINISTRATION (ADMIN) on every route. Users, disabling and enabling
 * them, setting their password, and the sign-in throttles.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    Throttles throttles;

    @Context
    HttpHeaders headers;

    public record PasswordBody(String password) {}

    @GET
    @Performs(Operation.USER_ADMINISTRATION)
    public Page<UserSummary> list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return users.list(Paging.of(page, size));
    }

    @POST
    @Performs(Operation.USER_ADMINISTRATION)
    public Response create(NewUser body) {
        return Response.status(Response.Status.CREATED)
                .entity(users.create(body))
                .build();
    }

    @POST
    @Path("{username}/disable")
    @Performs(Operation.USER_ADMINISTRATION)
    public UserSummary disable(@PathParam("username") String username) {
        return users.disable(username);
    }

    @POST
    @Path("{username}/enable")
    @Performs(Operation.USER_ADMINISTRATION)
    public UserSummary enable(@PathParam("username") String username) {
        return users.enable(username);
    }

    /** One user; its ETag is the version a {@code PUT} names in {@code If-Match}. */
    @GET
    @Path("{username}")
    @Performs(Operation.USER_ADMINISTRATION)
    public Response get(@PathParam("username") String username) {
        UserSummary user = users.get(username);
        return Versions.tagged(user, user.version());
    }

    /** Roles, school, agency, enabled (each optional: left out keeps its value); {@code If-Match} required. */
    @PUT
    @Path("{username}")
    @Performs(Operation.USER_ADMINISTRATION)
    public Response update(@PathParam("username") String username, UserService.UserEdit body) {
        UserSummary user = users.update(username, body, Versions.ifMatch(headers, "user " + username));
        return Versions.tagged(user, user.version());
    }

    /** A temporary password, in the answer only; the user must choose a new one at their next sign-in. */
    @POST
    @Path("{username}/password-reset")
    @Performs(Operation.USER_ADMINISTRATION)
    public UserService.PasswordReset resetPassword(@PathParam("username") String username) {
        return users.resetPassword(username);
    }

    @PUT
    @Path("{username}/password")
    @Performs(Operation.USER_ADMINISTRATION)
    public UserSummary setPassword(@PathParam("username") String username, PasswordBody body) {
        return users.setPassword(username, body == null ? null : body.password());
    }

    /** The user names and addresses whose failed sign-ins earn a delay now or did within the hour. */
    @GET
    @Path("throttled")
    @Performs(Operation.USER_ADMINISTRATION)
    public Page<ThrottleView> throttled(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return throttles.delayed(Paging.of(page, size));
    }

    @DELETE
    @Path("{username}/throttle")
    @Performs(Operation.USER_ADMINISTRATION)
    public Response clearAccount(@PathParam("username") String username) {
        return cleared(throttles.clear(SignInThrottle.Kind.ACCOUNT, username), "no failed sign-ins for " + username);
    }

    @DELETE
    @Path("throttled/addresses/{address}")
    @Performs(Operation.USER_ADMINISTRATION)
    public Response clearAddress(@PathParam("address") String address) {
        return cleared(throttles.clear(SignInThrottle.Kind.ADDRESS, address), "no failed sign-ins from " + address);
    }

    private static Response cleared(boolean cleared, String none) {
        if (!cleared) {
            throw new NotFound(none);
        }
        return Response.noContent().build();
    }
}
