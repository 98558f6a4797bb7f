package dev.microcred.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;

class AnchorKeyTest {
    @Test
    void derivesTheAddressOfTheHardhatDevAccount() {
        // Hardhat's well-known (public) development account 0
        AnchorKey key = AnchorKey.fromHex(Hardhat.ACCOUNT_0_KEY);
        assertThat(key.address()).isEqualTo(Hardhat.ACCOUNT_0);
        assertThat(AnchorKey.fromHex(Hardhat.ACCOUNT_0_KEY.substring(2).toUpperCase()).address())
                .isEqualTo(Hardhat.ACCOUNT_0);
    }

    @Test
    void neverShowsTheKey() {
        AnchorKey key = AnchorKey.fromHex(Hardhat.ACCOUNT_0_KEY);
        assertThat(key.toString()).contains(Hardhat.ACCOUNT_0)
                .doesNotContain(Hardhat.ACCOUNT_0_KEY.substring(2, 12));
    }

    @Test
    void rejectsMalformedKeys() {
        for (String bad : new String[] {"", "0x", "12", Hardhat.ACCOUNT_0_KEY + "00", "0x" + "0".repeat(64),
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "zz" + "0".repeat(62)}) {
            assertThatThrownBy(() -> AnchorKey.fromHex(bad)).as(bad).isInstanceOf(MicrocredException.class)
                    .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.INVALID_KEY))
                    .hasMessageNotContaining(bad.length() > 10 ? bad.substring(2, 10) : "\u0000");
        }
    }

    @Test
    void opensAnEthereumKeyFile(@TempDir Path dir) throws Exception {
        ECKeyPair pair = ECKeyPair.create(new BigInteger(Hardhat.ACCOUNT_0_KEY.substring(2), 16));
        Path file = dir.resolve("anchor.json");
        new ObjectMapper().writeValue(file.toFile(), Wallet.createLight("correct horse", pair));
        assertThat(AnchorKey.fromKeyFile(file, "correct horse".toCharArray()).address()).isEqualTo(Hardhat.ACCOUNT_0);

        assertThatThrownBy(() -> AnchorKey.fromKeyFile(file, "wrong horse".toCharArray()))
                .isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.DECRYPTION_FAILED));
        String tampered = Files.readString(file).replaceFirst("\"ciphertext\":\"(.)", "\"ciphertext\":\"$1$1");
        Files.writeString(file, tampered);
        assertThatThrownBy(() -> AnchorKey.fromKeyFile(file, "correct horse".toCharArray()))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void readsAHexKeyFileOrAnEthereumKeyFile(@TempDir Path dir) throws Exception {
        Path hex = Files.writeString(dir.resolve("anchor.key"), Hardhat.ACCOUNT_0_KEY + "\n");
        assertThat(AnchorKey.read(hex, () -> {
            throw new AssertionError("no passphrase for a hex key");
        }).address()).isEqualTo(Hardhat.ACCOUNT_0);
        Path json = dir.resolve("anchor.json");
        new ObjectMapper().writeValue(json.toFile(), Wallet.createLight("pw", ECKeyPair.create(
                new BigInteger(Hardhat.ACCOUNT_1_KEY.substring(2), 16))));
        assertThat(AnchorKey.read(json, "pw"::toCharArray).address()).isEqualTo(Hardhat.ACCOUNT_1);
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "ceci n'est pas une clef");
        assertThatThrownBy(() -> AnchorKey.read(garbage, "pw"::toCharArray)).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("neither");
    }

    @Test
    void refusesUnreadableOrCostlyKeyFiles(@TempDir Path dir) throws Exception {
        Path notJson = Files.writeString(dir.resolve("a.json"), "not json");
        assertThatThrownBy(() -> AnchorKey.fromKeyFile(notJson, "x".toCharArray()))
                .isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT));
        assertThatThrownBy(() -> AnchorKey.fromKeyFile(dir.resolve("missing.json"), "x".toCharArray()))
                .isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.IO_ERROR));
        ECKeyPair pair = ECKeyPair.create(BigInteger.TEN);
        Path costly = dir.resolve("costly.json");
        String light = new ObjectMapper().writeValueAsString(Wallet.createLight("p", pair));
        Files.writeString(costly, light.replaceFirst("\"n\":4096", "\"n\":1048576"));
        assertThatThrownBy(() -> AnchorKey.fromKeyFile(costly, "p".toCharArray()))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("scrypt cost");
    }
}
