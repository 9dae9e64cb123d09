package org.talentpipeline.identity;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A user to create, as an admin enters it (form or {@code POST /api/v1/users}). The password's
 * length is checked here with the other fields, so that one answer names every field; its other
 * rules ({@link PasswordPolicy}) once the fields are well-formed.
 */
public record NewUser(
        @NotNull(message = "is required")
        @Pattern(regexp = "[a-z0-9._-]{3,60}", message = "must be 3 to 60 lower-case letters, digits, '.', '_' or '-'")
        String username,
        @NotNull(message = "is required")
        @Size(min = PasswordPolicy.MIN_LENGTH, message = "must be at least 12 characters")
        @Size(max = PasswordPolicy.MAX_LENGTH, message = "must be at most 200 characters")
        String password,
        @NotEmpty(message = "must name at least one role") Set<Role> roles,
        String schoolCode,
        String agencyCode) {
}
