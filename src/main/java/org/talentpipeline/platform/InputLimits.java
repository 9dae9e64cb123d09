package org.talentpipeline.platform;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * Every limit on what comes in, in one place: request bodies by kind of route, CSV lines, fields and
 * rows, result entries and JSON nesting. A request over a limit is refused with a JSON 413 (a body
 * too large) or 400 (anything else) that names the limit; the server never holds more than the
 * limit in memory. Each figure can be changed with a system property ({@code -Dtp.limit.json=4194304}).
 */
public final class InputLimits {

    /** {@code POST /api/v1/auth/token}: a user name and a password. */
    public static final long TOKEN_BYTES = configured("token", 4 * 1024);
    /** Any other JSON body: a student with certifications and skills, a rubric, a review. */
    public static final long JSON_BYTES = configured("json", 2 * 1024 * 1024);
    /**
     * Results of one event, JSON or CSV. Measured by LimitsBenchmark, 5,000 entrants weigh 0.6 MB as
     * a ranking with four categories, 1 MB with teams of four, 1.6 MB as CTFd's scoreboard and 9.2 MB
     * as a JSON solve log of 82,500 solves (15 each, 30 for the top tenth; 4.3 MB as CSV): the
     * limit leaves room for half as many solves again.
     */
    public static final long RESULTS_BYTES = configured("results", 16 * 1024 * 1024);
    /** A students CSV, streamed to a staging table: about 600,000 rows of 100 bytes. */
    public static final long CSV_BYTES = configured("csv", 64 * 1024 * 1024);
    /** A certification document: the 10 MB the documents take, and room for nothing else. */
    public static final long DOCUMENT_BYTES = configured("document", 10 * 1024 * 1024 + 1024);

    /** How deep JSON may nest: the deepest body the API takes is four levels. */
    public static final int JSON_DEPTH = (int) configured("json.depth", 32);
    /** The longest CSV record, in characters (quoted line breaks included). */
    public static final int CSV_LINE_CHARS = (int) configured("csv.line", 64 * 1024);
    /** The longest CSV field, in characters. */
    public static final int CSV_FIELD_CHARS = (int) configured("csv.field", 4 * 1024);
    /** The most rows one students CSV may hold. */
    public static final int IMPORT_ROWS = (int) configured("import.rows", 1_000_000);
    /** The most entries (standings, solves) one results post may hold. */
    public static final int RESULT_ENTRIES = (int) configured("result.entries", 200_000);

    /** The limits as pages show them ({@code f:importConstants}): {@code 64 MB}. */
    public static final String CSV_SIZE = size(CSV_BYTES);

    public static final String RESULTS_SIZE = size(RESULTS_BYTES);
    public static final String DOCUMENT_SIZE = size(DOCUMENT_BYTES);

    private InputLimits() {}

    private static long configured(String name, long fallback) {
        String value = System.getProperty("tp.limit." + name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A size for people: {@code 4 KB}, {@code 2 MB}, {@code 10.0 MB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return bytes % 1024 == 0 ? bytes / 1024 + " KB" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes % (1024 * 1024) == 0
                ? bytes / (1024 * 1024) + " MB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** A number for people: {@code 65,536}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Input over a limit. Thrown while a body is read (by {@link BoundedInput}), it may reach the API's
     * exception mappers wrapped by the JSON or CSV reader that was reading; they look for it first.
     */
    public static class Exceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;
        private final String detail;

        public Exceeded(int status, String error, String detail) {
            super(error);
            this.status = status;
            this.detail = detail;
        }

        /** A body over its route's limit: 413. */
        public static Exceeded body(long limit, String route) {
            return new Exceeded(
                    413,
                    "request body over " + size(limit),
                    "the body of " + route + " may be at most " + size(limit) + " (" + count(limit) + " bytes)");
        }

        /** JSON nested deeper than the limit: 400. */
        public static Exceeded depth(int limit) {
            return new Exceeded(
                    400,
                    "JSON nested deeper than " + limit + " levels",
                    "objects and arrays may nest at most " + limit + " levels deep");
        }

        public int status() {
            return status;
        }

        public String detail() {
            return detail;
        }

        public Response response() {
            return ApiError.response(status, getMessage(), List.of(detail));
        }

        /** This exception, or the first one like it among its causes; null when there is none. */
        public static Exceeded in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Exceeded exceeded) {
                    return exceeded;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return null;
        }
    }
}
