package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.talentpipeline.platform.Secrets;

/**
 * Issues, checks and revokes the API's bearer tokens. A token is 32 random bytes; the database
 * keeps its SHA-256. Every call checks its token with one indexed query (the token's unique hash,
 * its user, enabled, and their roles: {@link ApiTokenRows}) and nothing is cached, so a revoked token (logout, a disabled
 * user, a password change) is refused by every node from the next call on. Tokens live eight hours.
 */
@ApplicationScoped
@Transactional
public class ApiTokens {

    public static final Duration LIFETIME = Duration.ofHours(8);

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AccountEvent> accounts;

    @Inject
    Clock clock;

    @Inject
    ApiTokenRows rows;

    /** A new token for a caller who has just signed in. */
    public IssuedToken issue(Caller caller, String remoteAddr) {
        String token = Secrets.urlSafe(32);
        Instant now = Instant.now(clock);
        Instant expires = now.plus(LIFETIME);
        User user = em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", caller.username())
                .getSingleResult();
        em.persist(new ApiToken(Secrets.sha256(token), user, now, expires));
        em.createNamedQuery("ApiToken.deleteExpired").setParameter("now", now).executeUpdate();
        accounts.fire(new AccountEvent(
                user.getUsername(),
                AccountEvent.Kind.TOKEN_ISSUED,
                user.getUsername(),
                user.getSchoolCode(),
                "expires " + expires,
                remoteAddr));
        return new IssuedToken(token, expires);
    }

    /** The caller a token stands for, while it has not expired nor been revoked and its user is enabled. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Caller> verify(String token) {
        return check(token).map(Verified::caller);
    }

    /** The caller a token stands for, and whether they must change their password before anything else. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Verified> check(String token) {
        return rows.callerByHash(Secrets.sha256(token), Instant.now(clock));
    }

    /** Logout: this token stops working at once. */
    public void revoke(String token, String username, String remoteAddr) {
        int deleted = em.createNamedQuery("ApiToken.deleteByHash")
                .setParameter("hash", Secrets.sha256(token))
                .executeUpdate();
        if (deleted > 0) {
            accounts.fire(new AccountEvent(
                    username, AccountEvent.Kind.SIGN_OUT, username, null, "token revoked", remoteAddr));
        }
    }

    /** Every token of this user stops working (in the caller's transaction). */
    int revokeAll(User user) {
        return em.createNamedQuery("ApiToken.deleteByUser")
                .setParameter("user", user)
                .executeUpdate();
    }

    public record Verified(Caller caller, boolean mustChangePassword) {}

    public record IssuedToken(String token, Instant expiresAt) {}
}
