package org.talentpipeline.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Failed sign-ins counted against one attempted user name or one client address, and the delay
 * they earn: none for the first few, then doubling from one second up to thirty. An attempt while
 * the delay runs is refused without looking at the password, and does not count, so the owner of
 * an account waits at most the current delay, however many wrong passwords a stranger sends. A
 * success clears the account's count; a count is forgotten an hour after its last failure.
 *
 * <p>Every attempt counts as a failure while it is checked (so that parallel guesses cannot all
 * pass before the first is counted) and is given back when it succeeds.
 */
@Entity
@Table(name = "sign_in_throttle")
@NamedQuery(
        name = "SignInThrottle.listDelayed",
        query = "select t from SignInThrottle t where t.lastFailureAt > :since"
                + " and ((t.key.kind = :account and t.failures > :accountFree)"
                + " or (t.key.kind = :address and t.failures > :addressFree))"
                + " order by t.lastFailureAt desc")
@NamedQuery(
        name = "SignInThrottle.countDelayed",
        query = "select count(t) from SignInThrottle t where t.lastFailureAt > :since"
                + " and ((t.key.kind = :account and t.failures > :accountFree)"
                + " or (t.key.kind = :address and t.failures > :addressFree))")
@NamedQuery(
        name = "SignInThrottle.deleteForgotten",
        query = "delete from SignInThrottle t where t.lastFailureAt <= :since")
public class SignInThrottle {

    /** What a count is kept for. An address may stand for a whole school behind one NAT, so it gets more. */
    public enum Kind {
        ACCOUNT(3),
        ADDRESS(10);

        private final int free;

        Kind(int free) {
            this.free = free;
        }

        /** Failures that earn no delay. */
        public int free() {
            return free;
        }

        /** The delay after this many failures in a row: none up to {@link #free()}, then 1, 2, 4, 8, 16, 30, 30... s. */
        public Duration delayAfter(int failures) {
            if (failures <= free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free - 1, 5);
            return Duration.ofSeconds(Math.min(1L << doublings, MAX_DELAY.toSeconds()));
        }
    }

    public static final Duration MAX_DELAY = Duration.ofSeconds(30);
    public static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
    /** The longest subject kept: no user name is longer than 60, no address than 45. */
    static final int SUBJECT_LENGTH = 100;

    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Enumerated(EnumType.STRING)
        private Kind kind;

        private String subject;

        protected Key() {}

        Key(Kind kind, String subject) {
            this.kind = kind;
            this.subject = subject;
        }

        String subject() {
            return subject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.kind == kind && k.subject.equals(subject);
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 31 + subject.hashCode();
        }
    }

    @EmbeddedId
    private Key key;

    private int failures;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected SignInThrottle() {}

    SignInThrottle(Kind kind, String subject, Instant now) {
        this.key = new Key(kind, subject);
        this.lastFailureAt = now;
        this.blockedUntil = now;
    }

    /** The subject as counted: user names ignore case and surrounding blanks; both are cut to the column. */
    static Key key(Kind kind, String subject) {
        String s = subject == null ? "" : subject.trim();
        if (kind == Kind.ACCOUNT) {
            s = s.toLowerCase(Locale.ROOT);
        }
        return new Key(kind, s.length() > SUBJECT_LENGTH ? s.substring(0, SUBJECT_LENGTH) : s);
    }

    public boolean isBlockedAt(Instant now) {
        return now.isBefore(blockedUntil);
    }

    /** How long an attempt now has to wait; zero when it may go ahead. */
    public Duration waitAt(Instant now) {
        return isBlockedAt(now) ? Duration.between(now, blockedUntil) : Duration.ZERO;
    }

    /**
     * Counts an attempt that goes ahead now as failed until it proves otherwise. Its delay runs from
     * {@code answeredBy}, when the failure will at the earliest be answered.
     */
    void attempt(Instant now, Instant answeredBy) {
        if (!now.isBefore(lastFailureAt.plus(FORGOTTEN_AFTER))) {
            failures = 0;
        }
        failures++;
        lastFailureAt = now;
        answered(answeredBy);
    }

    /** The attempt has failed and is answered now: its delay runs from here. */
    void answered(Instant at) {
        Instant until = at.plus(key.kind.delayAfter(failures));
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    /** Gives back an attempt that was counted but succeeded or was never checked, and lifts its delay. */
    void giveBack(Instant now) {
        failures = Math.max(0, failures - 1);
        if (blockedUntil.isAfter(now)) {
            blockedUntil = now;
        }
    }

    public Kind getKind() {
        return key.kind;
    }

    public String getSubject() {
        return key.subject;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getLastFailureAt() {
        return lastFailureAt;
    }

    public Instant getBlockedUntil() {
        return blockedUntil;
    }
}
