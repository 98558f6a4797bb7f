package dev.microcred.tlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import dev.microcred.tlog.note.SignedNote;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    /** The example of c2sp.org/tlog-checkpoint. */
    static final String SPEC_EXAMPLE = """
            example.com/behind-the-sofa
            20852163
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

            \u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
            """;

    @Test
    void parsesTheSpecExample() {
        SignedNote note = SignedNote.parse(SPEC_EXAMPLE);
        Checkpoint checkpoint = Checkpoint.from(note);
        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(checkpoint.root()).isEqualTo(Hash.parseBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        assertThat(checkpoint.extensions()).isEmpty();
        assertThat(checkpoint.text()).isEqualTo(note.text());
        assertThat(note.signatures().get(0).keyId()).isEqualTo(0x033de0ae);
        assertThat(note.format()).isEqualTo(SPEC_EXAMPLE);
    }

    @Test
    void extensionLinesRoundTrip() {
        String text = "example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nextension one\nx\n";
        Checkpoint checkpoint = Checkpoint.parse(text);
        assertThat(checkpoint.extensions()).containsExactly("extension one", "x");
        assertThat(checkpoint.text()).isEqualTo(text);
    }

    @Test
    void signedCheckpointRoundTripsAndVerifies() {
        Ed25519NoteSigner key = Ed25519NoteSigner.generate("example.com/log");
        Checkpoint checkpoint = Checkpoint.of("example.com/log", 7,
                Hash.parseBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        SignedNote note = SignedNote.parse(SignedNote.sign(checkpoint.text(), key).format());
        assertThat(Checkpoint.from(note)).isEqualTo(checkpoint);
        assertThat(note.verify(List.of(key.verifier())).valid()).isTrue();
    }

    @Test
    void rejectsMalformedBodies() {
        String root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        List<String> bad = List.of(
                "example.com/log\n7\n" + root,
                "example.com/log\n7\n",
                "\n7\n" + root + "\n",
                "example.com/log\n07\n" + root + "\n",
                "example.com/log\n-7\n" + root + "\n",
                "example.com/log\n+7\n" + root + "\n",
                "example.com/log\n 7\n" + root + "\n",
                "example.com/log\n9223372036854775808\n" + root + "\n",
                "example.com/log\n7\n" + root.replace("=", "") + "\n",
                "example.com/log\n7\nAAAA\n",
                "example.com/log\n7\n" + root + "\n\n",
                "example.com/log\n7\n" + root + "\next\n\n");
        for (String text : bad) {
            assertThatThrownBy(() -> Checkpoint.parse(text)).as(text).isInstanceOf(MicrocredException.class);
        }
    }
}
