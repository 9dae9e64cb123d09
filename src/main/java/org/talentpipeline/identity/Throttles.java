package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.talentpipeline.identity.SignInThrottle.Kind;
import org.talentpipeline.platform.Page;
import org.talentpipeline.platform.PageRequest;

/**
 * The sign-in throttles, kept in the database so that every node behind the load balancer counts
 * the same failures. Each method is one short transaction that locks the account's row, then the
 * address's (always in that order); no transaction is open while a password is hashed.
 */
@ApplicationScoped
@Transactional
public class Throttles {

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    Event<AccountEvent> accounts;

    @Inject
    Clock clock;

    /**
     * Lets an attempt go ahead, counting it as failed until {@link #succeeded} or
     * {@link #giveBack}, or says how long it must wait (then nothing is counted).
     */
    public Duration admit(String account, String address, Instant now, Instant answeredBy) {
        SignInThrottle byAccount = locked(Kind.ACCOUNT, account);
        SignInThrottle byAddress = locked(Kind.ADDRESS, address);
        Duration wait = longer(
                byAccount == null ? Duration.ZERO : byAccount.waitAt(now),
                byAddress == null ? Duration.ZERO : byAddress.waitAt(now));
        if (!wait.isZero()) {
            return wait;
        }
        count(byAccount, Kind.ACCOUNT, account, now, answeredBy);
        count(byAddress, Kind.ADDRESS, address, now, answeredBy);
        return Duration.ZERO;
    }

    /** The admitted attempt failed and is being answered now: its delays run from here. */
    public void failed(String account, String address, Instant answeredAt) {
        SignInThrottle byAccount = locked(Kind.ACCOUNT, account);
        SignInThrottle byAddress = locked(Kind.ADDRESS, address);
        if (byAccount != null) {
            byAccount.answered(answeredAt);
        }
        if (byAddress != null) {
            byAddress.answered(answeredAt);
        }
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            em.createNamedQuery("SignInThrottle.deleteForgotten")
                    .setParameter("since", answeredAt.minus(SignInThrottle.FORGOTTEN_AFTER))
                    .executeUpdate();
        }
    }

    /**
     * The admitted attempt succeeded: the account starts afresh; the address only gets this attempt
     * back, so that one good password cannot wipe an address's failures on other accounts.
     */
    public void succeeded(String account, String address, Instant now) {
        SignInThrottle byAccount = locked(Kind.ACCOUNT, account);
        SignInThrottle byAddress = locked(Kind.ADDRESS, address);
        if (byAccount != null) {
            em.remove(byAccount);
        }
        if (byAddress != null) {
            byAddress.giveBack(now);
        }
    }

    /** The admitted attempt was never checked (the server was busy): both counts get it back. */
    public void giveBack(String account, String address, Instant now) {
        SignInThrottle byAccount = locked(Kind.ACCOUNT, account);
        SignInThrottle byAddress = locked(Kind.ADDRESS, address);
        if (byAccount != null) {
            byAccount.giveBack(now);
        }
        if (byAddress != null) {
            byAddress.giveBack(now);
        }
    }

    /** ADMIN: the user names and addresses whose failures earn a delay, latest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ThrottleView> delayed(PageRequest page) {
        requireAdmin();
        Instant now = Instant.now(clock);
        Instant since = now.minus(SignInThrottle.FORGOTTEN_AFTER);
        var items = em.createNamedQuery("SignInThrottle.listDelayed", SignInThrottle.class)
                .setParameter("since", since)
                .setParameter("account", Kind.ACCOUNT)
                .setParameter("accountFree", Kind.ACCOUNT.free())
                .setParameter("address", Kind.ADDRESS)
                .setParameter("addressFree", Kind.ADDRESS.free())
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultStream()
                .map(t -> ThrottleView.of(t, now))
                .toList();
        long total = em.createNamedQuery("SignInThrottle.countDelayed", Long.class)
                .setParameter("since", since)
                .setParameter("account", Kind.ACCOUNT)
                .setParameter("accountFree", Kind.ACCOUNT.free())
                .setParameter("address", Kind.ADDRESS)
                .setParameter("addressFree", Kind.ADDRESS.free())
                .getSingleResult();
        return new Page<>(items, total);
    }

    /** ADMIN: forgets the failures counted against a user name or an address; false when there were none. */
    public boolean clear(Kind kind, String subject) {
        requireAdmin();
        SignInThrottle.Key key = SignInThrottle.key(kind, subject);
        SignInThrottle row = em.find(SignInThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return false;
        }
        em.remove(row);
        accounts.fire(AccountEvent.byCaller(
                AccountEvent.Kind.THROTTLE_CLEARED,
                (kind == Kind.ACCOUNT ? "user:" : "address:") + row.getSubject(),
                null,
                row.getFailures() + " failures"));
        return true;
    }

    private void requireAdmin() {
        access.require(Operation.USER_ADMINISTRATION);
    }

    private SignInThrottle locked(Kind kind, String subject) {
        return em.find(SignInThrottle.class, SignInThrottle.key(kind, subject), LockModeType.PESSIMISTIC_WRITE);
    }

    private void count(SignInThrottle row, Kind kind, String subject, Instant now, Instant answeredBy) {
        SignInThrottle counted = row;
        if (counted == null) {
            SignInThrottle.Key key = SignInThrottle.key(kind, subject);
            counted = new SignInThrottle(kind, key.subject(), now);
            em.persist(counted);
        }
        counted.attempt(now, answeredBy);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
