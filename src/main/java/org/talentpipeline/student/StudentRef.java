package org.talentpipeline.student;

import java.util.Locale;
import java.util.Optional;

/**
 * A student's natural key as it travels, {@code SCHOOL/NUMBER}: the school's code, a slash, the
 * student's number at that school. Parsed and printed here alone (Cargo Tracker's
 * {@code TrackingId}); a school code may be written in any case, and is read in upper case.
 */
public record StudentRef(String schoolCode, String number) {

    private static final char SEPARATOR = '/';

    public StudentRef {
        if (schoolCode == null || schoolCode.isEmpty() || number == null) {
            throw new IllegalArgumentException("a student ref needs a school code and a number");
        }
    }

    /**
     * The ref written in {@code text}: everything before the first slash is the school's code (in
     * upper case), everything after it the number. Empty when {@code text} is no ref (no slash, or
     * nothing before it), such as a numeric id or a team's name.
     */
    public static Optional<StudentRef> parse(String text) {
        if (!isRef(text)) {
            return Optional.empty();
        }
        int slash = text.indexOf(SEPARATOR);
        return Optional.of(
                new StudentRef(text.substring(0, slash).toUpperCase(Locale.ROOT), text.substring(slash + 1)));
    }

    /** Whether {@code text} is written as a ref (a competitor that is not a team's name, a ref that is not an id). */
    public static boolean isRef(String text) {
        return text != null && text.indexOf(SEPARATOR) > 0;
    }

    /** {@code SCHOOL/NUMBER}. */
    public static String format(String schoolCode, String number) {
        return schoolCode + SEPARATOR + number;
    }

    @Override
    public String toString() {
        return format(schoolCode, number);
    }
}
