package dev.microcred.credentials.dataintegrity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The {@code jws} of an {@code Ed25519Signature2018} proof: a compact JWS with a detached, unencoded payload
 * (RFC 7797: header {@code {"alg":"EdDSA","b64":false,"crit":["b64"]}}, written {@code <header>..<signature>}).
 * Only this form is accepted: any other header is a rejection reason, never a guess.
 *
 * @param encodedHeader the base64url header exactly as written (it is part of the signing input)
 * @param signature     the signature bytes
 */
record DetachedJws(String encodedHeader, Bytes signature) {
    DetachedJws {
        Objects.requireNonNull(encodedHeader, "encodedHeader");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Parses {@code jws}; a value that is not a detached EdDSA JWS with {@code b64} false is
     * {@link IllegalArgumentException} carrying the reason.
     */
    static DetachedJws parse(String jws) {
        String[] parts = jws.split("\\.", -1);
        // RFC 7797 §5.2 with RFC 7515 Appendix F: a detached payload leaves the middle part empty
        if (parts.length != 3 || !parts[1].isEmpty()) {
            throw new IllegalArgumentException("jws is not a compact JWS with a detached payload");
        }
        JsonNode header;
        byte[] signature;
        try {
            header = Json.parse(Base64.getUrlDecoder().decode(parts[0]));
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException | MicrocredException e) {
            throw new IllegalArgumentException("jws header or signature is not base64url JSON");
        }
        if (!header.isObject() || !"EdDSA".equals(header.path("alg").asText(null))) {
            throw new IllegalArgumentException("jws alg is " + header.path("alg") + ", not EdDSA");
        }
        // RFC 7797 §3/§6: b64=false must be listed in crit, or the payload would be base64url-encoded
        JsonNode b64 = header.get("b64");
        if (b64 == null || !b64.isBoolean() || b64.booleanValue()) {
            throw new IllegalArgumentException("jws header must carry \"b64\": false");
        }
        JsonNode crit = header.get("crit");
        if (crit == null || !crit.isArray() || crit.size() != 1 || !"b64".equals(crit.get(0).asText())) {
            throw new IllegalArgumentException("jws header must carry \"crit\": [\"b64\"] and nothing else critical");
        }
        if (signature.length != 64) {
            throw new IllegalArgumentException("jws signature holds " + signature.length + " bytes, not 64");
        }
        return new DetachedJws(parts[0], Bytes.of(signature));
    }

    /** RFC 7797 §3: ASCII(BASE64URL(header)) || '.' || payload, with the payload bytes unencoded. */
    byte[] signingInput(byte[] payload) {
        byte[] header = (encodedHeader + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[header.length + payload.length];
        System.arraycopy(header, 0, input, 0, header.length);
        System.arraycopy(payload, 0, input, header.length, payload.length);
        return input;
    }
}
