package org.talentpipeline.identity;

import java.time.Instant;
import java.util.Set;

/**
 * A user as lists and the API show it: never the password hash. {@code version} is the record's
 * version, the API's ETag for an edit.
 */
public record UserSummary(
        long id,
        String username,
        Set<Role> roles,
        String schoolCode,
        String agencyCode,
        boolean enabled,
        Instant createdAt,
        boolean mustChangePassword,
        int version) {

    static UserSummary of(User u) {
        return new UserSummary(
                u.getId(),
                u.getUsername(),
                u.getRoles(),
                u.getSchoolCode(),
                u.getAgencyCode(),
                u.isEnabled(),
                u.getCreatedAt(),
                u.isMustChangePassword(),
                u.getVersion());
    }
}
