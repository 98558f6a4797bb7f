package dev.microcred.tlog.merkle;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every complete subtree hash of a log, held in memory as one growing byte array per level: a
 * {@link NodeSink} to give to {@link CompactRange#appendAll} and a {@link HashReader} for proofs. For tests,
 * benchmarks, tools and small embedded logs; at most 2^31/32 hashes per level.
 *
 * <p>Not thread-safe: confine it to one thread, or publish it safely once it is no longer written.
 */
public final class MemoryHashStore implements HashReader, NodeSink {
    private final List<byte[]> levels = new ArrayList<>();
    private final List<Integer> counts = new ArrayList<>();

    /** Stores hashes in order: at each level, {@code index} must be the next one. */
    @Override
    public void accept(int level, long index, Hash hash) {
        while (levels.size() <= level) {
            levels.add(new byte[Hash.LENGTH * 1024]);
            counts.add(0);
        }
        int count = counts.get(level);
        if (index != count) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "hash " + level + "/" + index + " out of order: next at that level is " + count);
        }
        byte[] buffer = levels.get(level);
        if ((long) (count + 1) * Hash.LENGTH > buffer.length) {
            long grown = Math.min((long) buffer.length * 2, Integer.MAX_VALUE - 64);
            if (grown < (long) (count + 1) * Hash.LENGTH) {
                throw new MicrocredException(Problem.TOO_LARGE, "level " + level + " is full");
            }
            buffer = Arrays.copyOf(buffer, (int) grown);
            levels.set(level, buffer);
        }
        hash.copyTo(buffer, count * Hash.LENGTH);
        counts.set(level, count + 1);
    }

    @Override
    public Hash hash(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= counts.get(level)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "no stored hash " + level + "/" + index);
        }
        return Hash.of(levels.get(level), (int) index * Hash.LENGTH);
    }

    /** How many hashes are stored at {@code level}. */
    public long count(int level) {
        return level < counts.size() ? counts.get(level) : 0;
    }
}
