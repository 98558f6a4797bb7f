package dev.microcred.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.tlog.note.SignedNote;
import org.junit.jupiter.api.Test;

class CheckpointDigestTest {
    // c2sp.org/tlog-checkpoint example note text
    private static final String TEXT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    @Test
    void hashesTheNoteTextAsUtf8() throws Exception {
        CheckpointDigest digest = CheckpointDigest.of(TEXT);
        assertThat(digest.sha256().hex()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(TEXT.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(digest.checkpoint().origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(digest.checkpoint().size()).isEqualTo(20852163);
    }

    @Test
    void aSignedNoteHasTheDigestOfItsTextWhateverItsSignatures() {
        TestCheckpoints log = new TestCheckpoints("log.example/anchor-test").append(5);
        SignedNote note = log.checkpoint();
        CheckpointDigest bare = CheckpointDigest.of(note.text());
        assertThat(CheckpointDigest.of(note.format())).isEqualTo(bare);
        SignedNote cosigned = note.withSignatures(dev.microcred.tlog.note.Ed25519NoteSigner.generate("w.example"));
        assertThat(CheckpointDigest.of(cosigned.format())).isEqualTo(bare);
    }

    @Test
    void rejectsWhatIsNotACheckpoint() {
        assertThatThrownBy(() -> CheckpointDigest.of("example.com\n12\n")).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> CheckpointDigest.of(TEXT.strip())).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> CheckpointDigest.of(TEXT.replace("20852163", "020852163")))
                .isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> CheckpointDigest.of(TEXT + "\nnot a signature\n"))
                .isInstanceOf(MicrocredException.class);
    }
}
