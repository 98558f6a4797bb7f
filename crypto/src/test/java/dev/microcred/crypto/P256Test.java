package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class P256Test {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 6979 appendix A.2.5: ECDSA, 256 bits (prime field), private key and public key. */
    private static final String RFC6979_D = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
    private static final String RFC6979_UX = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
    private static final String RFC6979_UY = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";

    @Test
    void rfc6979PublicKeyFromPrivate() {
        P256PrivateKey key = P256PrivateKey.fromScalar(HEX.parseHex(RFC6979_D));
        assertThat(HEX.formatHex(key.publicKey().x())).isEqualTo(RFC6979_UX);
        assertThat(HEX.formatHex(key.publicKey().y())).isEqualTo(RFC6979_UY);
        // Uy is odd: the compressed point starts 0x03 (SEC 1 §2.3.3).
        assertThat(HEX.formatHex(key.publicKey().bytes())).isEqualTo("03" + RFC6979_UX);
        assertThat(HEX.formatHex(key.scalar())).isEqualTo(RFC6979_D);
    }

    /** RFC 6979 A.2.5, SHA-256, message "sample": deterministic k gives this r and s. */
    @Test
    void rfc6979SignatureOfSample() {
        P256PrivateKey key = P256PrivateKey.fromScalar(HEX.parseHex(RFC6979_D));
        byte[] sig = key.sign("sample".getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(sig)).isEqualTo(
                "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                        + "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8");
        assertThat(key.publicKey().verify("sample".getBytes(StandardCharsets.US_ASCII), sig)).isTrue();
    }

    /** RFC 6979 A.2.5, SHA-256, message "test". */
    @Test
    void rfc6979SignatureOfTest() {
        P256PrivateKey key = P256PrivateKey.fromScalar(HEX.parseHex(RFC6979_D));
        byte[] sig = key.sign("test".getBytes(StandardCharsets.US_ASCII));
        assertThat(HEX.formatHex(sig)).isEqualTo(
                "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367"
                        + "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083");
    }

    @Test
    void compressedAndUncompressedEncodingsAreTheSameKey() {
        P256PublicKey key = P256PrivateKey.generate().publicKey();
        assertThat(P256PublicKey.of(key.uncompressed())).isEqualTo(key);
        assertThat(P256PublicKey.of(key.bytes())).isEqualTo(key);
        assertThat(P256PublicKey.fromCoordinates(key.x(), key.y())).isEqualTo(key);
        assertThat(key.bytes()).hasSize(33);
        assertThat(key.uncompressed()).hasSize(65).startsWith((byte) 0x04);
    }

    @Test
    void roundTripAndHighSAccepted() {
        P256PrivateKey key = P256PrivateKey.generate();
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(msg);
        assertThat(key.publicKey().verify(msg, sig)).isTrue();
        // (r, n - s) is the other valid signature of the same message: JOSE does not forbid it.
        java.math.BigInteger s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
        byte[] flippedS = P256Curve.fixed(P256Curve.ORDER.subtract(s));
        byte[] other = sig.clone();
        System.arraycopy(flippedS, 0, other, 32, 32);
        assertThat(key.publicKey().verify(msg, other)).isTrue();
    }

    @Test
    void rejectsTamperingWrongKeyAndBadLengths() {
        P256PrivateKey key = P256PrivateKey.generate();
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(msg);
        for (int i = 0; i < sig.length; i += 7) {
            byte[] bad = sig.clone();
            bad[i] ^= 0x01;
            assertThat(key.publicKey().verify(msg, bad)).as("flipped byte %d", i).isFalse();
        }
        assertThat(key.publicKey().verify("hellO".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(P256PrivateKey.generate().publicKey().verify(msg, sig)).isFalse();
        assertThat(key.publicKey().verify(msg, new byte[64])).isFalse();
        assertThat(key.publicKey().verify(msg, new byte[63])).isFalse();
        assertThat(key.publicKey().verify(msg, null)).isFalse();
        // r = n is out of range and must be refused without arithmetic.
        byte[] rIsN = sig.clone();
        System.arraycopy(P256Curve.fixed(P256Curve.ORDER), 0, rIsN, 0, 32);
        assertThat(key.publicKey().verify(msg, rIsN)).isFalse();
    }

    @Test
    void rejectsInvalidPointsAndScalars() {
        byte[] notOnCurve = new byte[65];
        notOnCurve[0] = 4;
        notOnCurve[64] = 1;
        assertThatThrownBy(() -> P256PublicKey.of(notOnCurve)).isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.INVALID_KEY);
        assertThatThrownBy(() -> P256PublicKey.of(new byte[32])).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("33");
        byte[] badPrefix = P256PrivateKey.generate().publicKey().bytes();
        badPrefix[0] = 0x05;
        assertThatThrownBy(() -> P256PublicKey.of(badPrefix)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> P256PrivateKey.fromScalar(new byte[32])).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("range");
        assertThatThrownBy(() -> P256PrivateKey.fromScalar(P256Curve.fixed(P256Curve.ORDER)))
                .isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> P256PrivateKey.fromScalar(new byte[31])).isInstanceOf(MicrocredException.class);
    }

    @Test
    void signerNamesEs256AndHidesSecret() {
        P256PrivateKey key = P256PrivateKey.fromScalar(HEX.parseHex(RFC6979_D));
        Signer signer = key;
        assertThat(signer.jwsAlgorithm()).isEqualTo("ES256");
        assertThat(signer.publicKey()).isEqualTo(key.publicKey());
        assertThat(key.toString()).doesNotContainIgnoringCase(RFC6979_D);
        assertThat(P256PrivateKey.fromScalar(HEX.parseHex(RFC6979_D))).isEqualTo(key);
    }

    static byte[] b64u(String s) {
        return Base64.getUrlDecoder().decode(s);
    }
}
