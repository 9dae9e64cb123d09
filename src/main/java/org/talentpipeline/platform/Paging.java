package org.talentpipeline.platform;

import java.util.ArrayList;
import java.util.List;

/** Reads the API's {@code page} and {@code size} query parameters, answering 400 when they are off. */
public final class Paging {

    private Paging() {}

    public static PageRequest of(int page, int size) {
        List<ApiError.FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new ApiError.FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            problems.add(new ApiError.FieldProblem("size", "must be between 1 and " + PageRequest.MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return new PageRequest(page, size);
    }
}
