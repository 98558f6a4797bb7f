package dev.microcred.tlog.witness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import dev.microcred.tlog.note.NoteSignature;
import dev.microcred.tlog.note.NoteVerifier;
import dev.microcred.tlog.note.SignedNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WitnessTest {
    static final String ORIGIN = "log.microcred.example/test";
    private final Ed25519NoteSigner log = Ed25519NoteSigner.generate(ORIGIN);
    private final Ed25519Cosigner cosigner = new Ed25519Cosigner("witness.example/w1",
            Ed25519PrivateKey.generate(), CosignatureTest.CLOCK);
    private final Witness witness = new Witness(cosigner, Map.of(ORIGIN, List.<NoteVerifier>of(log.verifier())));
    private final MemoryHashStore tree = new MemoryHashStore();

    WitnessTest() {
        CompactRange.EMPTY.appendAll(IntStream.range(0, 20).mapToObj(i -> TreeHash.leaf(("e" + i).getBytes()))
                .toList(), tree);
    }

    @Test
    void parsesAndFormatsTheSpecExampleRequest() {
        String body = """
                old 20852014
                PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
                jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
                5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=
                /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=

                example.com/behind-the-sofa
                20852163
                CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

                \u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
                \u2014 example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=
                """;
        AddCheckpointRequest request = AddCheckpointRequest.parse(body);
        assertThat(request.oldSize()).isEqualTo(20852014L);
        assertThat(request.proof()).hasSize(4);
        assertThat(request.checkpoint().signatures()).hasSize(2);
        assertThat(request.format()).isEqualTo(body);
    }

    @Test
    void cosignsTheFirstCheckpointOfALog() {
        WitnessResponse response = witness.addCheckpoint(request(0, 5), origin -> Optional.empty());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.newState()).contains(checkpoint(5));
        List<NoteSignature> lines = Cosignature.parseLines(response.body());
        SignedNote cosigned = signed(5).withSignatures(lines);
        assertThat(cosigned.verify(List.of(witness.verifier())).valid()).isTrue();
        assertThat(Cosignature.from(lines.get(0)).timestamp()).isEqualTo(1679315147L);
    }

    @Test
    void cosignsAConsistentExtension() {
        WitnessResponse response = witness.addCheckpoint(request(13, 20), stored(13));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.newState()).contains(checkpoint(20));
    }

    @Test
    void answersConflictWithItsSizeWhenOldIsStale() {
        WitnessResponse response = witness.addCheckpoint(request(5, 20), stored(13));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).isEqualTo("text/x.tlog.size");
        assertThat(response.body()).isEqualTo("13\n");
        assertThat(response.newState()).isEmpty();
        assertThat(witness.addCheckpoint(request(0, 20), stored(13)).body()).isEqualTo("13\n");
        assertThat(witness.addCheckpoint(request(13, 20), origin -> Optional.empty()).body()).isEqualTo("0\n");
    }

    @Test
    void rejectsABadConsistencyProof() {
        ConsistencyProof proof = ConsistencyProof.generate(tree, 13, 20);
        List<Hash> hashes = new ArrayList<>(proof.hashes());
        byte[] bytes = hashes.get(0).toArray();
        bytes[5] ^= 1;
        hashes.set(0, Hash.of(bytes));
        String body = new AddCheckpointRequest(13, hashes, signed(20)).format();
        assertThat(witness.addCheckpoint(body, stored(13)).status()).isEqualTo(422);
        String fromZero = new AddCheckpointRequest(0, proof.hashes(), signed(20)).format();
        assertThat(witness.addCheckpoint(fromZero, origin -> Optional.empty()).status()).isEqualTo(422);
    }

    @Test
    void rejectsACheckpointInconsistentWithTheStoredOne() {
        // a proof that is valid for the log's tree, but the witness saw another tree at size 13
        Checkpoint forked = Checkpoint.of(ORIGIN, 13, TreeHash.leaf("fork".getBytes()));
        assertThat(witness.addCheckpoint(request(13, 20), origin -> Optional.of(forked)).status()).isEqualTo(422);
    }

    @Test
    void rejectsAnUnknownOrigin() {
        Ed25519NoteSigner other = Ed25519NoteSigner.generate("other.example/log");
        SignedNote note = SignedNote.sign(Checkpoint.of("other.example/log", 5, TreeHash.root(tree, 5)).text(), other);
        String body = new AddCheckpointRequest(0, List.of(), note).format();
        assertThat(witness.addCheckpoint(body, origin -> Optional.empty()).status()).isEqualTo(404);
    }

    @Test
    void rejectsACheckpointNotSignedByTheLog() {
        Ed25519NoteSigner impostor = Ed25519NoteSigner.generate(ORIGIN);
        SignedNote note = SignedNote.sign(checkpoint(5).text(), impostor);
        String body = new AddCheckpointRequest(0, List.of(), note).format();
        assertThat(witness.addCheckpoint(body, origin -> Optional.empty()).status()).isEqualTo(403);
        // the log's own signature, over another text, moved onto this checkpoint
        NoteSignature moved = SignedNote.sign(checkpoint(6).text(), log).signatures().get(0);
        String forged = new AddCheckpointRequest(0, List.of(), new SignedNote(checkpoint(5).text(), List.of(moved)))
                .format();
        assertThat(witness.addCheckpoint(forged, origin -> Optional.empty()).status()).isEqualTo(403);
    }

    @Test
    void rejectsASizeGoingBackwards() {
        String body = new AddCheckpointRequest(13, List.of(), signed(10)).format();
        assertThat(witness.addCheckpoint(body, stored(13)).status()).isEqualTo(400);
    }

    @Test
    void sameSizeSameRootIsCosignedAgainAndAnotherRootConflicts() {
        String same = new AddCheckpointRequest(13, List.of(), signed(13)).format();
        assertThat(witness.addCheckpoint(same, stored(13)).status()).isEqualTo(200);
        Checkpoint other = Checkpoint.of(ORIGIN, 13, TreeHash.leaf("other".getBytes()));
        String conflicting = new AddCheckpointRequest(13, List.of(), SignedNote.sign(other.text(), log)).format();
        WitnessResponse response = witness.addCheckpoint(conflicting, stored(13));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("13\n");
        String withProof = new AddCheckpointRequest(13, List.of(TreeHash.EMPTY), signed(13)).format();
        assertThat(witness.addCheckpoint(withProof, stored(13)).status()).isEqualTo(422);
    }

    @Test
    void rejectsMalformedRequests() {
        for (String body : List.of("", "old 5\n", "old 05\n\n" + signed(5).format(), "new 5\n\n" + signed(5).format(),
                "old 0\nnot-base64\n\n" + signed(5).format(), "old 0\n\nexample\n")) {
            assertThat(witness.addCheckpoint(body, origin -> Optional.empty()).status()).as(body).isEqualTo(400);
        }
        String tooLong = "old 0\n" + (TreeHash.EMPTY.base64() + "\n").repeat(64) + "\n" + signed(5).format();
        assertThat(witness.addCheckpoint(tooLong, origin -> Optional.empty()).status()).isEqualTo(400);
    }

    private String request(long oldSize, long newSize) {
        return AddCheckpointRequest.of(ConsistencyProof.generate(tree, oldSize, newSize), signed(newSize)).format();
    }

    private java.util.function.Function<String, Optional<Checkpoint>> stored(long size) {
        return origin -> origin.equals(ORIGIN) ? Optional.of(checkpoint(size)) : Optional.empty();
    }

    private Checkpoint checkpoint(long size) {
        return Checkpoint.of(ORIGIN, size, TreeHash.root(tree, size));
    }

    private SignedNote signed(long size) {
        return SignedNote.sign(checkpoint(size).text(), log);
    }
}
