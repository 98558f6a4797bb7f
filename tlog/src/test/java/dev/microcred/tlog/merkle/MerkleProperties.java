package dev.microcred.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class MerkleProperties {
    private static final int MAX = 3000;
    private static final List<Hash> LEAVES = Rfc6962Vectors.syntheticLeaves(MAX);
    private static final MemoryHashStore STORE = Rfc6962Vectors.store(LEAVES);

    @Property(tries = 150)
    void incrementalRootEqualsRecursiveDefinition(@ForAll @IntRange(min = 0, max = 700) int size) {
        List<Hash> leaves = LEAVES.subList(0, size);
        assertThat(CompactRange.EMPTY.appendAll(leaves, NodeSink.NONE).root()).isEqualTo(TreeHash.root(leaves));
        assertThat(TreeHash.root(STORE, size)).isEqualTo(TreeHash.root(leaves));
    }

    @Property(tries = 200)
    void everyInclusionProofVerifies(@ForAll("leafInTree") long[] leafAndSize) {
        long index = leafAndSize[0];
        long size = leafAndSize[1];
        InclusionProof proof = InclusionProof.generate(STORE, index, size);
        Hash root = TreeHash.root(STORE, size);
        assertThat(proof.verify(LEAVES.get((int) index), root)).isTrue();
        assertThat(proof.verify(LEAVES.get((int) ((index + 1) % MAX)), root)).isFalse();
    }

    @Property(tries = 200)
    void anyFlippedBitInAnInclusionProofFails(@ForAll("leafInTree") long[] leafAndSize,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where) {
        InclusionProof proof = InclusionProof.generate(STORE, leafAndSize[0], leafAndSize[1]);
        Hash root = TreeHash.root(STORE, leafAndSize[1]);
        Hash leaf = LEAVES.get((int) leafAndSize[0]);
        int slots = proof.hashes().size() + 2;   // every proof hash, the leaf and the root
        int slot = where % slots;
        int bit = (where / slots) % 256;
        if (slot < proof.hashes().size()) {
            List<Hash> hashes = new ArrayList<>(proof.hashes());
            hashes.set(slot, flip(hashes.get(slot), bit));
            assertThat(new InclusionProof(proof.index(), proof.treeSize(), hashes).verify(leaf, root)).isFalse();
        } else if (slot == proof.hashes().size()) {
            assertThat(proof.verify(flip(leaf, bit), root)).isFalse();
        } else {
            assertThat(proof.verify(leaf, flip(root, bit))).isFalse();
        }
    }

    @Property(tries = 200)
    void everyConsistencyProofVerifies(@ForAll("twoSizes") long[] sizes) {
        ConsistencyProof proof = ConsistencyProof.generate(STORE, sizes[0], sizes[1]);
        Hash root1 = TreeHash.root(STORE, sizes[0]);
        Hash root2 = TreeHash.root(STORE, sizes[1]);
        assertThat(proof.verify(root1, root2)).isTrue();
    }

    @Property(tries = 200)
    void anyFlippedBitInAConsistencyProofFails(@ForAll("twoSizes") long[] sizes,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where) {
        long size1 = sizes[0];
        long size2 = sizes[1];
        ConsistencyProof proof = ConsistencyProof.generate(STORE, size1, size2);
        Hash root1 = TreeHash.root(STORE, size1);
        Hash root2 = TreeHash.root(STORE, size2);
        int slots = proof.hashes().size() + 2;
        int slot = where % slots;
        int bit = (where / slots) % 256;
        if (slot < proof.hashes().size()) {
            List<Hash> hashes = new ArrayList<>(proof.hashes());
            hashes.set(slot, flip(hashes.get(slot), bit));
            assertThat(new ConsistencyProof(size1, size2, hashes).verify(root1, root2)).isFalse();
        } else if (slot == proof.hashes().size()) {
            // the empty tree is consistent with everything: its root is not checked
            if (size1 > 0) {
                assertThat(proof.verify(flip(root1, bit), root2)).isFalse();
            }
        } else if (size1 > 0) {
            assertThat(proof.verify(root1, flip(root2, bit))).isFalse();
        }
    }

    @Property(tries = 100)
    void aProofBetweenOtherSizesDoesNotVerify(@ForAll("twoSizes") long[] sizes) {
        long size1 = sizes[0];
        long size2 = sizes[1];
        if (size1 == 0 || size1 == size2) {
            return;
        }
        ConsistencyProof proof = ConsistencyProof.generate(STORE, size1, size2);
        Hash root1 = TreeHash.root(STORE, size1);
        Hash root2 = TreeHash.root(STORE, size2);
        ConsistencyProof shifted = new ConsistencyProof(size1 - 1, size2, proof.hashes());
        assertThat(shifted.verify(TreeHash.root(STORE, size1 - 1), root2)).isFalse();
        assertThat(new ConsistencyProof(size1, size2, proof.hashes()).verify(root2, root1)).isFalse();
    }

    @Provide
    Arbitrary<long[]> leafInTree() {
        return Arbitraries.integers().between(1, MAX).flatMap(size ->
                Arbitraries.integers().between(0, size - 1).map(index -> new long[] {index, size}));
    }

    @Provide
    Arbitrary<long[]> twoSizes() {
        return Combinators.combine(Arbitraries.integers().between(0, MAX), Arbitraries.integers().between(0, MAX))
                .as((a, b) -> new long[] {Math.min(a, b), Math.max(a, b)});
    }

    static Hash flip(Hash hash, int bit) {
        byte[] bytes = hash.toArray();
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Hash.of(bytes);
    }
}
