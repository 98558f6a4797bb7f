package dev.microcred.credentials.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.Jwk;
import dev.microcred.crypto.PublicKey;
import org.junit.jupiter.api.Test;

class JwkJsonTest {
    /** RFC 8037 appendix A.2: the Ed25519 public key as a JWK. */
    @Test
    void readsAPublicJwkAndIgnoresNonStringMembers() {
        PublicKey key = JwkJson.publicKey(Json.parse("""
                {"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo",
                 "key_ops": ["verify"]}"""));
        assertThat(Jwk.of(key).members()).containsEntry("x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
    }

    @Test
    void refusesPrivateKeysAndNonObjects() {
        Ed25519PrivateKey secret = Ed25519PrivateKey.generate();
        var withPrivatePart = Json.object();
        Jwk.of(secret).members().forEach(withPrivatePart::put);
        Jwk.of(secret).privateMembers().forEach(withPrivatePart::put);
        assertThatThrownBy(() -> JwkJson.publicKey(withPrivatePart)).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("private key");
        assertThatThrownBy(() -> JwkJson.publicKey(Json.parse("[1]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> JwkJson.publicKey(Json.parse("{\"kty\": \"OKP\"}")))
                .isInstanceOf(MicrocredException.class);
    }
}
