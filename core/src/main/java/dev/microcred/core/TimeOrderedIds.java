package dev.microcred.core;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562 §5.7): a 48-bit Unix time in milliseconds, then 74 random bits. Ids made one after
 * another sort in the order they were made (to the millisecond; within one millisecond at random), so rows keyed by
 * them are appended to the end of a B-tree index instead of landing on a random page of it: the database writes
 * one page per batch of rows rather than one per row. The 74 random bits keep ids unguessable; the time they reveal
 * is the time the row was made. Thread-safe.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A fresh version 7 UUID for the current time. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A fresh version 7 UUID for {@code epochMillis}, its random bits from a {@link SecureRandom}. */
    static UUID at(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= 1L << 48) {
            throw new IllegalArgumentException("time out of the 48-bit range: " + epochMillis);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = epochMillis << 16 | 0x7000L | (random[0] & 0x0fL) << 8 | random[1] & 0xffL;
        long low = 0x8000_0000_0000_0000L | (random[2] & 0x3fL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xffL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
