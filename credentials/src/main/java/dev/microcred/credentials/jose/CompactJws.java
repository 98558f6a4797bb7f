package dev.microcred.credentials.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.PublicKey;
import dev.microcred.crypto.Signer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A JWS in the compact serialization (RFC 7515 §7.1): {@code BASE64URL(header) . BASE64URL(payload) .
 * BASE64URL(signature)}. Parsing checks the syntax only (three parts, strict unpadded base64url, a JSON object
 * header with a string {@code alg}, no {@code crit}); whether the signature is right is {@link #verify}'s
 * answer. Immutable and thread-safe.
 */
public final class CompactJws {
    /**
     * The longest compact JWS accepted: a payload of {@link Json#MAX_DOCUMENT_BYTES} in base64url, plus 16 KiB for
     * the header (an RSA {@code jwk} is under 1 KiB) and the signature.
     */
    public static final int MAX_LENGTH = (Json.MAX_DOCUMENT_BYTES + 2) / 3 * 4 + 16 * 1024;

    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64U_DECODER = Base64.getUrlDecoder();

    private final String text;
    private final byte[] ascii;
    private final int secondDot;
    private final ObjectNode header;
    private final String algorithm;
    private final byte[] payload;
    private final byte[] signature;

    private CompactJws(String text, byte[] ascii, int secondDot, ObjectNode header, String algorithm, byte[] payload,
            byte[] signature) {
        this.text = text;
        this.ascii = ascii;
        this.secondDot = secondDot;
        this.header = header;
        this.algorithm = algorithm;
        this.payload = payload;
        this.signature = signature;
    }

    /**
     * Parses a compact JWS. Surrounding whitespace is ignored. Malformed input is
     * {@link Problem#MALFORMED_INPUT}, input over {@link #MAX_LENGTH} {@link Problem#TOO_LARGE}, a {@code crit}
     * header (an extension that must be understood, RFC 7515 §4.1.11) {@link Problem#UNSUPPORTED}.
     */
    public static CompactJws parse(String compact) {
        if (compact == null) {
            throw malformed("no JWS");
        }
        String text = compact.strip();
        if (text.length() > MAX_LENGTH) {
            throw new MicrocredException(Problem.TOO_LARGE,
                    "JWS of " + text.length() + " characters exceeds the limit of " + MAX_LENGTH);
        }
        // RFC 7515 §7.2 step 1 (compact): exactly three parts separated by two periods.
        int firstDot = text.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : text.indexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || text.indexOf('.', secondDot + 1) >= 0) {
            throw malformed("a compact JWS has three base64url parts separated by two periods");
        }
        if (firstDot == 0 || secondDot == firstDot + 1) {
            throw malformed("empty JWS " + (firstDot == 0 ? "header" : "payload"));
        }
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        // Steps 2-4: the protected header is a UTF-8 JSON object (duplicate names are refused by the parser).
        ObjectNode header;
        try {
            header = Json.parseObject(decode(ascii, 0, firstDot, "header"));
        } catch (MicrocredException e) {
            if (e.problem() == Problem.MALFORMED_INPUT) {
                throw malformed("the JWS header is not a JSON object: " + e.getMessage());
            }
            throw e;
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual()) {
            throw malformed("the JWS header has no \"alg\" string");
        }
        // Step 5: a crit parameter lists extensions the recipient must understand; microcred understands none.
        if (header.has("crit")) {
            throw new MicrocredException(Problem.UNSUPPORTED,
                    "the JWS header lists critical extensions (crit), which microcred does not implement");
        }
        byte[] payload = decode(ascii, firstDot + 1, secondDot, "payload");
        byte[] signature = decode(ascii, secondDot + 1, ascii.length, "signature");
        return new CompactJws(text, ascii, secondDot, header, alg.asText(), payload, signature);
    }

    /**
     * Signs {@code payload} under {@code headerJson} (a JSON object text whose {@code alg} names the signer's
     * algorithm; the caller builds it) and returns the compact serialization (RFC 7515 §5.1).
     */
    public static String sign(String headerJson, byte[] payload, Signer signer) {
        byte[] header64 = B64U.encode(headerJson.getBytes(StandardCharsets.UTF_8));
        byte[] payload64 = B64U.encode(payload);
        // RFC 7515 §5.1 step 5: the signing input is ASCII(BASE64URL(header) || '.' || BASE64URL(payload)).
        byte[] input = new byte[header64.length + 1 + payload64.length];
        System.arraycopy(header64, 0, input, 0, header64.length);
        input[header64.length] = '.';
        System.arraycopy(payload64, 0, input, header64.length + 1, payload64.length);
        byte[] signature64 = B64U.encode(signer.sign(input));
        byte[] out = Arrays.copyOf(input, input.length + 1 + signature64.length);
        out[input.length] = '.';
        System.arraycopy(signature64, 0, out, input.length + 1, signature64.length);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * Verifies the signature with {@code key} under {@code algorithm}; false when the key's type is not the
     * one the algorithm requires, or when the signature does not verify.
     */
    public boolean verify(JwsAlgorithm algorithm, PublicKey key) {
        if (key.type() != algorithm.keyType()) {
            return false;
        }
        // RFC 7515 §5.2 step 8: validate the signature over ASCII(BASE64URL(header) || '.' || BASE64URL(payload)).
        return key.verify(signingInput(), signature);
    }

    /** The {@code alg} header parameter as written (not necessarily one microcred implements). */
    public String algorithm() {
        return algorithm;
    }

    /** A copy of the protected header. */
    public ObjectNode header() {
        return header.deepCopy();
    }

    /** The header without copying, for this package's readers (which never modify it). */
    ObjectNode headerView() {
        return header;
    }

    /** A copy of the payload bytes. */
    public byte[] payload() {
        return payload.clone();
    }

    byte[] payloadView() {
        return payload;
    }

    /** The signing input: the ASCII bytes up to the second period. */
    public byte[] signingInput() {
        return Arrays.copyOf(ascii, secondDot);
    }

    /** A copy of the signature bytes (empty for an unsecured JWS). */
    public byte[] signature() {
        return signature.clone();
    }

    /** The compact serialization as parsed (without surrounding whitespace). */
    public String text() {
        return text;
    }

    /** Decodes strict base64url (RFC 7515 §2): URL alphabet, no padding, unused trailing bits zero. */
    private static byte[] decode(byte[] ascii, int from, int to, String part) {
        int length = to - from;
        if (length % 4 == 1) {
            throw malformed("the JWS " + part + " is not base64url (impossible length)");
        }
        if (length > 0) {
            int last = sextet(ascii[to - 1]);
            int unusedBits = length % 4 == 2 ? 4 : length % 4 == 3 ? 2 : 0;
            if (last < 0 || (last & ((1 << unusedBits) - 1)) != 0) {
                throw malformed("the JWS " + part + " is not canonical unpadded base64url");
            }
        }
        try {
            return B64U_DECODER.decode(Arrays.copyOfRange(ascii, from, to));
        } catch (IllegalArgumentException e) {
            throw malformed("the JWS " + part + " is not base64url");
        }
    }

    private static int sextet(byte c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static MicrocredException malformed(String message) {
        return new MicrocredException(Problem.MALFORMED_INPUT, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactJws other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "CompactJws[alg=" + algorithm + ", " + text.length() + " characters]";
    }
}
