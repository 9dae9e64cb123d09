package org.talentpipeline.platform;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns exceptions into the API's JSON errors, never with a stack trace. */
public final class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class.getName());

    private ApiExceptionMappers() {}

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
    public static class Refused implements ExceptionMapper<Forbidden> {
        @Override
        public Response toResponse(Forbidden e) {
            return ApiError.response(Response.Status.FORBIDDEN, e.getMessage());
        }
    }

    @Provider
    public static class Anonymous implements ExceptionMapper<NotSignedIn> {
        @Override
        public Response toResponse(NotSignedIn e) {
            return Response.fromResponse(ApiError.response(
                            Response.Status.UNAUTHORIZED, "sign in: send Authorization: Bearer <token>"))
                    .header("WWW-Authenticate", "Bearer")
                    .build();
        }
    }

    @Provider
    public static class Stale implements ExceptionMapper<StaleVersion> {
        @Override
        public Response toResponse(StaleVersion e) {
            return ApiError.response(Response.Status.PRECONDITION_FAILED, e.getMessage());
        }
    }

    @Provider
    public static class Unversioned implements ExceptionMapper<VersionRequired> {
        @Override
        public Response toResponse(VersionRequired e) {
            return ApiError.response(428, e.getMessage(), List.of());
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
    public static class OverLimit implements ExceptionMapper<InputLimits.Exceeded> {
        @Override
        public Response toResponse(InputLimits.Exceeded e) {
            return e.response();
        }
    }

    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            if (InputLimits.Exceeded.in(e) != null) {
                return InputLimits.Exceeded.in(e).response();
            }
            ApiError error = unreadable(e);
            return ApiError.response(400, error.error(), error.details());
        }
    }

    /** A body read as a JSON value of any shape (jakarta.json) that is not JSON at all. */
    @Provider
    public static class UnparsableJson implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            if (InputLimits.Exceeded.in(e) != null) {
                return InputLimits.Exceeded.in(e).response();
            }
            ApiError error = unreadable(e);
            return ApiError.response(400, error.error(), error.details());
        }
    }

    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            if (InputLimits.Exceeded.in(e) != null) {
                return InputLimits.Exceeded.in(e).response();
            }
            ApiError error = unreadable(e);
            return ApiError.response(400, error.error(), error.details());
        }
    }

    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

    /** An unknown enum value: named with the values allowed (the field is the property, else the type's name). */
    private static ApiError.FieldProblem enumProblem(String field, String type, String value) {
        String allowed = "";
        String name = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
        // a nested enum is named with dots; its binary name has '$' in their place, from the right
        String binary = type;
        for (int attempt = 0; attempt < 3 && allowed.isEmpty(); attempt++) {
            try {
                Object[] constants = Class.forName(binary, false, ApiExceptionMappers.class.getClassLoader())
                        .getEnumConstants();
                allowed = Arrays.stream(constants).map(String::valueOf).collect(Collectors.joining(", "));
            } catch (ClassNotFoundException e) {
                int dot = binary.lastIndexOf('.');
                if (dot < 0) {
                    break;
                }
                binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
            }
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String key = field != null ? field : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        return new ApiError.FieldProblem(
                key, "'" + value + "' is not " + (allowed.isEmpty() ? "allowed" : "one of " + allowed));
    }

    /**
     * A body that cannot be read into the request's type. JSON-B names the property whose value it
     * could not read somewhere in the cause chain; the answer names that field and the reason.
     */
    static ApiError unreadable(Throwable e) {
        String field = null;
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            Matcher m = PROPERTY.matcher(message);
            if (field == null && m.find()) {
                field = m.group(1);
            }
            reason = message;
        }
        Matcher enumValue = reason == null
                ? null
                : Pattern.compile("No enum constant ([\\w.$]+)\\.(\\w+)").matcher(reason);
        if (enumValue != null && enumValue.find()) {
            return new ApiError("invalid input", List.of(enumProblem(field, enumValue.group(1), enumValue.group(2))));
        }
        if (field == null) {
            return new ApiError("malformed request body: not the JSON expected", List.of(String.valueOf(reason)));
        }
        String why = reason == null
                ? "cannot be read"
                : "cannot be read: "
                        + reason.replaceFirst("^.*because of: ", "").replaceFirst("(?s)\\. .*", "");
        return new ApiError("invalid input", List.of(new ApiError.FieldProblem(field, why)));
    }

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (InputLimits.Exceeded.in(e) != null) {
                return InputLimits.Exceeded.in(e).response();
            }
            int status = e.getResponse().getStatus();
            String message =
                    switch (status) {
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
            if (InputLimits.Exceeded.in(e) != null) {
                return InputLimits.Exceeded.in(e).response();
            }
            LOG.log(Level.SEVERE, "API request failed", e);
            return ApiError.response(500, "internal error; the event was logged", List.of());
        }
    }
}
