package dev.microcred.credentials.jcs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 JSON Canonicalization Scheme over Jackson trees: object members sorted by the UTF-16 code units of their
 * names (§3.2.3), strings escaped as ECMAScript's {@code JSON.stringify} does (§3.2.2.2), numbers serialized as
 * IEEE 754 doubles with ECMAScript's {@code Number.prototype.toString} (§3.2.2.3), no whitespace. Stateless and
 * thread-safe.
 *
 * <p>Input outside the I-JSON domain (a lone surrogate, a number beyond the double range) is
 * {@link Problem#MALFORMED_INPUT}.
 */
public final class JsonCanonicalizer {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long MAX_EXACT_INTEGER = 1L << 53;

    private JsonCanonicalizer() {
    }

    /** The canonical form of {@code value} as text. */
    public static String canonicalize(JsonNode value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** The canonical form of {@code value} in UTF-8 (RFC 8785 §3.2.4), the bytes that get hashed. */
    public static byte[] canonicalizeUtf8(JsonNode value) {
        return canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode value, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(value.size());
                Iterator<String> it = value.fieldNames();
                while (it.hasNext()) {
                    names.add(it.next());
                }
                // §3.2.3: sort by UTF-16 code units, which is what String.compareTo compares
                Collections.sort(names);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(names.get(i), out);
                    out.append(':');
                    write(value.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(value.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(value.textValue(), out);
            case BOOLEAN -> out.append(value.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            case NUMBER -> out.append(number(value));
            default -> throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "JCS: not a JSON value: " + value.getNodeType());
        }
    }

    private static String number(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            long v = value.longValue();
            if (v >= -MAX_EXACT_INTEGER && v <= MAX_EXACT_INTEGER) {
                return Long.toString(v);
            }
        }
        double d = value.isBigDecimal() ? value.decimalValue().doubleValue()
                : value.isBigInteger() ? new BigDecimal(value.bigIntegerValue()).doubleValue()
                : value.doubleValue();
        return serializeNumber(d);
    }

    /**
     * ECMAScript {@code Number::toString} (ECMA-262 §6.1.6.1.20) of a finite double, as RFC 8785 §3.2.2.3
     * requires: the shortest decimal that reads back as {@code d}, laid out as the specification says.
     */
    public static String serializeNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "JCS: " + d + " is not a JSON number");
        }
        if (d == 0) {
            return "0"; // step 2: +0 and -0 both serialize as "0"
        }
        if (d < 0) {
            return "-" + serializeNumber(-d);
        }
        BigDecimal shortest = shortestDecimal(d);
        // ECMA-262: k digits s, exponent n such that the value is s × 10^(n−k)
        BigInteger unscaled = shortest.unscaledValue();
        String s = unscaled.toString();
        int k = s.length();
        int n = k - shortest.scale();
        StringBuilder out = new StringBuilder(24);
        if (k <= n && n <= 21) {
            out.append(s);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(s);
        } else {
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(n - 1 >= 0 ? '+' : '-').append(Math.abs(n - 1));
        }
        return out.toString();
    }

    // The fewest significant digits that round-trip; among those, the closest to d (ECMA-262 §6.1.6.1.20 step 5).
    // Both neighbours at each precision are tried: near a power of two the round-trip interval is asymmetric,
    // and rounding up may change the decade (0x44b52d02c7e14af6 is 1e+23).
    private static BigDecimal shortestDecimal(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == d;
            boolean upOk = up.doubleValue() == d;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                BigDecimal pick = cmp < 0 ? down : cmp > 0 ? up
                        : (down.unscaledValue().testBit(0) ? up : down);
                return pick.stripTrailingZeros();
            }
            if (downOk) {
                return down.stripTrailingZeros();
            }
            if (upOk) {
                return up.stripTrailingZeros();
            }
        }
        return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
    }

    // §3.2.2.2: JSON.stringify escaping: \" \\ \b \f \n \r \t, other controls as \\u00xx, everything else as is
    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < length
                                && Character.isLowSurrogate(value.charAt(i + 1))) {
                            out.append(c).append(value.charAt(++i));
                        } else {
                            throw new MicrocredException(Problem.MALFORMED_INPUT,
                                    "JCS: string holds a lone surrogate (not I-JSON, RFC 7493 §2.1)");
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
