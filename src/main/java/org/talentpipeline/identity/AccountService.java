package org.talentpipeline.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentpipeline.platform.ApiError.FieldProblem;
import org.talentpipeline.platform.BadInput;
import org.talentpipeline.platform.Metrics;

/**
 * Signs users in, for pages and API tokens alike. Every attempt, failed or not, is in the audit log.
 *
 * <p>Each attempt costs the same whatever its outcome: the user is looked up, one PBKDF2 hash is
 * computed (against a decoy when the name is unknown or the attempt is throttled, so nobody learns
 * the password of a throttled account by trying it), and every failure is answered no sooner than
 * {@code TP_SIGN_IN_FLOOR_MS} after it started hashing. No transaction is open while hashing or
 * waiting, so neither holds a row lock or a connection.
 */
@ApplicationScoped
public class AccountService {

    @Inject
    Access access;

    @Inject
    Passwords passwords;

    @Inject
    Throttles throttles;

    @Inject
    UserService users;

    @Inject
    Event<AccountEvent> accounts;

    @Inject
    ApiTokens tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = "TP_SIGN_IN_FLOOR_MS", defaultValue = "750")
    long floorMillis;

    public SignInResult signIn(String username, String password, String remoteAddr) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String address = ClientAddress.throttleKey(remoteAddr);
        Instant now = Instant.now(clock);
        long started = System.nanoTime();
        Instant answeredBy = now.plusMillis(floorMillis);
        Duration wait = admit(name, address, now, answeredBy);
        boolean throttled = !wait.isZero();
        User user = name.isEmpty() ? null : users.forSignIn(name);
        boolean matches;
        try {
            matches = passwords.verify(password, throttled || user == null ? null : user.getPasswordHash());
        } catch (ServerBusy e) {
            if (!throttled) {
                throttles.giveBack(name, address, Instant.now(clock));
            }
            accounts.fire(new AccountEvent(
                    actor(name), AccountEvent.Kind.SIGN_IN_FAILED, null, null, "server busy", remoteAddr));
            return SignInResult.of(SignInResult.Outcome.BUSY, 1);
        }
        if (matches && user.isEnabled()) {
            throttles.succeeded(name, address, Instant.now(clock));
            accounts.fire(
                    new AccountEvent(name, AccountEvent.Kind.SIGN_IN, name, user.getSchoolCode(), null, remoteAddr));
            return new SignInResult(
                    SignInResult.Outcome.SIGNED_IN, user.toCaller(), user.getCredentialsGeneration(), 0);
        }
        long deadline = started + floorMillis * 1_000_000;
        Instant answerAt = Instant.now(clock).plusNanos(Math.max(0, deadline - System.nanoTime()));
        if (throttled) {
            metrics.count("tp_sign_in_failures_total", "failed sign-ins by reason", "reason", "throttled");
            accounts.fire(new AccountEvent(
                    actor(name),
                    AccountEvent.Kind.SIGN_IN_THROTTLED,
                    user == null ? null : name,
                    null,
                    "retry after " + seconds(wait) + " s",
                    remoteAddr));
        } else {
            throttles.failed(name, address, answerAt);
            metrics.count(
                    "tp_sign_in_failures_total",
                    "failed sign-ins by reason",
                    "reason",
                    user == null ? "unknown_user" : user.isEnabled() ? "wrong_password" : "disabled_user");
            accounts.fire(new AccountEvent(
                    actor(name),
                    AccountEvent.Kind.SIGN_IN_FAILED,
                    user == null ? null : name,
                    user == null ? null : user.getSchoolCode(),
                    user == null ? "unknown user" : user.isEnabled() ? "wrong password" : "disabled user",
                    remoteAddr));
        }
        pauseUntil(deadline);
        return throttled
                ? SignInResult.of(SignInResult.Outcome.THROTTLED, seconds(wait))
                : SignInResult.of(SignInResult.Outcome.WRONG_CREDENTIALS, 0);
    }

    /** A token for these credentials; throws when the sign-in is throttled or the server is busy, empty when it fails. */
    public Optional<ApiTokens.IssuedToken> issueToken(String username, String password, String remoteAddr) {
        SignInResult result = signIn(username, password, remoteAddr);
        refuseUnchecked(result);
        return result.succeeded() ? Optional.of(tokens.issue(result.caller(), remoteAddr)) : Optional.empty();
    }

    /**
     * The signed-in user changes their password: the new one must meet the policy (400 naming
     * {@code password}) and the current one must be right (400 naming {@code currentPassword}),
     * checked like a sign-in, throttle included. Returns the new credential generation.
     */
    public int changeOwnPassword(String currentPassword, String newPassword, String remoteAddr) {
        return changeOwnPassword(currentPassword, newPassword, remoteAddr, "password");
    }

    /** The same, naming the new password's field as the caller's form or body does. */
    public int changeOwnPassword(String currentPassword, String newPassword, String remoteAddr, String field) {
        String username = access.require(Operation.OWN_ACCOUNT).username();
        List<FieldProblem> problems = users.passwordProblems(username, newPassword).stream()
                .map(p -> new FieldProblem(field, p.message()))
                .toList();
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        SignInResult check = signIn(username, currentPassword == null ? "" : currentPassword, remoteAddr);
        refuseUnchecked(check);
        if (!check.succeeded()) {
            throw new BadInput("currentPassword", "is not your current password");
        }
        return users.changeOwnPassword(newPassword);
    }

    private static void refuseUnchecked(SignInResult result) {
        if (result.outcome() == SignInResult.Outcome.THROTTLED) {
            throw new SignInThrottled(result.retryAfterSeconds());
        }
        if (result.outcome() == SignInResult.Outcome.BUSY) {
            throw new ServerBusy();
        }
    }

    /** Admits the attempt; the first failure of a name or address on two nodes at once may clash on its insert: once more. */
    private Duration admit(String name, String address, Instant now, Instant answeredBy) {
        try {
            return throttles.admit(name, address, now, answeredBy);
        } catch (RuntimeException clash) {
            return throttles.admit(name, address, now, answeredBy);
        }
    }

    /** Whole seconds to wait, rounded up: "try again in 1 s" rather than in 0. */
    static long seconds(Duration wait) {
        return wait.isZero() ? 0 : (wait.toMillis() + 999) / 1000;
    }

    private static void pauseUntil(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String actor(String attempted) {
        if (attempted.isEmpty()) {
            return "(blank)";
        }
        return attempted.length() > 60 ? attempted.substring(0, 60) : attempted;
    }
}
