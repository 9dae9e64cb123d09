package org.talentpipeline.identity;

import java.util.Collection;
import java.util.Set;

/**
 * The facts about one record that the tenancy rules read: its school, agency, assignees, its
 * student's consent and its owner. A service describes the record it is about to read or change;
 * the {@link Grant} decides. A fact left null is unknown, and a rule that needs it refuses.
 */
public record Tenant(String school, String agency, Set<String> assignees, Boolean consenting, String owner) {

    public static final Tenant NONE = new Tenant(null, null, null, null, null);

    public static Tenant school(String code) {
        return NONE.withSchool(code);
    }

    public static Tenant agency(String code) {
        return NONE.withAgency(code);
    }

    public static Tenant owner(String username) {
        return new Tenant(null, null, null, null, username);
    }

    public static Tenant assigned(Collection<String> usernames) {
        return NONE.withAssignees(usernames);
    }

    public Tenant withSchool(String code) {
        return new Tenant(code, agency, assignees, consenting, owner);
    }

    public Tenant withAgency(String code) {
        return new Tenant(school, code, assignees, consenting, owner);
    }

    public Tenant withAssignees(Collection<String> usernames) {
        return new Tenant(school, agency, Set.copyOf(usernames), consenting, owner);
    }

    public Tenant withConsent(boolean consents) {
        return new Tenant(school, agency, assignees, consents, owner);
    }
}
