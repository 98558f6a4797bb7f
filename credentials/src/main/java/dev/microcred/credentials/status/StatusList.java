package dev.microcred.credentials.status;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A Bitstring Status List (W3C Bitstring Status List v1.0 §2.1): a string of bits, index 0 being the left-most
 * (most significant) bit of the first byte, published GZIP-compressed as multibase base64url ({@code u...}).
 *
 * <p>Immutable and thread-safe: {@link #with(long, boolean)} returns a new list. Lists made here have at least
 * {@link #MIN_BITS} bits (§3.1 "the uncompressed bitstring MUST be at least 16KB in size"); lists read with
 * {@link #decode(String)} may be shorter (some issuers publish shorter lists) and say so through
 * {@link #meetsMinimumLength()}.
 *
 * @see <a href="https://www.w3.org/TR/vc-bitstring-status-list/#bitstring-encoding">§3.1 Bitstring Encoding</a>
 */
public final class StatusList {
    /** The smallest list the specification allows: 131,072 entries (16 KiB). */
    public static final int MIN_BITS = 131_072;
    /** The largest inflated list {@link #decode(String)} accepts: 16 MiB (134,217,728 entries). */
    public static final int MAX_DECODED_BYTES = 16 << 20;

    private final byte[] bits;

    private StatusList(byte[] bits) {
        this.bits = bits;
    }

    /** A list of {@code length} unset bits; {@code length} is a multiple of 8 and at least {@link #MIN_BITS}. */
    public static StatusList ofLength(int length) {
        if (length < MIN_BITS) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "a status list needs at least " + MIN_BITS + " entries, not " + length);
        }
        if (length % 8 != 0 || length / 8 > MAX_DECODED_BYTES) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "status list length must be a multiple of 8 and at most " + (MAX_DECODED_BYTES * 8L) + ": " + length);
        }
        return new StatusList(new byte[length / 8]);
    }

    /** A list of the minimum length ({@link #MIN_BITS}) with no bit set. */
    public static StatusList empty() {
        return ofLength(MIN_BITS);
    }

    /**
     * Decodes an {@code encodedList}: multibase base64url (the {@code u} prefix is tolerated when missing, as
     * StatusList2021 lists omit it; padding is tolerated), then GZIP.
     *
     * @throws MicrocredException {@code MALFORMED_INPUT} for bad base64, data that is not GZIP or an empty
     *     list; {@code TOO_LARGE} when the list inflates beyond {@link #MAX_DECODED_BYTES}
     */
    public static StatusList decode(String encodedList) {
        if (encodedList == null || encodedList.isEmpty()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "encodedList is empty");
        }
        // §3.2 Bitstring Expansion: 1. base64url-decode the multibase value (prefix "u")
        String text = encodedList.charAt(0) == 'u' ? encodedList.substring(1) : encodedList;
        while (text.endsWith("=")) {
            text = text.substring(0, text.length() - 1);
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "encodedList is not base64url: " + e.getMessage(), e);
        }
        // 2. expand the GZIP-compressed bitstring, refusing more than MAX_DECODED_BYTES
        byte[] bits = gunzip(compressed);
        if (bits.length == 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "encodedList holds an empty bitstring");
        }
        return new StatusList(bits);
    }

    private static byte[] gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(MAX_DECODED_BYTES, 1 << 16));
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > MAX_DECODED_BYTES) {
                    throw new MicrocredException(Problem.TOO_LARGE,
                            "status list inflates to more than " + MAX_DECODED_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (ZipException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "encodedList is not GZIP: " + e.getMessage(), e);
        } catch (java.io.EOFException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "encodedList is truncated GZIP", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The multibase {@code encodedList}: {@code u} + base64url without padding of the GZIP of the bitstring. */
    public String encode() {
        // §3.1 Bitstring Generation: 3. compress with GZIP, 4. base64url without padding, multibase "u"
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** The number of entries (bits). */
    public long length() {
        return bits.length * 8L;
    }

    /** Whether the list has the {@link #MIN_BITS} entries the specification requires. */
    public boolean meetsMinimumLength() {
        return length() >= MIN_BITS;
    }

    /** The bit at {@code index} (0 = most significant bit of the first byte). */
    public boolean get(long index) {
        checkIndex(index);
        return (bits[(int) (index >>> 3)] & (0x80 >>> (int) (index & 7))) != 0;
    }

    /**
     * The {@code size}-bit status value of entry {@code index} (bits {@code index*size} to
     * {@code index*size+size-1}, most significant first), for lists with {@code statusSize} > 1.
     */
    public int value(long index, int size) {
        if (size < 1 || size > 8) {
            throw new MicrocredException(Problem.UNSUPPORTED, "statusSize " + size + " is not supported (1 to 8)");
        }
        long first = index * size;
        if (index < 0 || first + size > length()) {
            throw outOfRange(index, length() / size);
        }
        int v = 0;
        for (int i = 0; i < size; i++) {
            v = (v << 1) | (get(first + i) ? 1 : 0);
        }
        return v;
    }

    /** A copy of this list with the bit at {@code index} set to {@code value}. */
    public StatusList with(long index, boolean value) {
        checkIndex(index);
        byte[] copy = bits.clone();
        apply(copy, index, value);
        return new StatusList(copy);
    }

    /** A copy of this list with every bit in {@code indexes} set to {@code value}. */
    public StatusList with(Collection<? extends Number> indexes, boolean value) {
        byte[] copy = bits.clone();
        for (Number i : indexes) {
            checkIndex(i.longValue());
            apply(copy, i.longValue(), value);
        }
        return new StatusList(copy);
    }

    /** How many bits are set. */
    public long countSet() {
        long n = 0;
        for (byte b : bits) {
            n += Integer.bitCount(b & 0xff);
        }
        return n;
    }

    private static void apply(byte[] target, long index, boolean value) {
        int mask = 0x80 >>> (int) (index & 7);
        int at = (int) (index >>> 3);
        target[at] = (byte) (value ? target[at] | mask : target[at] & ~mask);
    }

    private void checkIndex(long index) {
        if (index < 0 || index >= length()) {
            throw outOfRange(index, length());
        }
    }

    private static MicrocredException outOfRange(long index, long entries) {
        return new MicrocredException(Problem.MALFORMED_INPUT,
                "status list index " + index + " is outside the list of " + entries + " entries");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusList other && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "StatusList[" + length() + " entries, " + countSet() + " set]";
    }
}
