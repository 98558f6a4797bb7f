package dev.microcred.credentials.issue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.baking.BakedCredential;
import dev.microcred.credentials.json.Json;
import java.util.Objects;

/**
 * A signed credential: the format, the credential itself (for VC-JWT, the credential the JWT carries) and its
 * serialized form (JSON, or the compact JWS).
 */
public record SignedCredential(CredentialFormat format, ObjectNode credential, String text) {
    public SignedCredential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        credential = credential.deepCopy();
    }

    /** The credential's {@code id}. */
    public String id() {
        return credential.path("id").asText(null);
    }

    /** What a badge image carries: the JSON or the compact JWS, under the Open Badges 3.0 keyword. */
    public BakedCredential baked() {
        return BakedCredential.of(BakedCredential.Spec.OB3, text);
    }

    /** The JSON credential, pretty-printed; or the JWS. */
    public String prettyText() {
        return format.isJwt() ? text : Json.writePretty(credential);
    }
}
