package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class RsaTest {
    private static final RsaPrivateKey KEY = RsaPrivateKey.generate();

    @Test
    void roundTripsRs256() {
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] sig = KEY.sign(msg);
        assertThat(sig).hasSize(256);
        assertThat(KEY.publicKey().verify(msg, sig)).isTrue();
        // RSASSA-PKCS1-v1_5 is deterministic.
        assertThat(KEY.sign(msg)).isEqualTo(sig);
        assertThat(KEY.jwsAlgorithm()).isEqualTo("RS256");
    }

    @Test
    void rejectsTamperingWrongKeyAndBadLengths() {
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] sig = KEY.sign(msg);
        byte[] bad = sig.clone();
        bad[100] ^= 0x40;
        assertThat(KEY.publicKey().verify(msg, bad)).isFalse();
        assertThat(KEY.publicKey().verify("hellO".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(KEY.publicKey().verify(msg, java.util.Arrays.copyOf(sig, 255))).isFalse();
        assertThat(KEY.publicKey().verify(msg, new byte[256])).isFalse();
        assertThat(KEY.publicKey().verify(msg, null)).isFalse();
    }

    @Test
    void derAndPkcs8RoundTrip() {
        assertThat(RsaPublicKey.fromDer(KEY.publicKey().bytes())).isEqualTo(KEY.publicKey());
        RsaPrivateKey again = RsaPrivateKey.fromPkcs8(KEY.pkcs8());
        assertThat(again).isEqualTo(KEY);
        assertThat(again.publicKey()).isEqualTo(KEY.publicKey());
        assertThat(RsaPublicKey.of(KEY.publicKey().modulus(), KEY.publicKey().exponent())).isEqualTo(KEY.publicKey());
    }

    @Test
    void refusesSmallModulusAndBadExponent() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        RSAPublicKey small = (RSAPublicKey) generator.generateKeyPair().getPublic();
        assertThatThrownBy(() -> RsaPublicKey.fromDer(small.getEncoded())).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("1024 bits");
        assertThatThrownBy(() -> RsaPublicKey.of(KEY.publicKey().modulus(), BigInteger.valueOf(4)))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("exponent");
        assertThatThrownBy(() -> RsaPublicKey.fromDer(new byte[] {1, 2, 3})).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> RsaPrivateKey.fromPkcs8(new byte[] {1, 2, 3})).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> RsaPrivateKey.generate(1024, new java.security.SecureRandom()))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void toStringRevealsNoSecret() {
        assertThat(KEY.toString()).doesNotContain(KEY.publicKey().modulus().toString(16));
        assertThat(KEY.toString()).startsWith("RsaPrivateKey[public=RsaPublicKey[2048 bits");
    }
}
