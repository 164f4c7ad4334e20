package dev.placemat.workflows.app.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing at the sign-in, per user and per address: after {@code maxFailures} failed sign-ins for one
 * key ({@code user:<name>} or {@code address:<client address>}) within {@code window}, a sign-in that concerns that
 * key is refused until its oldest failure leaves the window. A password sign-in concerns its user and its address, a
 * token sign-in its address. Counts are per node and in memory (docs/adr/0046-sign-in-with-a-token.md says why that
 * is enough). Settings: {@link SignInLimits}.
 */
@Component
public class LoginThrottle {

    private static final int MAX_KEYS = 10_000;

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    @Autowired
    public LoginThrottle(SignInLimits limits) {
        this(limits.maxFailures(), limits.window(), Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    public static String user(String username) {
        return "user:" + username;
    }

    public static String address(String address) {
        return "address:" + address;
    }

    /** Seconds until a sign-in concerning {@code keys} may be tried again; 0 when it may now. */
    public long retryAfterSeconds(Collection<String> keys) {
        return keys.stream().mapToLong(this::retryAfterSeconds).max().orElse(0);
    }

    public void failed(Collection<String> keys) {
        if (failures.size() >= MAX_KEYS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
        for (String key : keys) {
            Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(clock.millis());
                while (times.size() > maxFailures) {
                    times.removeFirst();
                }
            }
        }
    }

    /**
     * Forgets the failures of {@code key}: a user's after it signed in. An address's are kept, so that one account's
     * sign-in does not wipe out the guesses made from there at others.
     */
    public void forget(String key) {
        failures.remove(key);
    }

    private long retryAfterSeconds(String key) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times);
            if (times.size() < maxFailures) {
                return 0;
            }
            long until = times.peekFirst() + window.toMillis();
            return Math.max(1, (until - clock.millis() + 999) / 1000);
        }
    }

    private void prune(Deque<Long> times) {
        long oldest = clock.millis() - window.toMillis();
        while (!times.isEmpty() && times.peekFirst() <= oldest) {
            times.removeFirst();
        }
    }
}
