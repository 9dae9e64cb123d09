package org.talentpipeline.platform;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns exceptions into the API's JSON errors, never with a stack trace. */
public final class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    private ApiExceptionMappers() {
    }

    @Provider
    public static class Validation implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<ApiError.FieldProblem> problems = e.getConstraintViolations().stream()
                    .map(ApiError.FieldProblem::of)
                    .sorted(Comparator.comparing(ApiError.FieldProblem::field))
                    .toList();
            return ApiError.response(400, "invalid input", problems);
        }
    }

    @Provider
    public static class Bad implements ExceptionMapper<BadInput> {
        @Override
        public Response toResponse(BadInput e) {
            return ApiError.response(400, "invalid input", e.problems());
        }
    }

    @Provider
    public static class Missing implements ExceptionMapper<NotFound> {
        @Override
        public Response toResponse(NotFound e) {
            return ApiError.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    @Provider
    public static class Clash implements ExceptionMapper<Conflict> {
        @Override
        public Response toResponse(Conflict e) {
            return ApiError.response(Response.Status.CONFLICT, e.getMessage());
        }
    }

    @Provider
    public static class StaleWrite implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return ApiError.response(Response.Status.CONFLICT, "the record was changed by someone else; read it again");
        }
    }

    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return ApiError.response(400, "malformed JSON", List.of(String.valueOf(e.getMessage())));
        }
    }

    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return ApiError.response(400, "malformed request body", List.of(String.valueOf(e.getMessage())));
        }
    }

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String message = switch (status) {
                case 401 -> "sign in: send Authorization: Bearer <token>";
                case 403 -> "your role may not do this";
                case 404 -> "not found";
                default -> e.getMessage();
            };
            return ApiError.response(status, message, List.of());
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ConstraintViolationException cve) {
                return new Validation().toResponse(cve);
            }
            if (cause instanceof BadInput bad) {
                return new Bad().toResponse(bad);
            }
            LOG.log(Level.SEVERE, "API request failed", e);
            return ApiError.response(500, "internal error; the event was logged", List.of());
        }
    }
}
