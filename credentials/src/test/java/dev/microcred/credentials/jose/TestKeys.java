package dev.microcred.credentials.jose;

import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.P256PrivateKey;
import dev.microcred.crypto.RsaPrivateKey;
import dev.microcred.crypto.Signer;
import java.util.List;

/** One key of each type, generated once per test JVM (RSA generation takes a moment). */
final class TestKeys {
    static final Ed25519PrivateKey ED25519 = Ed25519PrivateKey.generate();
    static final P256PrivateKey P256 = P256PrivateKey.generate();
    static final RsaPrivateKey RSA = RsaPrivateKey.generate();

    private TestKeys() {
    }

    static List<Signer> all() {
        return List.of(ED25519, P256, RSA);
    }
}
