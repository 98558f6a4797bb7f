package dev.microcred.tlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import dev.microcred.tlog.note.SignedNote;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckpointSignerTest {
    private static final String ORIGIN = "log.microcred.example/test";
    private final Ed25519NoteSigner key = Ed25519NoteSigner.generate(ORIGIN);
    private final MemoryHashStore tree = new MemoryHashStore();
    private final CompactRange range = CompactRange.EMPTY.appendAll(leaves("entry", 20), tree);

    @Test
    void signsAGrowingLogWithProofsFromTheStoredTree() {
        CheckpointSigner signer = new CheckpointSigner(key, Optional.empty());
        SignedNote first = signer.sign(checkpoint(5), tree);
        assertThat(first.verify(List.of(key.verifier())).valid()).isTrue();
        signer.sign(checkpoint(5), tree);
        signer.sign(checkpoint(13), ConsistencyProof.generate(tree, 5, 13));
        signer.sign(checkpoint(20), tree);
        assertThat(signer.lastSigned()).contains(checkpoint(20));
    }

    @Test
    void refusesASmallerTree() {
        CheckpointSigner signer = new CheckpointSigner(key, Optional.of(checkpoint(13)));
        assertThatThrownBy(() -> signer.sign(checkpoint(12), tree))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("smaller");
        assertThat(signer.lastSigned()).contains(checkpoint(13));
    }

    @Test
    void refusesTheSameSizeWithAnotherRoot() {
        CheckpointSigner signer = new CheckpointSigner(key, Optional.of(checkpoint(13)));
        Checkpoint forked = Checkpoint.of(ORIGIN, 13, TreeHash.leaf("fork".getBytes()));
        assertThatThrownBy(() -> signer.sign(forked, new ConsistencyProof(13, 13, List.of())))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("not consistent");
    }

    @Test
    void refusesARewrittenHistory() {
        CheckpointSigner signer = new CheckpointSigner(key, Optional.of(checkpoint(13)));
        MemoryHashStore rewritten = new MemoryHashStore();
        CompactRange other = CompactRange.EMPTY.appendAll(leaves("other", 20), rewritten);
        Checkpoint next = Checkpoint.of(ORIGIN, 20, other.root());
        assertThatThrownBy(() -> signer.sign(next, rewritten))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("not consistent");
        assertThatThrownBy(() -> signer.sign(next, ConsistencyProof.generate(tree, 13, 20)))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("not consistent");
    }

    @Test
    void refusesAProofBetweenOtherSizes() {
        CheckpointSigner signer = new CheckpointSigner(key, Optional.of(checkpoint(13)));
        assertThatThrownBy(() -> signer.sign(checkpoint(20), ConsistencyProof.generate(tree, 12, 20)))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("not from the last signed size");
    }

    @Test
    void refusesAnotherOrigin() {
        CheckpointSigner signer = new CheckpointSigner(key, Optional.empty());
        Checkpoint foreign = Checkpoint.of("other.example/log", 5, root(5));
        assertThatThrownBy(() -> signer.sign(foreign, tree)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> new CheckpointSigner(key, Optional.of(foreign)))
                .isInstanceOf(MicrocredException.class);
    }

    private Checkpoint checkpoint(long size) {
        return Checkpoint.of(ORIGIN, size, root(size));
    }

    private Hash root(long size) {
        return TreeHash.root(tree, size);
    }

    static List<Hash> leaves(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> TreeHash.leaf((prefix + i).getBytes())).toList();
    }
}
