package org.talentpipeline.identity;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.talentpipeline.platform.ApiError;

/** Too many passwords are being hashed at once: the request is refused rather than queued for long. */
public class ServerBusy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServerBusy() {
        super("the server is busy checking passwords: try again in a moment");
    }

    /** 503 with {@code Retry-After}. */
    @Provider
    public static class Mapper implements ExceptionMapper<ServerBusy> {
        @Override
        public Response toResponse(ServerBusy e) {
            return Response.fromResponse(ApiError.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                    .header("Retry-After", "1")
                    .build();
        }
    }
}
