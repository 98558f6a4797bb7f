package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;

/**
 * Cost parameters of Argon2id (RFC 9106 §3.1) as a key file records them: memory in KiB ({@code m}),
 * passes ({@code t}) and lanes ({@code p}). The bounds keep a hostile key file from making the reader
 * allocate or compute without limit.
 */
public record Argon2idParameters(int memoryKib, int iterations, int parallelism) {
    /**
     * The default for new key files: m = 32768 KiB (32 MiB), t = 3, p = 1. Measured on the development
     * machine (2 cores shared by several concurrent builds, BouncyCastle's pure-Java Argon2): 0.15 to 0.3 s per
     * derivation in a warm JVM and about 0.4 s in a cold one when the machine is quiet, up to 0.8 s (warm) and
     * 3 s (cold) under a load average of 8. Stronger than the OWASP Password Storage Cheat Sheet minimum
     * (19 MiB, t = 2).
     */
    public static final Argon2idParameters DEFAULT = new Argon2idParameters(32_768, 3, 1);
    /** The most memory a key file may ask for: 1 GiB. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    /** The most passes a key file may ask for. */
    public static final int MAX_ITERATIONS = 16;
    /** The most lanes a key file may ask for. */
    public static final int MAX_PARALLELISM = 16;

    public Argon2idParameters {
        // RFC 9106 §3.1: p in 1..2^24-1, m at least 8*p KiB, t at least 1.
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "Argon2id parallelism must be 1.." + MAX_PARALLELISM);
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "Argon2id memory must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "Argon2id iterations must be 1.." + MAX_ITERATIONS);
        }
    }
}
