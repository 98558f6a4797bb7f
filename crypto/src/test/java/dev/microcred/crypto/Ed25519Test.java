package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 §7.1, TEST 1 (empty message). */
    @Test
    void rfc8032Test1() {
        Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(
                HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HEX.formatHex(key.publicKey().bytes()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = key.sign(new byte[0]);
        assertThat(HEX.formatHex(sig)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(key.publicKey().verify(new byte[0], sig)).isTrue();
    }

    /** RFC 8032 §7.1, TEST 2 (one byte 0x72). */
    @Test
    void rfc8032Test2() {
        Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(
                HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertThat(HEX.formatHex(key.publicKey().bytes()))
                .isEqualTo("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        byte[] sig = key.sign(new byte[] {0x72});
        assertThat(HEX.formatHex(sig)).isEqualTo("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    @Test
    void rejectsFlippedSignatureBitAndOtherMessage() {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate();
        byte[] msg = "hello".getBytes();
        byte[] sig = key.sign(msg);
        assertThat(key.publicKey().verify(msg, sig)).isTrue();
        sig[10] ^= 1;
        assertThat(key.publicKey().verify(msg, sig)).isFalse();
        assertThat(key.publicKey().verify("hellO".getBytes(), key.sign(msg))).isFalse();
        assertThat(key.publicKey().verify(msg, new byte[63])).isFalse();
    }

    @Test
    void toStringRevealsNoSecret() {
        Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(new byte[32]);
        assertThat(key.toString()).doesNotContain(HEX.formatHex(new byte[32]));
    }
}
