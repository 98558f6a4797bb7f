package dev.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Jwk;
import dev.microcred.crypto.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** How the command line turns key material in documents into keys. */
final class Keys {
    /** Decodes a {@code publicKeyJwk} (OKP/Ed25519, EC/P-256 or RSA; string members only). */
    static final Function<ObjectNode, PublicKey> JWK_DECODER = jwk -> {
        Map<String, String> members = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) jwk::fields) {
            if (e.getValue().isTextual()) {
                members.put(e.getKey(), e.getValue().asText());
            } else if (!e.getKey().equals("key_ops")) {
                throw new MicrocredException(Problem.INVALID_KEY, "JWK member " + e.getKey() + " is not a string");
            }
        }
        return Jwk.parse(members).publicKey();
    };

    private Keys() {
    }
}
