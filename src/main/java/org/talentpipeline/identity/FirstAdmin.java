package org.talentpipeline.identity;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.Secrets;
import org.talentpipeline.platform.StartupStages;

/**
 * The first administrator of an empty database. At start-up, when no user exists (and the demo data
 * made none): with {@code TP_ADMIN_PASSWORD} set (environment or MicroProfile Config) the user
 * {@code admin} is made with that password, which must meet the {@link PasswordPolicy} (the start
 * fails otherwise); without it a random set-up secret is logged once, as a link to {@code /setup}
 * valid for an hour, where the first person to open it sets the admin password. Only the secret's
 * SHA-256 is stored, and every secret is deleted once the administrator exists.
 */
@Singleton
@Startup
@DependsOn("DemoData")
public class FirstAdmin {

    public static final String USERNAME = "admin";
    static final Duration LINK_LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "TP_ADMIN_PASSWORD")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "TP_PUBLIC_URL")
    Optional<String> publicUrl;

    @Inject
    UserService users;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void onStart() {
        long started = System.nanoTime();
        if (users.hasUsers()) {
            StartupStages.done("users present, no first administrator needed", started);
            return;
        }
        if (adminPassword.isPresent() && !adminPassword.get().isEmpty()) {
            List<FieldProblem> problems = users.passwordProblems(USERNAME, adminPassword.get());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("TP_ADMIN_PASSWORD is refused by the password policy: it "
                        + problems.stream().map(FieldProblem::message).collect(Collectors.joining("; it ")));
            }
            users.createFirstAdmin(adminPassword.get());
            StartupStages.done(
                    "first administrator: user admin created with the password of TP_ADMIN_PASSWORD", started);
            return;
        }
        String secret = Secrets.urlSafe(32);
        Instant expires = Instant.now(clock).plus(LINK_LIFETIME);
        em.createNamedQuery("SetupSecret.deleteExpired")
                .setParameter("now", Instant.now(clock))
                .executeUpdate();
        em.persist(new SetupSecret(Secrets.sha256(secret), expires));
        em.flush();
        String path = "/setup?key=" + secret;
        LOG.info(() -> "No user yet. Set the administrator's password, once, before " + expires + ", at "
                + publicUrl.map(u -> u.replaceAll("/+$", "")).orElse("http://<this server>") + path
                + " (or restart with TP_ADMIN_PASSWORD set)");
        StartupStages.done("first administrator: set-up link logged", started);
    }

    /** Whether this set-up secret may still be used. */
    public boolean valid(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 100) {
            return false;
        }
        SetupSecret stored = em.find(SetupSecret.class, Secrets.sha256(secret));
        return stored != null && stored.validAt(Instant.now(clock));
    }

    /**
     * The first person with a valid secret sets the admin password; every secret is then deleted, so
     * the link works once. Returns what is wrong (the link, field {@code key}, or the password's rules,
     * field {@code password}); empty when the administrator now exists. Container-managed: one claim
     * at a time on a node, and the user name's unique key settles two nodes.
     */
    public List<FieldProblem> claim(String secret, String password) {
        if (!valid(secret) || users.hasUsers()) {
            return List.of(new FieldProblem("key", "this set-up link is unknown, used or expired"));
        }
        List<FieldProblem> problems = users.passwordProblems(USERNAME, password);
        if (!problems.isEmpty()) {
            return problems;
        }
        users.createFirstAdmin(password);
        em.createNamedQuery("SetupSecret.deleteAll").executeUpdate();
        LOG.info("First administrator: user admin created through the set-up link");
        return List.of();
    }
}
