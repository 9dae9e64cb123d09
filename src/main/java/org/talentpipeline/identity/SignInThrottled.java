package org.talentpipeline.identity;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.talentpipeline.platform.ApiError;

/**
 * Too many failed sign-ins for a user name or from an address: the attempt was refused without
 * its password being checked. The answer is the same whether or not the user exists.
 */
public class SignInThrottled extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public SignInThrottled(long retryAfterSeconds) {
        super("too many failed sign-ins: try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 429 with {@code Retry-After}. */
    @Provider
    public static class Mapper implements ExceptionMapper<SignInThrottled> {
        @Override
        public Response toResponse(SignInThrottled e) {
            return Response.fromResponse(ApiError.response(429, e.getMessage(), List.of()))
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .build();
        }
    }
}
