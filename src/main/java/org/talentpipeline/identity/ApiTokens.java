package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;

/** Issues and checks the API's bearer tokens. Tokens live eight hours, a working day. */
@ApplicationScoped
@Transactional
public class ApiTokens {

    public static final Duration LIFETIME = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A token for these credentials, or empty when the sign-in fails (wrong, locked, unknown). */
    public Optional<IssuedToken> issue(String username, String password, String remoteAddr) {
        SignInResult result = accounts.signIn(username, password, remoteAddr);
        if (!result.succeeded()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now(clock);
        Instant expires = now.plus(LIFETIME);
        User user = em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", result.caller().username())
                .getSingleResult();
        em.persist(new ApiToken(sha256(token), user, now, expires));
        em.createNamedQuery("ApiToken.deleteExpired").setParameter("now", now).executeUpdate();
        audit.record(user.getUsername(), AuditAction.TOKEN_ISSUED, user.getUsername(), user.getSchoolCode(),
                "expires " + expires, remoteAddr);
        return Optional.of(new IssuedToken(token, expires));
    }

    /**
     * How long a checked token is believed without asking the database again (never past its
     * expiry): every API call checks its token, and the check cost two queries per call. Nothing
     * in the application disables a user or withdraws a token early, so nothing can go stale.
     */
    static final Duration KEPT = Duration.ofSeconds(60);

    private record Checked(Caller caller, Instant until) {
    }

    private final java.util.Map<String, Checked> checked = new java.util.concurrent.ConcurrentHashMap<>();

    /** The caller a token stands for, while it has not expired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> verify(String token) {
        String hash = sha256(token);
        Instant now = Instant.now(clock);
        Checked known = checked.get(hash);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.caller());
        }
        Optional<ApiToken> valid = em.createNamedQuery("ApiToken.findValidByHash", ApiToken.class)
                .setParameter("hash", hash)
                .setParameter("now", now)
                .getResultStream()
                .findFirst()
                .filter(t -> t.getUser().isEnabled());
        if (valid.isEmpty()) {
            checked.remove(hash);
            return Optional.empty();
        }
        Caller caller = valid.get().getUser().toCaller();
        if (checked.size() > 10_000) {
            checked.clear();
        }
        Instant until = now.plus(KEPT);
        checked.put(hash, new Checked(caller, until.isBefore(valid.get().getExpiresAt()) ? until : valid.get().getExpiresAt()));
        return Optional.of(caller);
    }

    static String sha256(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }
}
