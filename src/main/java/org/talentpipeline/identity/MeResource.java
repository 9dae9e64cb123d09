package org.talentpipeline.identity;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.talentpipeline.platform.BadInput;

/**
 * {@code /api/v1/me}: the caller's own account (OWN_ACCOUNT, every role). These two routes, with
 * logout, are all a user whose password was reset may call until they choose a new one.
 */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    UserService users;

    @Inject
    AccountService accounts;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Preferences preferences;

    @Context
    HttpServletRequest request;

    public record PasswordChange(String currentPassword, String newPassword) {}

    @GET
    @Performs(Operation.OWN_ACCOUNT)
    public UserSummary me() {
        return users.me();
    }

    /** The caller's language and time zone, {@code {"language","timeZone"}} (null: not chosen). */
    @GET
    @Path("settings")
    @Performs(Operation.OWN_ACCOUNT)
    public Preferences.Settings settings() {
        return preferences.mine();
    }

    /** Keeps the caller's language ({@code en}, {@code zh-CN}) and time zone (an IANA name such as {@code Asia/Shanghai}). */
    @PUT
    @Path("settings")
    @Performs(Operation.OWN_ACCOUNT)
    public Preferences.Settings saveSettings(Preferences.Settings body) {
        return preferences.save(body);
    }

    /** Checks the current password and sets the new one; every token of the caller, this one too, stops working. */
    @POST
    @Path("password")
    @Performs(Operation.OWN_ACCOUNT)
    public Response changePassword(PasswordChange body) {
        if (body == null) {
            throw new BadInput("newPassword", "is required");
        }
        accounts.changeOwnPassword(
                body.currentPassword(), body.newPassword(), clientAddress.of(request), "newPassword");
        return Response.noContent().build();
    }
}
