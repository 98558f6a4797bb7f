package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final Argon2idParameters FAST = new Argon2idParameters(64, 1, 1);

    @Test
    void rfc9106StyleKnownAnswerWithoutSecretOrAssociatedData() {
        // argon2 reference CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -r
        byte[] h = PasswordHash.derive("password".toCharArray(), "somesalt".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                new Argon2idParameters(65_536, 2, 1), 32);
        assertThat(HexFormat.of().formatHex(h))
                .isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
    }

    @Test
    void hashesVerifyTheirPasswordOnly() {
        String stored = PasswordHash.hash("correct horse".toCharArray(), FAST);
        assertThat(stored).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(PasswordHash.verify("correct horse".toCharArray(), stored)).isTrue();
        assertThat(PasswordHash.verify("correct horsf".toCharArray(), stored)).isFalse();
        assertThat(PasswordHash.hash("correct horse".toCharArray(), FAST)).isNotEqualTo(stored);
    }

    @Test
    void unicodeIsNormalised() {
        String stored = PasswordHash.hash("caf\u00e9".toCharArray(), FAST);
        assertThat(PasswordHash.verify("cafe\u0301".toCharArray(), stored)).isTrue();
    }

    @Test
    void refusesMalformedHashesAndEmptyPasswords() {
        assertThatThrownBy(() -> PasswordHash.verify("x".toCharArray(), "$2a$10$bcrypt"))
                .isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> PasswordHash.hash(new char[0], FAST)).isInstanceOf(MicrocredException.class);
    }
}
