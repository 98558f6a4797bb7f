package dev.microcred.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.crypto.Ed25519PrivateKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors from Go's golang.org/x/mod/sumdb/note note_test.go. */
class SignedNoteTest {
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZS"
            + "NXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5o"
            + "vTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private final Ed25519NoteVerifier peter = Ed25519NoteVerifier.parse(PETER_VKEY);
    private final Ed25519NoteVerifier enoch = Ed25519NoteVerifier.parse(ENOCH_VKEY);

    @Test
    void signingReproducesGoSumdbNoteVector() {
        Ed25519NoteSigner signer = Ed25519NoteSigner.parse(PETER_SKEY);
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.verifier()).isEqualTo(peter);
        assertThat(SignedNote.sign(TEXT, signer).format()).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void keysRoundTrip() {
        assertThat(peter.verifierKey().format()).isEqualTo(PETER_VKEY);
        assertThat(Ed25519NoteSigner.parse(PETER_SKEY).format()).isEqualTo(PETER_SKEY);
        assertThat(Ed25519NoteSigner.parse(PETER_SKEY).toString()).doesNotContain("AYEKFALV");
        Ed25519NoteSigner fresh = Ed25519NoteSigner.generate("example.com/log");
        assertThat(Ed25519NoteSigner.parse(fresh.format()).verifier()).isEqualTo(fresh.verifier());
        assertThat(Ed25519NoteVerifier.parse(fresh.verifier().verifierKey().format())).isEqualTo(fresh.verifier());
    }

    @Test
    void keyIdIsSha256OfNameNewlineTypeAndKey() {
        assertThat(VerifierKey.keyId("PeterNeumann", 1, peter.verifierKey().publicKey().toArray()))
                .isEqualTo(0xc74f20a3);
        assertThat(enoch.keyId()).isEqualTo(0xaf0cfe78);
    }

    @Test
    void opensWithOneKnownAndOneUnknownSignature() {
        SignedNote note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertThat(note.text()).isEqualTo(TEXT);
        NoteVerification verification = note.verify(List.of(peter));
        assertThat(verification.valid()).isTrue();
        assertThat(verification.verifiedBy()).containsExactly(peter);
        assertThat(verification.unknown()).extracting(NoteSignature::name).containsExactly("EnochRoot");
        assertThat(note.verify(List.of(peter, enoch)).verifiedBy()).containsExactly(peter, enoch);
        assertThat(note.verify(List.of()).valid()).isFalse();
        assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
    }

    @Test
    void aFailingKnownSignatureInvalidatesTheNote() {
        String bad = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        NoteVerification verification = SignedNote.parse(TEXT + "\n" + bad).verify(List.of(peter));
        assertThat(verification.valid()).isFalse();
        assertThat(verification.failed()).hasSize(1);
        // the same signature under another name is someone else's: ignored, and nothing verifies
        String misnamed = PETER_SIG.replace("PeterNeumann", "CarmenSandiego");
        NoteVerification other = SignedNote.parse(TEXT + "\n" + misnamed).verify(List.of(peter));
        assertThat(other.failed()).isEmpty();
        assertThat(other.unknown()).hasSize(1);
        assertThat(other.valid()).isFalse();
    }

    @Test
    void rejectsMalformedEncodings() {
        List<String> bad = List.of(
                TEXT,
                TEXT + "\n",
                TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIG,
                TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdng"
                        + "otpRZb6KE6RyyBwJnAM=\n",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                TEXT + "\n" + PETER_SIG.repeat(SignedNote.MAX_SIGNATURES + 1),
                TEXT + "\n" + "\u2014 a+b AAAAAAAA\n",
                TEXT + "\n" + "\u2014 short AAAA\n");
        for (String encoded : bad) {
            assertThatThrownBy(() -> SignedNote.parse(encoded)).as(encoded).isInstanceOf(MicrocredException.class);
        }
        byte[] invalidUtf8 = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        invalidUtf8[0] = (byte) 0xff;
        assertThatThrownBy(() -> SignedNote.parse(invalidUtf8)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> SignedNote.sign("abc", Ed25519NoteSigner.parse(PETER_SKEY)))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void textMayContainBlankLines() {
        Ed25519NoteSigner signer = Ed25519NoteSigner.of("quasimodo.example/salvatore",
                Ed25519PrivateKey.fromSeed(new byte[32]));
        String poem = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned \u00e8 subito sera.\n";
        SignedNote parsed = SignedNote.parse(SignedNote.sign(poem, signer).format());
        assertThat(parsed.text()).isEqualTo(poem);
        assertThat(parsed.verify(List.of(signer.verifier())).valid()).isTrue();
    }

    @Test
    void anyChangedByteOfTheTextFailsVerification() {
        String encoded = TEXT + "\n" + PETER_SIG;
        for (int i = 0; i < TEXT.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '\n') {
                continue;
            }
            String changed = encoded.substring(0, i) + (char) (c ^ 1) + encoded.substring(i + 1);
            assertThat(SignedNote.parse(changed).verify(List.of(peter)).valid()).as("byte %d", i).isFalse();
        }
    }
}
