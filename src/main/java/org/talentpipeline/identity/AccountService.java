package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.talentpipeline.audit.AuditAction;
import org.talentpipeline.audit.AuditLog;

/**
 * Signs users in, for pages and for API tokens alike, and keeps the lock-out count. Every attempt,
 * failed or not, is in the audit log. The user row is locked while it is counted, so that parallel
 * attempts on several servers cannot slip past the limit.
 */
@ApplicationScoped
@Transactional
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public SignInResult signIn(String username, String password, String remoteAddr) {
        Instant now = Instant.now(clock);
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        User user = name.isEmpty() ? null : em.createNamedQuery("User.findByUsername", User.class)
                .setParameter("username", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        String secret = password == null ? "" : password;
        if (user == null || !user.isEnabled()) {
            passwords.burnTime(secret);
            audit.record(actor(name), AuditAction.SIGN_IN_FAILED, null, null, "unknown or disabled user", remoteAddr);
            return new SignInResult(SignInResult.Outcome.WRONG_CREDENTIALS, null);
        }
        if (user.isLockedAt(now)) {
            audit.record(name, AuditAction.SIGN_IN_REFUSED_LOCKED, name, user.getSchoolCode(),
                    "locked until " + user.getLockedUntil(), remoteAddr);
            return new SignInResult(SignInResult.Outcome.LOCKED, null);
        }
        if (!passwords.matches(secret, user.getPasswordHash())) {
            boolean locked = user.signInFailed(now);
            audit.record(name, AuditAction.SIGN_IN_FAILED, name, user.getSchoolCode(), "wrong password", remoteAddr);
            if (locked) {
                audit.record(name, AuditAction.LOCKED_OUT, name, user.getSchoolCode(),
                        User.MAX_FAILED_SIGN_INS + " failed sign-ins; locked until " + user.getLockedUntil(), remoteAddr);
                return new SignInResult(SignInResult.Outcome.LOCKED, null);
            }
            return new SignInResult(SignInResult.Outcome.WRONG_CREDENTIALS, null);
        }
        user.signInSucceeded();
        audit.record(name, AuditAction.SIGN_IN, name, user.getSchoolCode(), null, remoteAddr);
        return new SignInResult(SignInResult.Outcome.SIGNED_IN, user.toCaller());
    }

    private static String actor(String attempted) {
        return attempted.isEmpty() ? "(blank)" : attempted;
    }
}
