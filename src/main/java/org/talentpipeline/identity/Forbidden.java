package org.talentpipeline.identity;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.talentpipeline.platform.ApiError;

/** A service refused its caller's role (403). */
public class Forbidden extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Forbidden() {
        super("your role may not do this");
    }

    @Provider
    public static class Mapper implements ExceptionMapper<Forbidden> {
        @Override
        public Response toResponse(Forbidden e) {
            return ApiError.response(Response.Status.FORBIDDEN, e.getMessage());
        }
    }
}
