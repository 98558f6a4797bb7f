package dev.microcred.tlog.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.tlog.note.Ed25519NoteVerifier;
import dev.microcred.tlog.note.NoteSignature;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.note.VerifierKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignatureTest {
    static final String BODY = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1679315147), ZoneOffset.UTC);
    private final Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(Bytes.parseHex(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60").toArray());
    private final Ed25519Cosigner cosigner = new Ed25519Cosigner("witness.example.com/w1", key, CLOCK);

    @Test
    void readsTheTimestampOfTheSpecExample() {
        // c2sp.org/tlog-cosignature example: the cosignature made at "time 1679315147"
        NoteSignature line = NoteSignature.parseLine("\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/"
                + "zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==");
        Cosignature cosignature = Cosignature.from(line);
        assertThat(cosignature.keyId()).isEqualTo(0x8d66cf3f);
        assertThat(cosignature.timestamp()).isEqualTo(1679315147L);
        assertThat(cosignature.time()).isEqualTo(Instant.parse("2023-03-20T12:25:47Z"));
    }

    @Test
    void keyIdUsesSignatureType4() {
        byte[] pub = key.publicKey().bytes();
        assertThat(cosigner.keyId()).isEqualTo(VerifierKey.keyId("witness.example.com/w1", 0x04, pub));
        assertThat(cosigner.keyId())
                .isNotEqualTo(Ed25519NoteVerifier.of("witness.example.com/w1", key.publicKey()).keyId());
        String vkey = cosigner.verifier().verifierKey().format();
        assertThat(vkey).startsWith("witness.example.com/w1+").contains("+BN");
        assertThat(CosignatureVerifier.parse(vkey)).isEqualTo(cosigner.verifier());
        assertThatThrownBy(() -> Ed25519NoteVerifier.parse(vkey)).isInstanceOf(MicrocredException.class);
        String logKey = Ed25519NoteVerifier.of("log", key.publicKey()).verifierKey().format();
        assertThatThrownBy(() -> CosignatureVerifier.parse(logKey)).isInstanceOf(MicrocredException.class);
    }

    @Test
    void signsTheTimestampedMessageAndVerifies() {
        SignedNote note = SignedNote.sign(BODY, cosigner);
        Cosignature cosignature = Cosignature.from(note.signatures().get(0));
        assertThat(cosignature.timestamp()).isEqualTo(1679315147L);
        // the signature is over "cosignature/v1\ntime <t>\n" + body, nothing else
        byte[] message = ("cosignature/v1\ntime 1679315147\n" + BODY).getBytes();
        assertThat(key.publicKey().verify(message, cosignature.signature().toArray())).isTrue();
        assertThat(note.verify(List.of(cosigner.verifier())).valid()).isTrue();
        assertThat(SignedNote.parse(note.format()).verify(List.of(cosigner.verifier())).valid()).isTrue();
    }

    @Test
    void anyFlippedBitOfACosignatureFails() {
        byte[] text = BODY.getBytes();
        byte[] signature = cosigner.sign(text);
        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(cosigner.verifier().verify(text, flipped)).as("bit %d", bit).isFalse();
        }
        byte[] otherText = BODY.replace("20852163", "20852164").getBytes();
        assertThat(cosigner.verifier().verify(otherText, signature)).isFalse();
        assertThat(cosigner.verifier().verify(text, new byte[71])).isFalse();
    }

    @Test
    void parsesResponseLines() {
        String body = SignedNote.sign(BODY, cosigner).signatures().get(0).line();
        assertThat(Cosignature.parseLines(body)).hasSize(1);
        assertThatThrownBy(() -> Cosignature.parseLines(body.trim())).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> Cosignature.from(NoteSignature.parseLine("\u2014 w AAAAAAAA")))
                .isInstanceOf(MicrocredException.class);
    }
}
