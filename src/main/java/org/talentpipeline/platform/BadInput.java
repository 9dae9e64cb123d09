package org.talentpipeline.platform;

import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input that breaks a rule: the constraints declared on an input record ({@link #check}), or a rule a
 * single field check cannot see (an unknown school, a duplicate key). The API answers it with 400 and
 * its problems; pages show them beside the fields.
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

    /**
     * The input record when it keeps the Bean Validation constraints declared on its fields; otherwise
     * its {@link #problems}. No input at all (an empty body) is the problem {@code missingField},
     * {@code missingMessage}.
     */
    public static <T extends Record> T check(Validator validator, T input, String missingField, String missingMessage) {
        if (input == null) {
            throw new BadInput(missingField, missingMessage);
        }
        List<ApiError.FieldProblem> problems = problems(validator, input);
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return input;
    }

    /**
     * The Bean Validation constraints an input record breaks, one problem a field (where a field breaks
     * two, the first by message), in the order of the record's fields.
     */
    public static List<ApiError.FieldProblem> problems(Validator validator, Record input) {
        Map<String, ApiError.FieldProblem> problems = new LinkedHashMap<>();
        validator.validate(input).stream()
                .map(ApiError.FieldProblem::of)
                .sorted(Comparator.comparing(ApiError.FieldProblem::field)
                        .thenComparing(ApiError.FieldProblem::message))
                .forEach(p -> problems.putIfAbsent(p.field(), p));
        List<String> fields = Arrays.stream(input.getClass().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        return problems.values().stream()
                .sorted(Comparator.comparingInt((ApiError.FieldProblem p) -> order(fields, p.field()))
                        .thenComparing(ApiError.FieldProblem::field))
                .toList();
    }

    /** A field's place among the record's; a nested one ({@code scores[0].value}) at its top field's. */
    private static int order(List<String> fields, String field) {
        int i = fields.indexOf(field.split("[.\\[]", 2)[0]);
        return i < 0 ? fields.size() : i;
    }
}
