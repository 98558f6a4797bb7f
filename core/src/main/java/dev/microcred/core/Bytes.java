package dev.microcred.core;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value semantics, for records that must hold bytes (a record must never hold
 * a {@code byte[]}: its {@code equals} would compare identity). Thread-safe.
 */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of();
    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    /** Copies {@code value}. */
    public static Bytes of(byte[] value) {
        return new Bytes(value.clone());
    }

    /** Parses lower- or upper-case hexadecimal. */
    public static Bytes parseHex(String hex) {
        try {
            return new Bytes(HEX.parseHex(hex.trim()));
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not hexadecimal: " + e.getMessage(), e);
        }
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public byte get(int index) {
        return value[index];
    }

    public String hex() {
        return HEX.formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(value, other.value);
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
