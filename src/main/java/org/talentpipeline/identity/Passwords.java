package org.talentpipeline.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2 password hashes (Jakarta Security's {@link Pbkdf2PasswordHash}) with the work factor
 * OWASP recommends for HMAC-SHA512. The stored form names its own algorithm and iterations, so
 * raising them later still verifies older hashes.
 *
 * <p>Each hash costs about half a second of one core, so at most {@code TP_HASH_PERMITS} run at
 * once (by default half the cores, at least one): a flood of sign-ins queues here and leaves the
 * other cores to everyone else. A hash that cannot start within {@code TP_HASH_WAIT_MS} is refused
 * with {@link ServerBusy}.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "TP_HASH_PERMITS", defaultValue = "0")
    int configuredPermits;

    @Inject
    @ConfigProperty(name = "TP_HASH_WAIT_MS", defaultValue = "5000")
    long waitMillis;

    private Semaphore permits;

    /** Verified when a user name is unknown or the attempt is throttled, so that every failure costs one hash. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        permits = new Semaphore(
                configuredPermits > 0
                        ? configuredPermits
                        : Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                true);
        decoy = hash.generate("decoy-password".toCharArray());
    }

    public String hash(String password) {
        return bounded(() -> hash.generate(password.toCharArray()));
    }

    /** Whether the password matches the stored hash; without one, the same work against a decoy, and false. */
    boolean verify(String password, String stored) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        if (stored == null) {
            bounded(() -> hash.verify(secret, decoy));
            return false;
        }
        return bounded(() -> hash.verify(secret, stored));
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerBusy();
        }
        if (!acquired) {
            throw new ServerBusy();
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
