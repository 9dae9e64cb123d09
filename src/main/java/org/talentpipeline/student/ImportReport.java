package org.talentpipeline.student;

import java.util.List;

/**
 * What an import did: how many students it created and updated, or, when any row was bad, every
 * bad row with its line, column and reason (then nothing was stored). {@code errorCount} counts
 * them all; {@code errors} lists the first {@link #MAX_LISTED}.
 */
public record ImportReport(int created, int updated, int errorCount, List<RowError> errors) {

    public static final int MAX_LISTED = 10_000;

    /** One bad cell or row: the line in the file (the header is line 1), the column, the reason. */
    public record RowError(int line, String column, String message) {}

    public boolean succeeded() {
        return errorCount == 0;
    }
}
