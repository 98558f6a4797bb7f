package dev.microcred.tlog.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {
    @Test
    void rootAfterEachAppendMatchesRfc6962Vectors() {
        CompactRange range = CompactRange.EMPTY;
        assertThat(range.root()).isEqualTo(Rfc6962Vectors.ROOTS.get(0));
        List<Hash> leaves = Rfc6962Vectors.leafHashes();
        for (int i = 0; i < leaves.size(); i++) {
            range = range.append(leaves.get(i), NodeSink.NONE);
            assertThat(range.size()).isEqualTo(i + 1);
            assertThat(range.root()).isEqualTo(Rfc6962Vectors.ROOTS.get(i + 1));
        }
    }

    @Test
    void sinkReceivesEveryCompleteSubtreeInOrder() {
        List<String> created = new ArrayList<>();
        CompactRange.EMPTY.appendAll(Rfc6962Vectors.leafHashes().subList(0, 4),
                (level, index, hash) -> created.add(level + "/" + index));
        assertThat(created).containsExactly("0/0", "0/1", "1/0", "0/2", "0/3", "1/1", "2/0");
    }

    @Test
    void frontierHoldsOneHashPerSetBitAndResumes() {
        List<Hash> leaves = Rfc6962Vectors.syntheticLeaves(1000);
        MemoryHashStore store = new MemoryHashStore();
        CompactRange full = CompactRange.EMPTY.appendAll(leaves, store);
        CompactRange part = CompactRange.EMPTY.appendAll(leaves.subList(0, 613), NodeSink.NONE);
        assertThat(part.frontier()).hasSize(Long.bitCount(613));
        CompactRange resumed = CompactRange.of(613, part.frontier()).appendAll(leaves.subList(613, 1000),
                NodeSink.NONE);
        assertThat(resumed).isEqualTo(full);
        assertThat(CompactRange.read(store, 613)).isEqualTo(part);
        assertThat(full.root()).isEqualTo(TreeHash.root(leaves));
    }

    @Test
    void refusesAFrontierOfTheWrongShape() {
        assertThatThrownBy(() -> CompactRange.of(3, List.of(TreeHash.EMPTY)))
                .isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> CompactRange.of(-1, List.of())).isInstanceOf(MicrocredException.class);
    }

    @Test
    void storeRefusesHashesOutOfOrderAndUnknownReads() {
        MemoryHashStore store = new MemoryHashStore();
        assertThatThrownBy(() -> store.accept(0, 1, TreeHash.EMPTY)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> store.hash(0, 0)).isInstanceOf(MicrocredException.class);
    }
}
