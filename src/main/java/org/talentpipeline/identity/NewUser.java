package org.talentpipeline.identity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Set;

/** A user to create, as an admin enters it (form or {@code POST /api/v1/users}); the password rules: {@link PasswordPolicy}. */
public record NewUser(
        @NotNull(message = "is required")
        @Pattern(regexp = "[a-z0-9._-]{3,60}", message = "must be 3 to 60 lower-case letters, digits, '.', '_' or '-'")
        String username,
        @NotNull(message = "is required") String password,
        @NotEmpty(message = "must name at least one role") Set<Role> roles,
        String schoolCode,
        String agencyCode) {
}
