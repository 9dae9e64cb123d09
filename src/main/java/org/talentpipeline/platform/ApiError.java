package org.talentpipeline.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
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

        /**
         * The problem a Bean Validation violation describes, named by its property path without the
         * method and parameter: {@code create.arg1.email} is {@code email}, a nested one
         * {@code certifications[0].name}.
         */
        public static FieldProblem of(ConstraintViolation<?> violation) {
            StringBuilder path = new StringBuilder();
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.METHOD
                        || node.getKind() == ElementKind.PARAMETER
                        || node.getKind() == ElementKind.CONSTRUCTOR
                        || node.getKind() == ElementKind.RETURN_VALUE) {
                    continue;
                }
                if (node.getIndex() != null && path.length() > 0) {
                    path.append('[').append(node.getIndex()).append(']');
                }
                if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                    path.append(path.length() > 0 ? "." : "").append(node.getName());
                }
            }
            String field = path.toString();
            return new FieldProblem(field, violation.getMessage());
        }
    }
}
