package dev.microcred.tlog.note;

import static dev.microcred.tlog.note.SignedNoteTest.PETER_SKEY;
import static dev.microcred.tlog.note.SignedNoteTest.PETER_VKEY;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import org.junit.jupiter.api.Test;

/** The mangling checks of Go's sumdb/note TestNewVerifier and TestNewSigner. */
class VerifierKeyTest {
    @Test
    void everyProperSubstringOfAVerifierKeyIsRejected() {
        for (int i = 0; i <= PETER_VKEY.length(); i++) {
            for (int j = i + 1; j <= PETER_VKEY.length(); j++) {
                if (i != 0 || j != PETER_VKEY.length()) {
                    String key = PETER_VKEY.substring(i, j);
                    assertThatThrownBy(() -> Ed25519NoteVerifier.parse(key)).as(key)
                            .isInstanceOf(MicrocredException.class);
                }
            }
        }
    }

    @Test
    void everyChangedCharacterOfAVerifierKeyIsRejected() {
        for (int i = 0; i < PETER_VKEY.length(); i++) {
            String key = PETER_VKEY.substring(0, i) + (char) (PETER_VKEY.charAt(i) + 1) + PETER_VKEY.substring(i + 1);
            assertThatThrownBy(() -> Ed25519NoteVerifier.parse(key)).as(key).isInstanceOf(MicrocredException.class);
        }
    }

    @Test
    void wrongLengthAndUnknownAlgorithmAreRejectedEvenWithAdjustedKeyIds() {
        assertThatThrownBy(() -> Ed25519NoteVerifier.parse(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> Ed25519NoteVerifier.parse(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void everyProperSubstringAndChangedCharacterOfASignerKeyIsRejected() {
        assertThatCode(() -> Ed25519NoteSigner.parse(PETER_SKEY)).doesNotThrowAnyException();
        for (int i = 0; i <= PETER_SKEY.length(); i++) {
            for (int j = i + 1; j <= PETER_SKEY.length(); j++) {
                if (i != 0 || j != PETER_SKEY.length()) {
                    String key = PETER_SKEY.substring(i, j);
                    assertThatThrownBy(() -> Ed25519NoteSigner.parse(key)).as(key)
                            .isInstanceOf(MicrocredException.class);
                }
            }
        }
        for (int i = 0; i < PETER_SKEY.length(); i++) {
            String key = PETER_SKEY.substring(0, i) + (char) (PETER_SKEY.charAt(i) + 1) + PETER_SKEY.substring(i + 1);
            assertThatThrownBy(() -> Ed25519NoteSigner.parse(key)).as(key).isInstanceOf(MicrocredException.class);
        }
    }

    @Test
    void namesWithSpacesOrPlusAreRejected() {
        for (String name : new String[] {"", "a b", "a+b", "a\u00a0b", "a\u2003b", "a\tb"}) {
            assertThatThrownBy(() -> Ed25519NoteSigner.generate(name)).as(name).isInstanceOf(MicrocredException.class);
        }
    }
}
