package dev.microcred.server.accounts;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Bounds failed sign-ins per key (an account's email, a client address): after {@code maxFailures} failures within
 * {@code window}, the key is refused until the window of its first failure has passed. In memory, per server node,
 * holding at most {@code maxKeys} keys (the least recently touched are forgotten first), so that a flood of distinct
 * keys cannot exhaust memory. Thread-safe.
 */
public final class LoginThrottle {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> failures;

    private record Failures(Instant first, int count) {
    }

    public LoginThrottle(int maxFailures, Duration window, int maxKeys, Clock clock) {
        if (maxFailures < 1 || maxKeys < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures, maxKeys and window must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** For accounts: five failures per 15 minutes, 10,000 keys. */
    public static LoginThrottle perAccount(Clock clock) {
        return new LoginThrottle(5, Duration.ofMinutes(15), 10_000, clock);
    }

    /** For client addresses, which many people may share: 100 failures per 15 minutes, 10,000 keys. */
    public static LoginThrottle perAddress(Clock clock) {
        return new LoginThrottle(100, Duration.ofMinutes(15), 10_000, clock);
    }

    /** @throws MicrocredException {@code TOO_MANY_REQUESTS} while {@code key} is blocked */
    public synchronized void check(String key) {
        Instant now = clock.instant();
        Failures f = failures.get(key);
        if (f != null && now.isBefore(f.first().plus(window)) && f.count() >= maxFailures) {
            throw new MicrocredException(Problem.TOO_MANY_REQUESTS, "too many failed sign-ins: try again in "
                    + (Duration.between(now, f.first().plus(window)).toMinutes() + 1)
                    + " minutes, or reset your password");
        }
    }

    public synchronized void failed(String key) {
        Instant now = clock.instant();
        Failures f = failures.get(key);
        failures.put(key, f == null || !now.isBefore(f.first().plus(window)) ? new Failures(now, 1)
                : new Failures(f.first(), f.count() + 1));
    }

    public synchronized void succeeded(String key) {
        failures.remove(key);
    }

    /** How many keys are remembered (at most {@code maxKeys}). */
    public synchronized int size() {
        return failures.size();
    }
}
