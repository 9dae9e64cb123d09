package org.talentpipeline.platform;

import java.util.List;

/**
 * Input that breaks a rule a single field check cannot see (an unknown school, a duplicate key).
 * The API answers it with 400 and its problems; pages show them beside the fields.
 */
public class BadInput extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<ApiError.FieldProblem> problems;

    public BadInput(String field, String message) {
        this(List.of(new ApiError.FieldProblem(field, message)));
    }

    public BadInput(List<ApiError.FieldProblem> problems) {
        super(
                problems.isEmpty()
                        ? "bad input"
                        : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<ApiError.FieldProblem> problems() {
        return problems;
    }
}
