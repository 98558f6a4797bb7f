package dev.microcred.tlog.merkle;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.CanonicalBase64;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 value of the tree: a leaf hash, a node hash or a root. Exactly 32 bytes, compared by content.
 * Immutable and thread-safe.
 */
public final class Hash {
    /** The length of a SHA-256 hash in bytes. */
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();
    private final byte[] value;

    private Hash(byte[] value) {
        this.value = value;
    }

    /** Copies 32 bytes; any other length is malformed input. */
    public static Hash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a hash has 32 bytes, not " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    /** Copies the 32 bytes at {@code offset} of {@code bytes} (a tile, a buffer). */
    public static Hash of(byte[] bytes, int offset) {
        if (offset < 0 || offset + LENGTH > bytes.length) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "no 32-byte hash at offset " + offset);
        }
        return new Hash(Arrays.copyOfRange(bytes, offset, offset + LENGTH));
    }

    /** Takes ownership of a freshly computed digest; package-private so no caller can keep a reference. */
    static Hash wrap(byte[] digest) {
        return new Hash(digest);
    }

    /** Parses the standard base64 of 32 bytes, as checkpoints and proofs write hashes. */
    public static Hash parseBase64(String text) {
        byte[] bytes = CanonicalBase64.decode(text, "hash");
        if (bytes.length != LENGTH) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a hash has 32 bytes, not " + bytes.length);
        }
        return new Hash(bytes);
    }

    /** Parses 64 hexadecimal digits. */
    public static Hash parseHex(String text) {
        if (text.length() != 2 * LENGTH) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a hex hash has 64 digits, not " + text.length());
        }
        return of(Bytes.parseHex(text).toArray());
    }

    /** A copy of the 32 bytes. */
    public byte[] toArray() {
        return value.clone();
    }

    public Bytes bytes() {
        return Bytes.of(value);
    }

    /** Copies the 32 bytes into {@code target} at {@code offset} (building a tile without intermediate copies). */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(value, 0, target, offset, LENGTH);
    }

    /** Bytes shared with the hashing code of this package; never handed out. */
    byte[] raw() {
        return value;
    }

    public String base64() {
        return CanonicalBase64.encode(value);
    }

    public String hex() {
        return HEX.formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
