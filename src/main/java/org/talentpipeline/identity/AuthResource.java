package org.talentpipeline.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.talentpipeline.platform.ApiError;

/** {@code POST /api/v1/auth/token}: a bearer token for a user name and password. */
@Path("auth/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    ApiTokens tokens;

    @Context
    HttpServletRequest request;

    public record TokenRequest(String username, String password) {
    }

    @POST
    @PermitAll
    public Response token(TokenRequest body) {
        if (body == null || body.username() == null || body.password() == null) {
            return ApiError.response(400, "invalid input", List.of(
                    new ApiError.FieldProblem(body == null || body.username() == null ? "username" : "password", "is required")));
        }
        return tokens.issue(body.username(), body.password(), request.getRemoteAddr())
                .map(t -> Response.ok(t).build())
                // one answer for a wrong password, an unknown user and a locked account
                .orElseGet(() -> ApiError.response(Response.Status.UNAUTHORIZED,
                        "wrong user name or password, or the account is locked"));
    }
}
