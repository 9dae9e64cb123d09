package org.talentpipeline.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.talentpipeline.platform.ApiError;
import org.talentpipeline.platform.BadInput;

/**
 * {@code POST /api/v1/auth/token}: a bearer token for a user name and password;
 * {@code POST /api/v1/auth/logout}: revokes the calling token;
 * {@code POST /api/v1/auth/password}: the caller's new password (revokes all their tokens).
 */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AccountService accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Validator validator;

    @Context
    HttpServletRequest request;

    public record TokenRequest(
            @NotNull(message = "is required") String username, @NotNull(message = "is required") String password) {}

    public record PasswordChange(String currentPassword, String password) {}

    @POST
    @Path("token")
    @PermitAll
    public Response token(TokenRequest body) {
        BadInput.check(validator, body, "username", "is required");
        return accounts.issueToken(body.username(), body.password(), clientAddress.of(request))
                .map(t -> Response.ok(t).build())
                // one answer for a wrong password, an unknown user and a disabled one
                .orElseGet(() -> ApiError.response(Response.Status.UNAUTHORIZED, "wrong user name or password"));
    }

    /** Any signed-in caller: the token of this request stops working. */
    @POST
    @Path("logout")
    @Performs(Operation.OWN_ACCOUNT)
    public Response logout() {
        String header = request.getHeader("Authorization");
        tokens.revoke(header.substring(7).trim(), currentUser.require().username(), clientAddress.of(request));
        return Response.noContent().build();
    }

    /** Any signed-in caller: checks the current password, sets the new one, revokes every token of the caller. */
    @POST
    @Path("password")
    @Performs(Operation.OWN_ACCOUNT)
    public Response changePassword(PasswordChange body) {
        if (body == null) {
            return ApiError.response(
                    400, "invalid input", List.of(new ApiError.FieldProblem("password", "is required")));
        }
        accounts.changeOwnPassword(body.currentPassword(), body.password(), clientAddress.of(request));
        return Response.noContent().build();
    }
}
