package dev.microcred.tlog.merkle;

import static dev.microcred.tlog.merkle.Rfc6962Vectors.ROOTS;
import static dev.microcred.tlog.merkle.Rfc6962Vectors.h;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyProofTest {
    private final MemoryHashStore store = Rfc6962Vectors.store(Rfc6962Vectors.leafHashes());

    // transparency-dev/merkle proof/verify_test.go consistencyProofs
    private final List<ConsistencyProof> vectors = List.of(
            new ConsistencyProof(1, 8, List.of(
                    h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                    h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                    h("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"))),
            new ConsistencyProof(6, 8, List.of(
                    h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                    h("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))),
            new ConsistencyProof(2, 5, List.of(
                    h("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                    h("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"))),
            new ConsistencyProof(6, 7, List.of(
                    h("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                    h("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f"),
                    h("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"))));

    @Test
    void publishedProofsVerify() {
        for (ConsistencyProof p : vectors) {
            assertThat(p.verify(ROOTS.get((int) p.size1()), ROOTS.get((int) p.size2()))).as("%s", p).isTrue();
        }
    }

    @Test
    void generatedProofsEqualPublishedOnes() {
        for (ConsistencyProof p : vectors) {
            assertThat(ConsistencyProof.generate(store, p.size1(), p.size2())).isEqualTo(p);
        }
    }

    @Test
    void everyCorruptionOfPublishedProofsFails() {
        Hash wrong = TreeHash.leaf("WrongRoot".getBytes());
        for (ConsistencyProof p : vectors) {
            Hash root1 = ROOTS.get((int) p.size1());
            Hash root2 = ROOTS.get((int) p.size2());
            List<ConsistencyProof> probes = new ArrayList<>();
            probes.add(new ConsistencyProof(p.size1() - 1, p.size2(), p.hashes()));
            probes.add(new ConsistencyProof(p.size1() + 1, p.size2(), p.hashes()));
            probes.add(new ConsistencyProof(p.size1() ^ 2, p.size2(), p.hashes()));
            probes.add(new ConsistencyProof(p.size1(), p.size2() * 2, p.hashes()));
            probes.add(new ConsistencyProof(p.size1(), p.size2() / 2, p.hashes()));
            probes.add(new ConsistencyProof(p.size1(), p.size2(), List.of()));
            for (Hash extra : List.of(root1, root2)) {
                List<Hash> trailing = new ArrayList<>(p.hashes());
                trailing.add(extra);
                probes.add(new ConsistencyProof(p.size1(), p.size2(), trailing));
                List<Hash> preceding = new ArrayList<>(p.hashes());
                preceding.add(0, extra);
                probes.add(new ConsistencyProof(p.size1(), p.size2(), preceding));
            }
            probes.add(new ConsistencyProof(p.size1(), p.size2(), p.hashes().subList(0, p.hashes().size() - 1)));
            for (int i = 0; i < p.hashes().size(); i++) {
                List<Hash> flipped = new ArrayList<>(p.hashes());
                byte[] bytes = flipped.get(i).toArray();
                bytes[0] ^= 16;
                flipped.set(i, Hash.of(bytes));
                probes.add(new ConsistencyProof(p.size1(), p.size2(), flipped));
            }
            for (ConsistencyProof probe : probes) {
                assertThat(probe.verify(root1, root2)).as("%s against %s", probe, p).isFalse();
            }
            assertThat(p.verify(wrong, root2)).isFalse();
            assertThat(p.verify(root1, wrong)).isFalse();
            assertThat(p.verify(root2, root1)).isFalse();
        }
    }

    @Test
    void trivialSizesFollowTheReferenceEdgeCases() {
        Hash root1 = TreeHash.leaf("don't care 1".getBytes());
        Hash root2 = TreeHash.leaf("don't care 2".getBytes());
        List<Hash> none = List.of();
        List<Hash> one = List.of(TreeHash.EMPTY);
        assertThat(new ConsistencyProof(0, 0, none).verify(root1, root2)).isFalse();
        assertThat(new ConsistencyProof(1, 1, none).verify(root1, root2)).isFalse();
        assertThat(new ConsistencyProof(0, 0, none).verify(root1, root1)).isTrue();
        assertThat(new ConsistencyProof(0, 1, none).verify(root1, root2)).isTrue();
        assertThat(new ConsistencyProof(1, 1, none).verify(root2, root2)).isTrue();
        assertThat(new ConsistencyProof(1, 0, none).verify(root1, root2)).isFalse();
        assertThat(new ConsistencyProof(2, 1, none).verify(root1, root2)).isFalse();
        assertThat(new ConsistencyProof(1, 2, none).verify(root1, root2)).isFalse();
        assertThat(new ConsistencyProof(0, 0, one).verify(TreeHash.EMPTY, TreeHash.EMPTY)).isFalse();
        assertThat(new ConsistencyProof(0, 1, one).verify(TreeHash.EMPTY, TreeHash.EMPTY)).isFalse();
        assertThat(new ConsistencyProof(1, 1, one).verify(TreeHash.EMPTY, TreeHash.EMPTY)).isFalse();
    }

    @Test
    void generationRefusesBackwardsSizes() {
        assertThatThrownBy(() -> ConsistencyProof.generate(store, 5, 4)).isInstanceOf(MicrocredException.class);
        assertThat(ConsistencyProof.generate(store, 0, 8).hashes()).isEmpty();
        assertThat(ConsistencyProof.generate(store, 8, 8).hashes()).isEmpty();
    }
}
