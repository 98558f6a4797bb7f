package dev.microcred.tlog.witness;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.note.NoteSignature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tlog-cosignature v1 read out of a note signature line: who, when, and the Ed25519 signature.
 *
 * @param name      the cosigner name
 * @param keyId     the cosigner key ID
 * @param timestamp the POSIX time of the cosignature, in seconds
 * @param signature the 64-byte Ed25519 signature
 */
public record Cosignature(String name, int keyId, long timestamp, Bytes signature) {
    /** Length of a {@code timestamped_signature} with Ed25519: 8 + 64 bytes. */
    public static final int LENGTH = 72;

    public Cosignature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
        if (timestamp < 0 || signature.length() != 64) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not an Ed25519 cosignature");
        }
    }

    /** Reads the timestamp and signature of a note signature; it must be 72 bytes with a timestamp below 2^63. */
    public static Cosignature from(NoteSignature line) {
        byte[] bytes = line.signature().toArray();
        if (bytes.length != LENGTH || timestampOf(bytes) < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not an Ed25519 cosignature: " + line.name());
        }
        byte[] signature = new byte[64];
        System.arraycopy(bytes, 8, signature, 0, 64);
        return new Cosignature(line.name(), line.keyId(), timestampOf(bytes), Bytes.of(signature));
    }

    /** Parses a witness's 200 response body: one or more note signature lines, each ending in a newline. */
    public static List<NoteSignature> parseLines(String body) {
        if (body.isEmpty() || !body.endsWith("\n")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "cosignature lines end with a newline");
        }
        List<NoteSignature> lines = new ArrayList<>();
        for (String line : body.substring(0, body.length() - 1).split("\n", -1)) {
            lines.add(NoteSignature.parseLine(line));
        }
        return lines;
    }

    static long timestampOf(byte[] timestamped) {
        long t = 0;
        for (int i = 0; i < 8; i++) {
            t = (t << 8) | (timestamped[i] & 0xff);
        }
        return t;
    }

    public Instant time() {
        return Instant.ofEpochSecond(timestamp);
    }
}
