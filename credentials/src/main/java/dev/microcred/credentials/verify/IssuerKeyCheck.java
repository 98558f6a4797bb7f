package dev.microcred.credentials.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.did.ResolvedMethod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Does the issuer control the key that signed? (VC Data Integrity §4.6 step "the controller of the
 * verification method is the issuer"; did:key and did:web verification relationships.) The method's
 * controller must be the credential's issuer and the issuer must list it under {@code assertionMethod}.
 */
final class IssuerKeyCheck {
    static final String NAME = "issuer-key";

    private IssuerKeyCheck() {
    }

    /** The issuer's id: {@code issuer} as a string, or {@code issuer.id}. Empty when absent. */
    static String issuerId(ObjectNode credential) {
        JsonNode issuer = credential.get("issuer");
        if (issuer == null) {
            return "";
        }
        return issuer.isTextual() ? issuer.asText() : issuer.path("id").asText("");
    }

    static Check check(ObjectNode credential, ResolvedMethod method) {
        String issuer = issuerId(credential);
        String controller = method.method().controller();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("issuer", issuer);
        values.put("verificationMethod", method.method().id());
        values.put("controller", controller);
        if (issuer.isEmpty()) {
            return Check.failed(NAME, Outcome.INVALID, "the credential names no issuer", values);
        }
        if (!issuer.equals(controller)) {
            return Check.failed(NAME, Outcome.INVALID,
                    "the signing key belongs to " + controller + ", not to the issuer " + issuer, values);
        }
        if (!method.authorizedFor("assertionMethod")) {
            return Check.failed(NAME, Outcome.INVALID,
                    "the issuer does not list the signing key for assertions (assertionMethod)", values);
        }
        return Check.passed(NAME, "the issuer " + issuer + " controls the signing key", values);
    }
}
