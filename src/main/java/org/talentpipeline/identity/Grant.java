package org.talentpipeline.identity;

import java.util.EnumSet;
import java.util.Set;
import org.talentpipeline.platform.NotFound;

/**
 * What the access policy gave one caller for one operation: the scopes of their roles. A service
 * asks it about each record it reads or changes; a record outside every scope is not found, as if
 * it did not exist.
 */
public record Grant(Caller caller, Operation operation, Set<Scope> scopes) {

    public Grant {
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
    }

    public boolean allows(Tenant tenant) {
        return scopes.stream().anyMatch(s -> s.allows(caller, tenant));
    }

    /** Passes when the record is within the grant; otherwise {@link NotFound} naming {@code what}. */
    public void check(Tenant tenant, String what) {
        if (!allows(tenant)) {
            throw new NotFound(what);
        }
    }

    public boolean reachesAll() {
        return scopes.contains(Scope.ALL);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /**
     * The school a list must keep to: null when the grant reaches every school, the caller's own
     * when it reaches only their school's records.
     *
     * @throws NotFound when the grant reaches no school's records as such
     */
    public String schoolFilter() {
        if (reachesAll()) {
            return null;
        }
        if (scopes.contains(Scope.OWN_SCHOOL)) {
            return caller.schoolCode();
        }
        throw new NotFound("school");
    }

    /** The agency a list must keep to, as {@link #schoolFilter()} for agencies. */
    public String agencyFilter() {
        if (reachesAll()) {
            return null;
        }
        if (scopes.contains(Scope.OWN_AGENCY)) {
            return caller.agencyCode();
        }
        throw new NotFound("agency");
    }

    public String username() {
        return caller.username();
    }
}
