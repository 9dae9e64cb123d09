package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.DemoData;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/**
 * Creates and lists users (USER_ADMINISTRATION: ADMIN), and answers other areas' services about a
 * user by name or role ({@link #find}, {@link #withRole}) inside an operation those services have
 * checked. The demo data's users are created while it is seeded, before anyone can sign in.
 */
@ApplicationScoped
@Transactional
public class UserService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @Inject
    Instance<Organisations> organisations;

    @Inject
    Clock clock;

    @Inject
    Access access;

    public UserSummary create(@NotNull @Valid NewUser input) {
        if (!DemoData.isSeeding()) {
            access.require(Operation.USER_ADMINISTRATION);
        }
        String username = input.username().toLowerCase(Locale.ROOT);
        String schoolCode = blankToNull(input.schoolCode());
        String agencyCode = blankToNull(input.agencyCode());
        List<FieldProblem> problems = new ArrayList<>();
        if (findByUsername(username) != null) {
            problems.add(new FieldProblem("username", "is already taken"));
        }
        if (input.roles().contains(Role.SCHOOL_ADMIN) && schoolCode == null) {
            problems.add(new FieldProblem("schoolCode", "is required for a SCHOOL_ADMIN"));
        }
        if (input.roles().contains(Role.RECRUITER) && agencyCode == null) {
            problems.add(new FieldProblem("agencyCode", "is required for a RECRUITER"));
        }
        if (schoolCode != null && !exists(Organisations.Kind.SCHOOL, schoolCode)) {
            problems.add(new FieldProblem("schoolCode", "no school has the code " + schoolCode));
        }
        if (agencyCode != null && !exists(Organisations.Kind.AGENCY, agencyCode)) {
            problems.add(new FieldProblem("agencyCode", "no agency has the code " + agencyCode));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        User user = new User(username, passwords.hash(input.password()), input.roles(), schoolCode, agencyCode,
                Instant.now(clock));
        em.persist(user);
        em.flush();
        audit.record(AuditAction.CREATE, "user:" + username, schoolCode, "roles " + input.roles());
        return UserSummary.of(user);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserSummary> list(PageRequest page) {
        access.require(Operation.USER_ADMINISTRATION);
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
    public java.util.Optional<UserSummary> find(String username) {
        return java.util.Optional.ofNullable(username == null ? null : findByUsername(username.trim().toLowerCase(Locale.ROOT)))
                .map(UserSummary::of);
    }

    /** The enabled users holding a role, by name (the reviewers an admin assigns from). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserSummary> withRole(Role role) {
        return em.createNamedQuery("User.findByRole", User.class).setParameter("role", role).getResultStream()
                .map(UserSummary::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasUsers() {
        return em.createNamedQuery("User.count", Long.class).getSingleResult() > 0;
    }

    private User findByUsername(String username) {
        return em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", username)
                .getResultStream().findFirst().orElse(null);
    }

    private boolean exists(Organisations.Kind kind, String code) {
        return organisations.stream().filter(o -> o.kind() == kind).anyMatch(o -> o.exists(code));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
