package org.talentpipeline.identity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A user to create, as an admin enters it (form or {@code POST /api/v1/users}). The password's
 * rules ({@link PasswordPolicy}, its least length among them) are checked by the service with the
 * other fields' rules, in one answer; only the demo users' shared password, seeded before anyone
 * can sign in, is let through there.
 */
public record NewUser(
        @NotNull(message = "is required")
                @Pattern(
                        regexp = "[a-z0-9._-]{3,60}",
                        message = "must be 3 to 60 lower-case letters, digits, '.', '_' or '-'")
                String username,
        @NotNull(message = "is required")
                @Size(max = PasswordPolicy.MAX_LENGTH, message = "must be at most 200 characters")
                String password,
        @NotEmpty(message = "must name at least one role") Set<Role> roles,
        String schoolCode,
        String agencyCode) {}
