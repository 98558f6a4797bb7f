package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.HexFormat;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class KeyFileTest {
    /** Cheap Argon2id cost, so that tests which open hundreds of files stay fast. */
    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    /** RFC 8032 §7.1 TEST 1 seed (also RFC 8037 A.1's "d"). */
    private static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    /** The passphrase example of docs/KEYFILE.md: the RFC 8032 TEST 1 key, default Argon2id cost. */
    static final String DOC_PASSPHRASE_EXAMPLE = """
            -----BEGIN MICROCRED PRIVATE KEY-----
            version: 1
            key-type: Ed25519
            public-key: 11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo
            protection: passphrase
            kdf: argon2id; m=32768; t=3; p=1
            salt: NvwX6fvv5CjJwqRQLGMARg
            cipher: aes-256-gcm
            nonce: fNNAZpZKEOcvtrdA

            6XmUF9j0pijagm4WM2UoCyirt6RIc7tdTsRwQJfwkocvZYjpTufecCJh6i7BOa3b
            -----END MICROCRED PRIVATE KEY-----
            """;

    /** The key-encryption-key example of docs/KEYFILE.md: the same key, KEK = bytes 0x00..0x1f. */
    static final String DOC_KEK_EXAMPLE = """
            -----BEGIN MICROCRED PRIVATE KEY-----
            version: 1
            key-type: Ed25519
            public-key: 11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo
            protection: kek
            kdf: hkdf-sha256
            salt: 0PEGO9frmgOLt3V6oqijWw
            cipher: aes-256-gcm
            nonce: sh7xANGvyKrnyBy0

            QJHPnEZ1TKCRqfsngidHSPNpNmswWw8Q8K2w2uz6bwMr0YTsmojCPGfLyOn7rmo9
            -----END MICROCRED PRIVATE KEY-----
            """;

    private static KeyEncryptionKey docKek() {
        byte[] kek = new byte[32];
        for (int i = 0; i < kek.length; i++) {
            kek[i] = (byte) i;
        }
        return KeyEncryptionKey.fromBase64(java.util.Base64.getEncoder().encodeToString(kek));
    }

    @Test
    void opensTheDocumentedPassphraseExample() {
        KeyFile file = KeyFile.parse(DOC_PASSPHRASE_EXAMPLE);
        assertThat(file.keyType()).isEqualTo(KeyType.ED25519);
        assertThat(file.protection()).isEqualTo(KeyFile.Protection.PASSPHRASE);
        Signer key = file.open(PASSPHRASE);
        assertThat(((Ed25519PrivateKey) key).seed()).isEqualTo(HexFormat.of().parseHex(SEED));
        assertThat(file.text()).isEqualTo(DOC_PASSPHRASE_EXAMPLE);
    }

    @Test
    void opensTheDocumentedKekExample() {
        KeyFile file = KeyFile.parse(DOC_KEK_EXAMPLE);
        Signer key = file.open(docKek());
        assertThat(((Ed25519PrivateKey) key).seed()).isEqualTo(HexFormat.of().parseHex(SEED));
        assertThat(file.text()).isEqualTo(DOC_KEK_EXAMPLE);
        // The same file also opens with the KEK taken from the environment.
        assertThat(file.open(KeyEncryptionKey.fromEnvironment(Map.of("MICROCRED_KEK", docKek().toBase64()))))
                .isEqualTo(key);
    }

    @Test
    void roundTripsEveryKeyTypeWithPassphraseAndKek() {
        KeyEncryptionKey kek = KeyEncryptionKey.generate();
        for (Signer key : new Signer[] {Ed25519PrivateKey.generate(), P256PrivateKey.generate(),
                RsaPrivateKey.generate()}) {
            String sealed = KeyFile.seal(key, PASSPHRASE, CHEAP).text();
            KeyFile parsed = KeyFile.parse(sealed);
            assertThat(parsed.publicKey()).isEqualTo(key.publicKey());
            assertThat(parsed.open(PASSPHRASE)).isEqualTo(key);
            assertThat(KeyFile.parse(KeyFile.seal(key, kek).text()).open(kek)).isEqualTo(key);
            // Files written on one system and copied through another may have CR LF line ends.
            assertThat(KeyFile.parse(sealed.replace("\n", "\r\n")).open(PASSPHRASE)).isEqualTo(key);
            assertThat(sealed).doesNotContain(HexFormat.of().formatHex(key.sign(new byte[0])));
        }
    }

    @Test
    void defaultCostIsRecordedInTheFile() {
        String text = KeyFile.seal(Ed25519PrivateKey.generate(), PASSPHRASE).text();
        assertThat(text).contains("\nkdf: argon2id; m=32768; t=3; p=1\n");
    }

    @Test
    void sealingTwiceGivesDifferentSaltsAndNonces() {
        Signer key = P256PrivateKey.generate();
        assertThat(KeyFile.seal(key, PASSPHRASE, CHEAP).text()).isNotEqualTo(KeyFile.seal(key, PASSPHRASE, CHEAP).text());
    }

    @Test
    void wrongPassphraseOrKekIsDecryptionFailed() {
        KeyFile file = KeyFile.parse(KeyFile.seal(P256PrivateKey.generate(), PASSPHRASE, CHEAP).text());
        assertProblem(() -> file.open("correct horse battery stapler".toCharArray()), Problem.DECRYPTION_FAILED);
        KeyFile kekFile = KeyFile.parse(DOC_KEK_EXAMPLE);
        assertProblem(() -> kekFile.open(KeyEncryptionKey.generate()), Problem.DECRYPTION_FAILED);
        assertThatThrownBy(() -> kekFile.open(KeyEncryptionKey.generate()))
                .hasMessage("cannot decrypt the key file: wrong passphrase or key-encryption key, or the file was altered");
        // Using the other protection is a caller error, not a decryption failure.
        assertProblem(() -> kekFile.open(PASSPHRASE), Problem.INVALID_REQUEST);
        assertProblem(() -> file.open(KeyEncryptionKey.generate()), Problem.INVALID_REQUEST);
        assertProblem(() -> file.open(new char[0]), Problem.INVALID_REQUEST);
    }

    /**
     * Every single flipped bit, at every byte of a passphrase file and of a KEK file, is detected: the armor
     * line makes it "not a key file", the version digit an unsupported version, anything else a failed
     * decryption. No flip ever yields a key.
     */
    @Test
    void everyFlippedByteIsDetected() {
        checkEveryFlip(KeyFile.seal(P256PrivateKey.generate(), PASSPHRASE, CHEAP).text(), f -> f.open(PASSPHRASE));
        KeyEncryptionKey kek = KeyEncryptionKey.generate();
        checkEveryFlip(KeyFile.seal(Ed25519PrivateKey.generate(), kek).text(), f -> f.open(kek));
    }

    private static void checkEveryFlip(String text, java.util.function.Function<KeyFile, Signer> open) {
        int versionDigit = text.indexOf("version: 1\n") + "version: ".length();
        for (int i = 0; i < text.length(); i++) {
            char[] chars = text.toCharArray();
            chars[i] ^= 0x01;
            String altered = new String(chars);
            Problem expected = i <= KeyFile.BEGIN.length() ? Problem.MALFORMED_INPUT
                    : i == versionDigit ? Problem.UNSUPPORTED : Problem.DECRYPTION_FAILED;
            assertThatThrownBy(() -> open.apply(KeyFile.parse(altered)))
                    .as("flipped byte %d (%s)", i, text.charAt(i) == '\n' ? "LF" : String.valueOf(text.charAt(i)))
                    .isInstanceOf(MicrocredException.class)
                    .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(expected);
        }
    }

    @Test
    void unknownVersionIsUnsupported() {
        String v2 = DOC_KEK_EXAMPLE.replace("version: 1\n", "version: 2\n");
        assertThatThrownBy(() -> KeyFile.parse(v2)).isInstanceOf(MicrocredException.class)
                .hasMessage("unsupported key file version 2 (this microcred reads version 1)")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.UNSUPPORTED);
    }

    @Test
    void rejectsTruncatedExtendedAndForeignFiles() {
        assertProblem(() -> KeyFile.parse(""), Problem.MALFORMED_INPUT);
        assertProblem(() -> KeyFile.parse("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA\n"), Problem.MALFORMED_INPUT);
        assertProblem(() -> KeyFile.parse(DOC_KEK_EXAMPLE.substring(0, 200)), Problem.DECRYPTION_FAILED);
        assertProblem(() -> KeyFile.parse(DOC_KEK_EXAMPLE.strip()), Problem.DECRYPTION_FAILED);
        assertProblem(() -> KeyFile.parse(DOC_KEK_EXAMPLE + "extra\n"), Problem.DECRYPTION_FAILED);
        assertProblem(() -> KeyFile.parse(DOC_KEK_EXAMPLE.replace("nonce: sh7xANGvyKrnyBy0\n", "")),
                Problem.DECRYPTION_FAILED);
        assertProblem(() -> KeyFile.parse(DOC_PASSPHRASE_EXAMPLE.replace("m=32768", "m=2097152")),
                Problem.DECRYPTION_FAILED);
        assertProblem(() -> KeyFile.parse("x".repeat(70_000)), Problem.TOO_LARGE);
    }

    @Test
    void keyEncryptionKeyFromEnvironment() {
        assertProblem(() -> KeyEncryptionKey.fromEnvironment(Map.of()), Problem.KEY_NOT_FOUND);
        assertProblem(() -> KeyEncryptionKey.fromEnvironment(Map.of("MICROCRED_KEK", "AAAA")), Problem.INVALID_KEY);
        assertProblem(() -> KeyEncryptionKey.fromBase64("not base64!"), Problem.INVALID_KEY);
        KeyEncryptionKey kek = KeyEncryptionKey.generate();
        String urlSafe = kek.toBase64().replace('+', '-').replace('/', '_').replace("=", "");
        Signer key = Ed25519PrivateKey.generate();
        assertThat(KeyFile.parse(KeyFile.seal(key, kek).text()).open(KeyEncryptionKey.fromBase64(urlSafe)))
                .isEqualTo(key);
        assertThat(kek.toString()).doesNotContain(kek.toBase64());
    }

    private static void assertProblem(ThrowingCallable call, Problem problem) {
        assertThatThrownBy(call).isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(problem);
    }
}
