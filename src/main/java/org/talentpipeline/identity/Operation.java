package org.talentpipeline.identity;

import static org.talentpipeline.identity.Role.ADMIN;
import static org.talentpipeline.identity.Role.EVALUATOR;
import static org.talentpipeline.identity.Role.RECRUITER;
import static org.talentpipeline.identity.Role.REVIEWER;
import static org.talentpipeline.identity.Role.SCHOOL_ADMIN;
import static org.talentpipeline.identity.Role.STUDENT;
import static org.talentpipeline.identity.Scope.ALL;
import static org.talentpipeline.identity.Scope.ASSIGNED;
import static org.talentpipeline.identity.Scope.CONSENTING;
import static org.talentpipeline.identity.Scope.OWN;
import static org.talentpipeline.identity.Scope.OWN_AGENCY;
import static org.talentpipeline.identity.Scope.OWN_SCHOOL;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.talentpipeline.platform.Forbidden;
import org.talentpipeline.platform.NotSignedIn;

/**
 * The access policy: every operation on data, the roles that may do it and how far each role
 * reaches (its {@link Scope}). Services ask it on every call, whatever face called them (page,
 * API, servlet, job); the API's role filter and {@code web.xml} are second walls built from the
 * same table, and {@code AccessPolicyIT} walks it. A role missing from an operation may not do it.
 */
public enum Operation {

    // identity
    USER_ADMINISTRATION(grant(ADMIN, ALL)),
    OWN_ACCOUNT(
            grant(ADMIN, OWN),
            grant(SCHOOL_ADMIN, OWN),
            grant(EVALUATOR, OWN),
            grant(REVIEWER, OWN),
            grant(RECRUITER, OWN),
            grant(STUDENT, OWN)),

    // school
    SCHOOL_READ(
            grant(ADMIN, ALL),
            grant(SCHOOL_ADMIN, ALL),
            grant(EVALUATOR, ALL),
            grant(REVIEWER, ALL),
            grant(RECRUITER, ALL)),
    SCHOOL_WRITE(grant(ADMIN, ALL)),
    PROGRAM_WRITE(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),

    // student
    STUDENT_READ(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL), grant(STUDENT, OWN)),
    STUDENT_WRITE(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),
    STUDENT_IMPORT(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),
    STUDENT_EXPORT(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),
    STUDENT_INVITE(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),
    AGENCY_APPROVAL(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),

    STUDENT_ERASE(grant(ADMIN, ALL)),

    // a student's own rights (OWN: the student record linked to the caller's account): their record,
    // report, disclosure log and data export; their consent
    OWN_RECORD(grant(STUDENT, OWN)),
    OWN_CONSENT(grant(STUDENT, OWN)),
    OWN_REQUEST(grant(STUDENT, OWN)),
    CORRECTION_DECIDE(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),
    APPEAL_REVIEW(grant(ADMIN, ALL)),
    RETENTION(grant(ADMIN, ALL)),
    MINORS_REPORT(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),

    // competition and evaluation
    EVENT_READ(
            grant(ADMIN, ALL),
            grant(SCHOOL_ADMIN, ALL),
            grant(EVALUATOR, ALL),
            grant(REVIEWER, ALL),
            grant(RECRUITER, ALL)),
    EVENT_WRITE(grant(ADMIN, ALL), grant(EVALUATOR, ALL)),
    RESULTS_READ(grant(ADMIN, ALL), grant(EVALUATOR, ALL)),
    RESULTS_WRITE(grant(ADMIN, ALL), grant(EVALUATOR, ALL)),
    JUDGING_READ(grant(ADMIN, ALL), grant(EVALUATOR, ALL)),
    JUDGING_MANAGE(grant(ADMIN, ALL), grant(EVALUATOR, ALL)),
    JUDGING_SCORE(grant(EVALUATOR, ASSIGNED)),

    // integrity: the cases the checks open on solve evidence, decided by an evaluator; the decisions
    // as the students concerned and their school read them
    INTEGRITY_READ(grant(ADMIN, ALL), grant(EVALUATOR, ALL)),
    INTEGRITY_DECIDE(grant(ADMIN, ALL), grant(EVALUATOR, ALL)),
    INTEGRITY_DECISIONS(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL), grant(STUDENT, OWN)),

    // scoring
    REPORT_READ(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL), grant(RECRUITER, CONSENTING), grant(STUDENT, OWN)),
    SCORING_ADMINISTRATION(grant(ADMIN, ALL)),
    SCHOOL_FIGURES(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),
    NATIONAL_FIGURES(grant(ADMIN, ALL)),

    // search
    CANDIDATE_SEARCH(grant(ADMIN, CONSENTING), grant(RECRUITER, CONSENTING)),
    CANDIDATE_EXPORT(grant(ADMIN, CONSENTING), grant(RECRUITER, CONSENTING)),
    SAVED_SEARCH(grant(RECRUITER, OWN)),

    // placement
    AGENCY_READ(grant(ADMIN, ALL), grant(RECRUITER, ALL)),
    AGENCY_WRITE(grant(ADMIN, ALL)),
    PLACEMENT_READ(grant(ADMIN, ALL), grant(RECRUITER, OWN_AGENCY)),
    PLACEMENT_WRITE(grant(RECRUITER, OWN_AGENCY)),

    // certification
    PROGRAMME_READ(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, ALL), grant(REVIEWER, ALL)),
    PROGRAMME_WRITE(grant(ADMIN, ALL)),
    APPLICATION_READ(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL), grant(REVIEWER, ASSIGNED)),
    APPLICATION_WRITE(grant(SCHOOL_ADMIN, OWN_SCHOOL)),
    APPLICATION_REVIEW(grant(REVIEWER, ASSIGNED)),
    APPLICATION_DECIDE(grant(ADMIN, ALL)),
    APPLICATION_ASSIGN(grant(ADMIN, ALL)),

    // audit
    AUDIT_READ(grant(ADMIN, ALL), grant(SCHOOL_ADMIN, OWN_SCHOOL)),

    // maintenance
    DATABASE_BACKUP(grant(ADMIN, ALL));

    private final Map<Role, Scope> grants;

    @SafeVarargs
    Operation(Map.Entry<Role, Scope>... grants) {
        Map<Role, Scope> map = new EnumMap<>(Role.class);
        for (Map.Entry<Role, Scope> g : grants) {
            map.put(g.getKey(), g.getValue());
        }
        this.grants = Collections.unmodifiableMap(map);
    }

    private static Map.Entry<Role, Scope> grant(Role role, Scope scope) {
        return Map.entry(role, scope);
    }

    /** The roles that may do this, each with its scope. */
    public Map<Role, Scope> grants() {
        return grants;
    }

    public boolean allows(Role role) {
        return grants.containsKey(role);
    }

    /**
     * What the caller may do: the scopes of all their roles that may do it (a role confined to a
     * school or agency the caller does not have grants nothing).
     *
     * @throws NotSignedIn without a caller
     * @throws Forbidden when none of the caller's roles may do this
     */
    public Grant grant(Caller caller) {
        if (caller == null) {
            throw new NotSignedIn();
        }
        return of(caller).orElseThrow(() -> new Forbidden("your role may not do this (" + name() + ")"));
    }

    /** The caller's grant, if any of their roles may do this. */
    public Optional<Grant> of(Caller caller) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (Role role : caller.roles()) {
            Scope scope = grants.get(role);
            if (scope == null
                    || (scope == OWN_SCHOOL && caller.schoolCode() == null)
                    || (scope == OWN_AGENCY && caller.agencyCode() == null)) {
                continue;
            }
            scopes.add(scope);
        }
        return scopes.isEmpty() ? Optional.empty() : Optional.of(new Grant(caller, this, scopes));
    }
}
