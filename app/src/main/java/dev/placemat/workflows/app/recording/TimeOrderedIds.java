package dev.placemat.workflows.app.recording;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs whose first 48 bits are the time in milliseconds (the layout of RFC 9562's version 7): rows written one
 * after the other land next to each other in the primary-key index instead of on random pages.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {}

    public static UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
