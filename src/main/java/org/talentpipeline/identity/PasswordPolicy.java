package org.talentpipeline.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.talentpipeline.platform.ApiError.FieldProblem;

/**
 * What a new password must be (NIST SP 800-63B, 5.1.1.2): at least 12 characters, at most 200, not
 * among the 10,000 most common passwords, not containing the user name, and not one character
 * repeated. No rules on the kinds of characters: NIST advises against them. Checked wherever a
 * password is set.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    static final String COMMON_LIST = "/identity/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the shipped list of common passwords (identity/README.md says where it comes from). */
    public static PasswordPolicy standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final PasswordPolicy STANDARD = new PasswordPolicy(load());
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_LIST + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    words.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** The rules this password breaks, each naming the field; empty when it may be used. */
    public List<FieldProblem> problems(String field, String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null) {
            problems.add(new FieldProblem(field, "is required"));
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add(new FieldProblem(field, "must be at least " + MIN_LENGTH + " characters"));
        }
        if (length > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_LENGTH + " characters"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            problems.add(new FieldProblem(field, "is one of the 10,000 most common passwords"));
        }
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && lower.contains(name)) {
            problems.add(new FieldProblem(field, "must not contain the user name"));
        }
        if (length > 0 && password.codePoints().distinct().count() == 1) {
            problems.add(new FieldProblem(field, "must not be one character repeated"));
        }
        return problems;
    }
}
