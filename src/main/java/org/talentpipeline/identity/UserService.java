package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Conflict;
import org.talentpipeline.platform.DemoData;
import org.talentpipeline.platform.NotFound;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;
import org.talentpipeline.platform.Versions;

/**
 * Creates, lists, disables and enables users and sets their passwords (ADMIN); changes the signed-in
 * user's own password. Every password set here meets the {@link PasswordPolicy}, except the demo
 * users' shared one while the demo data is seeded. Disabling a user or changing a password deletes
 * their API tokens and raises their credential generation, which signs their page sessions out.
 */
@ApplicationScoped
@Transactional
public class UserService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Event<AccountEvent> accounts;

    @Inject
    Instance<Organisations> organisations;

    @Inject
    Clock clock;

    @Inject
    CurrentUser currentUser;

    @Inject
    Access access;

    @Inject
    Validator validator;

    @Inject
    ApiTokens tokens;

    /**
     * Creates a user. The input's constraints are checked here rather than by the interceptor, so
     * that one answer names every bad field, the password's rules among them.
     */
    public UserSummary create(@NotNull NewUser input) {
        if (!DemoData.isSeeding()) {
            requireAdmin();
        }
        return created(input);
    }

    /**
     * A student's own account (role STUDENT, no school or agency: the student record names the
     * account), made when the student activates an invitation; the student area has checked the
     * invitation's code, which is the authority here. The same rules as any new user's.
     */
    public UserSummary createStudentAccount(String username, String password) {
        return created(new NewUser(
                username == null ? null : username.trim().toLowerCase(Locale.ROOT),
                password,
                Set.of(Role.STUDENT),
                null,
                null));
    }

    /**
     * Removes an erased student's own account (STUDENT_ERASE), its tokens with it; nothing of it
     * remains to name them.
     */
    public void removeStudentAccount(Caller caller, String username) {
        Operation.STUDENT_ERASE.grant(caller);
        User user = findByUsername(username);
        if (user != null && user.getRoles().equals(Set.of(Role.STUDENT))) {
            tokens.revokeAll(user);
            em.remove(user);
        }
    }

    private UserSummary created(NewUser input) {
        List<FieldProblem> malformed =
                validator.validate(input).stream().map(FieldProblem::of).toList();
        if (!malformed.isEmpty()) {
            List<FieldProblem> all = new ArrayList<>(malformed);
            if (input.password() != null
                    && malformed.stream().noneMatch(p -> p.field().equals("password"))) {
                all.addAll(PasswordPolicy.standard()
                        .problems("password", String.valueOf(input.username()), input.password()));
            }
            throw new BadInput(all);
        }
        String username = input.username().toLowerCase(Locale.ROOT);
        String schoolCode = blankToNull(input.schoolCode());
        String agencyCode = blankToNull(input.agencyCode());
        List<FieldProblem> problems = new ArrayList<>();
        if (findByUsername(username) != null) {
            problems.add(new FieldProblem("username", "is already taken"));
        }
        problems.addAll(affiliationProblems(input.roles(), schoolCode, agencyCode));
        if (!(DemoData.isSeeding() && IdentityDemoData.PASSWORD.equals(input.password()))) {
            problems.addAll(PasswordPolicy.standard().problems("password", username, input.password()));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        User user = new User(
                username, passwords.hash(input.password()), input.roles(), schoolCode, agencyCode, Instant.now(clock));
        em.persist(user);
        em.flush();
        accounts.fire(AccountEvent.byCaller(
                AccountEvent.Kind.CREATE, "user:" + username, schoolCode, "roles " + input.roles()));
        return UserSummary.of(user);
    }

    /** ADMIN: signs the user out everywhere (pages and tokens) and refuses their sign-ins. */
    public UserSummary disable(String username) {
        requireAdmin();
        User user = require(username);
        if (user.getUsername().equals(currentUser.getUsername())) {
            throw new Conflict("you cannot disable yourself");
        }
        if (user.isEnabled()) {
            user.disable();
            int revoked = tokens.revokeAll(user);
            accounts.fire(AccountEvent.byCaller(
                    AccountEvent.Kind.ACCOUNT_DISABLED,
                    "user:" + user.getUsername(),
                    user.getSchoolCode(),
                    revoked + " tokens revoked"));
        }
        return UserSummary.of(user);
    }

    /** ADMIN: lets a disabled user sign in again (with the password they had). */
    public UserSummary enable(String username) {
        requireAdmin();
        User user = require(username);
        if (!user.isEnabled()) {
            user.enable();
            accounts.fire(AccountEvent.byCaller(
                    AccountEvent.Kind.ACCOUNT_ENABLED, "user:" + user.getUsername(), user.getSchoolCode(), null));
        }
        return UserSummary.of(user);
    }

    /** ADMIN: sets another user's password; their sessions and tokens stop working. */
    public UserSummary setPassword(String username, String password) {
        requireAdmin();
        User user = require(username);
        changePassword(user, password, "set by an administrator");
        return UserSummary.of(user);
    }

    /**
     * The signed-in user's new password, once their current one has been checked
     * ({@link AccountService#changeOwnPassword}). Returns the new credential generation, which the
     * page session that changed it keeps; every other session and every token stops working.
     */
    int changeOwnPassword(String password) {
        User user = require(currentUser.require().username());
        changePassword(user, password, "changed by the user");
        return user.getCredentialsGeneration();
    }

    /** The rules a new password for this user breaks, named {@code password}; checked before the current one is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldProblem> passwordProblems(String username, String password) {
        return PasswordPolicy.standard().problems("password", username, password);
    }

    private void changePassword(User user, String password, String how) {
        List<FieldProblem> problems = PasswordPolicy.standard().problems("password", user.getUsername(), password);
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        user.changePassword(passwords.hash(password));
        int revoked = tokens.revokeAll(user);
        accounts.fire(AccountEvent.byCaller(
                AccountEvent.Kind.PASSWORD_CHANGED,
                "user:" + user.getUsername(),
                user.getSchoolCode(),
                how + "; " + revoked + " tokens revoked"));
    }

    /** The user signing in, with their hash, whether enabled, and their credential generation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    User forSignIn(String username) {
        return findByUsername(username);
    }

    /** What a page session's request may do: nothing (signed out), only change the password, or anything its roles allow. */
    public enum SessionState {
        GONE,
        MUST_CHANGE_PASSWORD,
        STANDS
    }

    /**
     * Whether a page session signed in under this credential generation still stands: the user is
     * enabled and has neither been disabled, reset, re-assigned nor changed their password since.
     * One indexed lookup, made on every request of a signed-in session, on whichever node serves it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionState sessionState(String username, int generation) {
        List<Object[]> rows = em.createNamedQuery("User.credentialsOf", Object[].class)
                .setParameter("username", username)
                .getResultList();
        if (rows.isEmpty()
                || !Boolean.TRUE.equals(rows.get(0)[0])
                || ((Number) rows.get(0)[1]).intValue() != generation) {
            return SessionState.GONE;
        }
        return Boolean.TRUE.equals(rows.get(0)[2]) ? SessionState.MUST_CHANGE_PASSWORD : SessionState.STANDS;
    }

    /** The signed-in user's own account (any role). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserSummary me() {
        return UserSummary.of(require(access.require(Operation.OWN_ACCOUNT).username()));
    }

    /** ADMIN: one user, with the version an edit must name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserSummary get(String username) {
        requireAdmin();
        return UserSummary.of(require(username));
    }

    /**
     * ADMIN: a user's roles, school, agency and whether enabled, from the version the edit started
     * from. A field left out (null) keeps its value; a blank school or agency removes it. A change of
     * roles or affiliation signs the user's page sessions out; disabling also revokes their tokens.
     */
    public UserSummary update(String username, UserEdit edit, long expectedVersion) {
        requireAdmin();
        User user = require(username);
        Versions.check(expectedVersion, user.getVersion(), "user " + user.getUsername());
        if (edit == null) {
            throw new BadInput("roles", "is required");
        }
        Set<Role> roles = edit.roles() == null ? user.getRoles() : edit.roles();
        String schoolCode = edit.schoolCode() == null ? user.getSchoolCode() : blankToNull(edit.schoolCode());
        String agencyCode = edit.agencyCode() == null ? user.getAgencyCode() : blankToNull(edit.agencyCode());
        List<FieldProblem> problems = new ArrayList<>(affiliationProblems(roles, schoolCode, agencyCode));
        if (roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "must name at least one role"));
        }
        boolean self = user.getUsername().equals(currentUser.getUsername());
        if (self && Boolean.FALSE.equals(edit.enabled())) {
            problems.add(new FieldProblem("enabled", "you cannot disable yourself"));
        }
        if (self && !roles.contains(Role.ADMIN)) {
            problems.add(new FieldProblem("roles", "you cannot take the ADMIN role from yourself"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        Set<Role> before = user.getRoles();
        String was = before + " " + user.getSchoolCode() + " " + user.getAgencyCode();
        user.assign(roles, schoolCode, agencyCode);
        String now = user.getRoles() + " " + user.getSchoolCode() + " " + user.getAgencyCode();
        if (!was.equals(now)) {
            accounts.fire(AccountEvent.byCaller(
                    AccountEvent.Kind.UPDATE, "user:" + user.getUsername(), user.getSchoolCode(), was + " -> " + now));
        }
        if (Boolean.FALSE.equals(edit.enabled())) {
            disable(user.getUsername());
        } else if (Boolean.TRUE.equals(edit.enabled())) {
            enable(user.getUsername());
        }
        em.flush();
        return UserSummary.of(user);
    }

    /**
     * ADMIN: a new random temporary password, shown once to the administrator, which the user must
     * replace at their next sign-in; their sessions and tokens stop working at once.
     */
    public PasswordReset resetPassword(String username) {
        requireAdmin();
        User user = require(username);
        String temporary = TemporaryPassword.generate();
        user.resetPassword(passwords.hash(temporary));
        int revoked = tokens.revokeAll(user);
        accounts.fire(AccountEvent.byCaller(
                AccountEvent.Kind.PASSWORD_CHANGED,
                "user:" + user.getUsername(),
                user.getSchoolCode(),
                "reset by an administrator; " + revoked + " tokens revoked"));
        return new PasswordReset(user.getUsername(), temporary);
    }

    /** A user's edit (API {@code PUT /users/{username}}, the users page). */
    public record UserEdit(Set<Role> roles, String schoolCode, String agencyCode, Boolean enabled) {}

    /** The temporary password an administrator hands on; the user must replace it at sign-in. */
    public record PasswordReset(String username, String temporaryPassword) {}

    /** The first administrator, made at start-up on an empty database ({@link FirstAdmin}). */
    UserSummary createFirstAdmin(String password) {
        if (hasUsers()) {
            throw new Conflict("the database already has users");
        }
        List<FieldProblem> problems = PasswordPolicy.standard().problems("password", FirstAdmin.USERNAME, password);
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        User user = new User(
                FirstAdmin.USERNAME, passwords.hash(password), EnumSet.of(Role.ADMIN), null, null, Instant.now(clock));
        em.persist(user);
        em.flush();
        accounts.fire(new AccountEvent(
                FirstAdmin.USERNAME,
                AccountEvent.Kind.CREATE,
                "user:" + FirstAdmin.USERNAME,
                null,
                "first administrator",
                null));
        return UserSummary.of(user);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserSummary> list(PageRequest page) {
        requireAdmin();
        List<UserSummary> items = em.createNamedQuery("User.list", User.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultStream()
                .map(UserSummary::of)
                .toList();
        return new Page<>(items, em.createNamedQuery("User.count", Long.class).getSingleResult());
    }

    /** A user by name, for other areas' rules (a judge's role and affiliation). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserSummary> find(String username) {
        return Optional.ofNullable(
                        username == null ? null : findByUsername(username.trim().toLowerCase(Locale.ROOT)))
                .map(UserSummary::of);
    }

    /** The enabled users holding a role, by name (the reviewers an admin assigns from). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserSummary> withRole(Role role) {
        return em.createNamedQuery("User.findByRole", User.class)
                .setParameter("role", role)
                .getResultStream()
                .map(UserSummary::of)
                .toList();
    }

    /**
     * The accounts that act for an agency (those with an agency's code), each with its agency: who an
     * agency's reads in the audit log are by, for the privacy area's disclosure log and minors' report,
     * which have checked their own operations.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> agencyAccounts() {
        Map<String, String> agencies = new HashMap<>();
        em.createNamedQuery("User.agencyAccounts", Object[].class)
                .getResultStream()
                .forEach(r -> agencies.put((String) r[0], (String) r[1]));
        return agencies;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasUsers() {
        return em.createNamedQuery("User.count", Long.class).getSingleResult() > 0;
    }

    private void requireAdmin() {
        access.require(Operation.USER_ADMINISTRATION);
    }

    private User require(String username) {
        User user = username == null ? null : findByUsername(username.trim().toLowerCase(Locale.ROOT));
        if (user == null) {
            throw new NotFound("no user " + username);
        }
        return user;
    }

    private User findByUsername(String username) {
        return em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private List<FieldProblem> affiliationProblems(Set<Role> roles, String schoolCode, String agencyCode) {
        List<FieldProblem> problems = new ArrayList<>();
        if (roles.contains(Role.SCHOOL_ADMIN) && schoolCode == null) {
            problems.add(new FieldProblem("schoolCode", "is required for a SCHOOL_ADMIN"));
        }
        if (roles.contains(Role.RECRUITER) && agencyCode == null) {
            problems.add(new FieldProblem("agencyCode", "is required for a RECRUITER"));
        }
        if (schoolCode != null && !exists(Organisations.Kind.SCHOOL, schoolCode)) {
            problems.add(new FieldProblem("schoolCode", "no school has the code " + schoolCode));
        }
        if (agencyCode != null && !exists(Organisations.Kind.AGENCY, agencyCode)) {
            problems.add(new FieldProblem("agencyCode", "no agency has the code " + agencyCode));
        }
        return problems;
    }

    /** The codes of the schools or the agencies a user may belong to, for the users page's pick-lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> organisationCodes(Organisations.Kind kind) {
        access.require(Operation.USER_ADMINISTRATION);
        return organisations.stream()
                .filter(o -> o.kind() == kind)
                .flatMap(o -> o.codes().stream())
                .sorted()
                .toList();
    }

    private boolean exists(Organisations.Kind kind, String code) {
        return organisations.stream().filter(o -> o.kind() == kind).anyMatch(o -> o.exists(code));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
