package org.talentpipeline.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The body of every API error: {@code {"error": "...", "details": [...]}}. */
public record ApiError(String error, List<?> details) {

    public static Response response(Response.Status status, String error) {
        return response(status.getStatusCode(), error, List.of());
    }

    public static Response response(int status, String error, List<?> details) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(error, details))
                .build();
    }

    /** One problem with one field (or row) of the input. */
    public record FieldProblem(String field, String message) {

        /** The problem a Bean Validation violation describes, named by the last field of its path. */
        public static FieldProblem of(ConstraintViolation<?> violation) {
            String field = "";
            for (Path.Node node : violation.getPropertyPath()) {
                // method parameters show as create.arg0.email: keep the field, not the parameter
                if (node.getName() != null && !node.getName().matches("arg\\d+")) {
                    field = node.getName();
                }
            }
            return new FieldProblem(field, violation.getMessage());
        }
    }
}
