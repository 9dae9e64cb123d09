package org.talentpipeline.competition;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for a skill category's name, wherever one comes in (an event's categories, a ranking's
 * {@code categories} and {@code category:<name>} columns, a solve log's {@code category}): 1 to 40
 * letters of any script, digits, spaces and {@code - _ . + / #}. Categories are one whatever their
 * case ({@code Web} is {@code web}) and are stored in lower case, the form the ratings, the
 * candidate search and the work-role fit compare.
 */
public final class CategoryName {

    /** The rule as a regular expression, for Bean Validation. */
    public static final String PATTERN = "[\\p{L}\\p{M}\\p{Nd} _\\-.+/#]{1,40}";

    /** What a wrong name is told. */
    public static final String RULE = "must be 1 to 40 letters, digits, spaces or - _ . + / #";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private CategoryName() {}

    /** Whether the name, trimmed, follows the rule. */
    public static boolean valid(String name) {
        return name != null && !name.isBlank() && VALID.matcher(name.strip()).matches();
    }

    /** The stored form: trimmed, in lower case. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The problem with a name, quoting it: {@code '</script>' must be 1 to 40 ...}. */
    public static String problem(String name) {
        String shown = name.length() > 60 ? name.substring(0, 60) + "..." : name;
        return "'" + shown + "' " + RULE;
    }
}
