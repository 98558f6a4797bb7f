package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet (draft-msporny-base58), as multibase {@code z} uses it. Stateless.
 */
public final class Base58 {
    private static final char[] ALPHABET =
            "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    /** 58^5, the largest power of 58 below 2^30: each long division by it yields five digits. */
    private static final long FIVE_DIGITS = 58L * 58 * 58 * 58 * 58;

    public static String encode(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        // the number as big-endian 32-bit limbs, divided by 58^5 per pass (not by 58 per byte)
        int limbs = (input.length + 3) / 4;
        int[] number = new int[limbs];
        int pad = limbs * 4 - input.length;
        for (int i = 0; i < input.length; i++) {
            int at = i + pad;
            number[at >>> 2] |= (input[i] & 0xFF) << (8 * (3 - (at & 3)));
        }
        char[] encoded = new char[input.length * 2 + 5];
        int out = encoded.length;
        int start = 0;
        while (start < limbs && number[start] == 0) {
            start++;
        }
        while (start < limbs) {
            long remainder = 0;
            for (int i = start; i < limbs; i++) {
                long current = (remainder << 32) | (number[i] & 0xFFFFFFFFL);
                number[i] = (int) (current / FIVE_DIGITS);
                remainder = current % FIVE_DIGITS;
            }
            while (start < limbs && number[start] == 0) {
                start++;
            }
            for (int k = 0; k < 5; k++) {
                encoded[--out] = ALPHABET[(int) (remainder % 58)];
                remainder /= 58;
            }
        }
        while (out < encoded.length && encoded[out] == ALPHABET[0]) {
            out++;
        }
        while (--zeros >= 0) {
            encoded[--out] = ALPHABET[0];
        }
        return new String(encoded, out, encoded.length - out);
    }

    public static byte[] decode(String input) {
        if (input.isEmpty()) {
            return new byte[0];
        }
        byte[] input58 = new byte[input.length()];
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new MicrocredException(Problem.MALFORMED_INPUT,
                        "invalid base58 character '" + c + "' at position " + i);
            }
            input58[i] = (byte) digit;
        }
        int zeros = 0;
        while (zeros < input58.length && input58[zeros] == 0) {
            zeros++;
        }
        byte[] decoded = new byte[input.length()];
        int out = decoded.length;
        for (int start = zeros; start < input58.length; ) {
            decoded[--out] = (byte) divmod(input58, start, 58, 256);
            if (input58[start] == 0) {
                start++;
            }
        }
        while (out < decoded.length && decoded[out] == 0) {
            out++;
        }
        return Arrays.copyOfRange(decoded, out - zeros, decoded.length);
    }

    private static int divmod(byte[] number, int first, int base, int divisor) {
        int remainder = 0;
        for (int i = first; i < number.length; i++) {
            int digit = number[i] & 0xFF;
            int temp = remainder * base + digit;
            number[i] = (byte) (temp / divisor);
            remainder = temp % divisor;
        }
        return remainder;
    }
}
