package dev.microcred.credentials.status;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.security.SecureRandom;
import java.util.BitSet;
import java.util.Collection;
import java.util.Objects;

/**
 * Allocates status list indexes at random without collisions (W3C Bitstring Status List v1.0 §6.1 "Group
 * Privacy": indexes assigned in order would let a verifier learn issuance order and volume).
 *
 * <p>Thread-safe: {@link #allocate()} is synchronized. The allocator remembers what it handed out and what it
 * was told is taken ({@link #markUsed}); the issuer persists allocated indexes and seeds a new allocator with
 * them on restart.
 */
public final class StatusIndexAllocator {
    private static final int RANDOM_ATTEMPTS = 64;
    private final int length;
    private final SecureRandom random;
    private final BitSet used;
    private int usedCount;

    /** An allocator over {@code length} entries with nothing used yet. */
    public StatusIndexAllocator(int length, SecureRandom random) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        this.length = length;
        this.random = Objects.requireNonNull(random, "random");
        this.used = new BitSet(length);
    }

    /** An allocator over {@code length} entries, some of which are already in use. */
    public StatusIndexAllocator(int length, SecureRandom random, Collection<? extends Number> alreadyUsed) {
        this(length, random);
        alreadyUsed.forEach(i -> markUsed(i.longValue()));
    }

    /** Records that {@code index} is taken. */
    public synchronized void markUsed(long index) {
        if (index < 0 || index >= length) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "index " + index + " is outside the list of " + length + " entries");
        }
        if (!used.get((int) index)) {
            used.set((int) index);
            usedCount++;
        }
    }

    /**
     * A random index not handed out before.
     *
     * @throws MicrocredException {@code INVALID_REQUEST} when every index is taken (start a new list)
     */
    public synchronized long allocate() {
        if (usedCount >= length) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "status list is full (" + length + " entries): start a new list");
        }
        int index = -1;
        for (int attempt = 0; attempt < RANDOM_ATTEMPTS && index < 0; attempt++) {
            int candidate = random.nextInt(length);
            if (!used.get(candidate)) {
                index = candidate;
            }
        }
        if (index < 0) {
            // a nearly full list: take the first free index after a random start, wrapping around
            int start = random.nextInt(length);
            index = used.nextClearBit(start);
            if (index >= length) {
                index = used.nextClearBit(0);
            }
        }
        used.set(index);
        usedCount++;
        return index;
    }

    /** How many indexes are still free. */
    public synchronized int remaining() {
        return length - usedCount;
    }

    public int length() {
        return length;
    }
}
