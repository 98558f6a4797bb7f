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
        int n = input.length();
        int[] digits = new int[n];
        for (int i = 0; i < n; i++) {
            char c = input.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new MicrocredException(Problem.MALFORMED_INPUT,
                        "invalid base58 character '" + c + "' at position " + i);
            }
            digits[i] = digit;
        }
        int zeros = 0;
        while (zeros < n && digits[zeros] == 0) {
            zeros++;
        }
        // the number as little-endian 32-bit limbs: times 58^k plus the next k (at most five) digits per pass
        // (not one divmod by 256 over every digit per output byte); log2(58) < 5.86 bits per digit
        int[] number = new int[((n - zeros) * 586 / 100 + 31) / 32 + 1];
        int used = 0;
        for (int i = zeros; i < n; ) {
            int take = Math.min(5, n - i);
            long multiplier = 1;
            long carry = 0;
            for (int k = 0; k < take; k++) {
                multiplier *= 58;
                carry = carry * 58 + digits[i++];
            }
            for (int j = 0; j < used; j++) {
                long current = (number[j] & 0xFFFFFFFFL) * multiplier + carry;
                number[j] = (int) current;
                carry = current >>> 32;
            }
            while (carry != 0) {
                number[used++] = (int) carry;
                carry >>>= 32;
            }
        }
        int significant = used * 4;
        while (significant > 0 && (number[(significant - 1) >>> 2] >>> (8 * ((significant - 1) & 3)) & 0xFF) == 0) {
            significant--;
        }
        byte[] decoded = new byte[zeros + significant];
        for (int i = 0; i < significant; i++) {
            decoded[decoded.length - 1 - i] = (byte) (number[i >>> 2] >>> (8 * (i & 3)));
        }
        return decoded;
    }
}
