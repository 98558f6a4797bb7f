package dev.microcred.credentials.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.did.ResolvedMethod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Does the issuer control the key that signed? (VC Data Integrity §4.6 "the controller of the verification
 * method is the issuer"; DID Core §5.3.1 assertionMethod.)
 *
 * <ul>
 *   <li>An issuer identified by a DID must be the method's controller and list it under
 *       {@code assertionMethod}; anything else is {@link Outcome#INVALID}.</li>
 *   <li>An HTTPS issuer whose key document could be read is held to the same rule.</li>
 *   <li>An HTTPS issuer whose key was taken from the verification method URL's fragment, or an issuer whose
 *       id cannot be resolved at all ({@code urn:uuid:...}), cannot be tied to the key: the check passes with
 *       a warning saying so, because the signature then proves integrity, not authorship.</li>
 * </ul>
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
        values.put("keySource", method.source().name().toLowerCase().replace('_', '-'));
        if (issuer.isEmpty()) {
            return Check.failed(NAME, Outcome.INVALID, "the credential names no issuer", values);
        }
        boolean resolvableIssuer = issuer.startsWith("did:") || issuer.startsWith("https://")
                || issuer.startsWith("http://");
        if (!resolvableIssuer) {
            return new Check(NAME, Check.Status.WARNING, "the issuer id " + issuer
                    + " cannot be resolved, so the signing key (controlled by " + controller
                    + ") cannot be tied to the issuer: the signature proves integrity, not authorship", values, null);
        }
        if (method.source() == ResolvedMethod.Source.URL_FRAGMENT) {
            if (!issuer.equals(controller)) {
                return Check.failed(NAME, Outcome.INVALID,
                        "the signing key is published under " + controller + ", not under the issuer " + issuer,
                        values);
            }
            return new Check(NAME, Check.Status.WARNING, "the key was read from the verification method URL itself;"
                    + " the issuer's document at " + issuer + " could not confirm that the issuer controls it",
                    values, null);
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
