package dev.microcred.tlog.merkle;

import static dev.microcred.tlog.merkle.Rfc6962Vectors.ROOTS;
import static dev.microcred.tlog.merkle.Rfc6962Vectors.h;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InclusionProofTest {
    private final List<Hash> leaves = Rfc6962Vectors.leafHashes();
    private final MemoryHashStore store = Rfc6962Vectors.store(leaves);

    // transparency-dev/merkle proof/verify_test.go inclusionProofs (there with 1-based leaf numbers)
    private final List<InclusionProof> vectors = List.of(
            new InclusionProof(0, 8, List.of(
                    h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                    h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                    h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"))),
            new InclusionProof(5, 8, List.of(
                    h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                    h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))),
            new InclusionProof(2, 3, List.of(
                    h("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"))),
            new InclusionProof(1, 5, List.of(
                    h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
                    h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                    h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"))),
            new InclusionProof(0, 1, List.of()));

    @Test
    void publishedProofsVerify() {
        for (InclusionProof proof : vectors) {
            Hash leaf = leaves.get((int) proof.index());
            assertThat(proof.verify(leaf, ROOTS.get((int) proof.treeSize()))).as("%s", proof).isTrue();
        }
    }

    @Test
    void generatedProofsEqualPublishedOnes() {
        for (InclusionProof proof : vectors) {
            assertThat(InclusionProof.generate(store, proof.index(), proof.treeSize())).isEqualTo(proof);
        }
    }

    @Test
    void everyCorruptionOfPublishedProofsFails() {
        Hash someHash = h("abacaba000000000000000000000000000000000000000000060061e00123456");
        for (InclusionProof p : vectors) {
            Hash leaf = leaves.get((int) p.index());
            Hash root = ROOTS.get((int) p.treeSize());
            List<InclusionProof> probes = new ArrayList<>();
            if (p.index() > 0) {
                probes.add(new InclusionProof(p.index() - 1, p.treeSize(), p.hashes()));
            }
            probes.add(new InclusionProof(p.index() + 1, p.treeSize(), p.hashes()));
            probes.add(new InclusionProof(p.index() ^ 2, p.treeSize(), p.hashes()));
            probes.add(new InclusionProof(p.index(), p.treeSize() * 2, p.hashes()));
            probes.add(new InclusionProof(p.index(), p.treeSize() / 2, p.hashes()));
            probes.add(new InclusionProof(p.index(), p.treeSize(), append(p.hashes(), root)));
            probes.add(new InclusionProof(p.index(), p.treeSize(), prepend(root, p.hashes())));
            for (int i = 0; i < p.hashes().size(); i++) {
                List<Hash> flipped = new ArrayList<>(p.hashes());
                byte[] bytes = flipped.get(i).toArray();
                bytes[0] ^= 8;
                flipped.set(i, Hash.of(bytes));
                probes.add(new InclusionProof(p.index(), p.treeSize(), flipped));
            }
            if (!p.hashes().isEmpty()) {
                probes.add(new InclusionProof(p.index(), p.treeSize(), p.hashes().subList(0, p.hashes().size() - 1)));
            }
            if (p.hashes().size() > 1) {
                List<Hash> inserted = new ArrayList<>(p.hashes());
                inserted.add(1, someHash);
                probes.add(new InclusionProof(p.index(), p.treeSize(), inserted));
            }
            for (InclusionProof probe : probes) {
                assertThat(probe.verify(leaf, root)).as("%s against %s", probe, p).isFalse();
            }
            assertThat(p.verify(someHash, root)).isFalse();
            assertThat(p.verify(leaf, TreeHash.EMPTY)).isFalse();
            assertThat(p.verify(leaf, someHash)).isFalse();
        }
    }

    @Test
    void emptyTreeAndOutOfRangeIndexesProveNothing() {
        Hash leaf = leaves.get(0);
        assertThat(new InclusionProof(0, 0, List.of()).verify(leaf, TreeHash.EMPTY)).isFalse();
        assertThat(new InclusionProof(1, 1, List.of()).verify(leaf, leaf)).isFalse();
        assertThat(new InclusionProof(2, 1, List.of()).verify(leaf, leaf)).isFalse();
        assertThatThrownBy(() -> InclusionProof.generate(store, 8, 8)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> InclusionProof.generate(store, -1, 8)).isInstanceOf(MicrocredException.class);
    }

    @Test
    void singleLeafTreeHasEmptyPathAndItsLeafAsRoot() {
        Hash leaf = TreeHash.leaf("data".getBytes());
        assertThat(new InclusionProof(0, 1, List.of()).verify(leaf, leaf)).isTrue();
        assertThat(new InclusionProof(0, 1, List.of()).verify(leaf, TreeHash.EMPTY)).isFalse();
    }

    private static List<Hash> append(List<Hash> list, Hash hash) {
        List<Hash> copy = new ArrayList<>(list);
        copy.add(hash);
        return copy;
    }

    private static List<Hash> prepend(Hash hash, List<Hash> list) {
        List<Hash> copy = new ArrayList<>(list);
        copy.add(0, hash);
        return copy;
    }
}
