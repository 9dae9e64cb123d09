package org.talentpipeline.identity;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is making a request: the user's name, roles and the school or agency they belong to. Kept in
 * the HTTP session after a form sign-in, rebuilt from the token for API calls.
 */
public record Caller(String username, Set<Role> roles, String schoolCode, String agencyCode) implements Serializable {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Set<String> groups() {
        return roles.stream().map(Role::name).collect(Collectors.toSet());
    }
}
