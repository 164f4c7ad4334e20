package dev.placemat.workflows.connectors.notion;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Page creations whose outcome is unknown (a timeout, a 5xx, a dropped connection), by the step's idempotency key,
 * with the time of the first try: before the step tries again it looks for the page that try may have made.
 * Entries are forgotten once the outcome is known, and after a day at the latest.
 */
final class CreateAttempts {

    private static final Duration KEEP = Duration.ofDays(1);
    private static final int SWEEP_ABOVE = 1000;
    private static final Map<String, Instant> UNCERTAIN = new ConcurrentHashMap<>();

    private CreateAttempts() {}

    /** When an earlier try of this step began whose page may exist, or null when there was none. */
    static Instant uncertainSince(String key) {
        return UNCERTAIN.get(key);
    }

    /** Remembers a try whose outcome is unknown; the first try's time is kept. */
    static void uncertain(String key, Instant started) {
        if (UNCERTAIN.size() > SWEEP_ABOVE) {
            Instant oldest = Instant.now().minus(KEEP);
            UNCERTAIN.values().removeIf(at -> at.isBefore(oldest));
        }
        UNCERTAIN.putIfAbsent(key, started);
    }

    static void settled(String key) {
        UNCERTAIN.remove(key);
    }
}
