package dev.microcred.credentials.jose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Jwk;
import dev.microcred.crypto.PublicKey;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON Web Key (RFC 7517) given as JSON — a JWS {@code jwk} header, a DID document's {@code publicKeyJwk} —
 * read as a public key. Stateless.
 */
public final class JwkJson {
    private JwkJson() {
    }

    /**
     * The public key of {@code jwk}: its string members as {@link Jwk} reads them (others, such as
     * {@code key_ops}, are not needed for a public key and are ignored). A key that carries its private part
     * ({@code d}) is malformed input: published keys must never hold one (RFC 7515 §4.1.3).
     */
    public static PublicKey publicKey(JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a JWK must be a JSON object");
        }
        Map<String, String> members = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = jwk.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isTextual()) {
                members.put(member.getKey(), member.getValue().asText());
            }
        }
        if (members.containsKey("d")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the JWK holds a private key");
        }
        return Jwk.parse(members).publicKey();
    }
}
