package dev.placemat.workflows.app.recording;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUIDs whose first 48 bits are the time in milliseconds (the layout of RFC 9562's version 7), followed by a 12-bit
 * counter within the millisecond: rows written one after the other land next to each other in the primary-key
 * index instead of on random pages, and ids made in this process sort in the order they were made (an execution's
 * attempts read back in the order they started).
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The last (millis << 12 | counter) handed out. */
    private static final AtomicLong LAST = new AtomicLong();

    private TimeOrderedIds() {}

    public static UUID next() {
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() << 12));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
