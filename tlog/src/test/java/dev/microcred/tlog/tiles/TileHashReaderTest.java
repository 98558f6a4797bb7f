package dev.microcred.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.merkle.TreeHash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TileHashReaderTest {
    static final int SIZE = 70_000;
    static final List<byte[]> ENTRIES = IntStream.range(0, SIZE)
            .mapToObj(i -> ("entry " + i).getBytes()).toList();
    static final MemoryHashStore STORE = new MemoryHashStore();
    static final CompactRange RANGE = CompactRange.EMPTY.appendAll(
            ENTRIES.stream().map(TreeHash::leaf).toList(), STORE);

    /** Serves tiles built from the store, as a log would publish them, and records what was fetched. */
    static final class Published implements TileFetcher {
        final Set<TileId> fetched = new HashSet<>();

        @Override
        public byte[] fetch(TileId id) {
            fetched.add(id);
            return Tile.read(STORE, id).toBytes();
        }
    }

    @Property(tries = 150)
    void inclusionProofsFromTilesEqualThoseFromStoredHashes(@ForAll @IntRange(min = 1, max = SIZE) int size,
            @ForAll @IntRange(min = 0, max = SIZE) int leaf) {
        long index = leaf % size;
        Published published = new Published();
        TileHashReader tiles = new TileHashReader(size, published);
        InclusionProof proof = InclusionProof.generate(tiles, index, size);
        assertThat(proof).isEqualTo(InclusionProof.generate(STORE, index, size));
        assertThat(proof.verify(TreeHash.leaf(ENTRIES.get((int) index)), TreeHash.root(STORE, size))).isTrue();
        assertThat(published.fetched).containsExactlyInAnyOrderElementsOf(ProofTiles.inclusion(index, size));
    }

    @Property(tries = 150)
    void consistencyProofsAndRootsFromTilesEqualThoseFromStoredHashes(
            @ForAll @IntRange(min = 0, max = SIZE) int a, @ForAll @IntRange(min = 0, max = SIZE) int b) {
        int size1 = Math.min(a, b);
        int size2 = Math.max(a, b);
        Published published = new Published();
        TileHashReader tiles = new TileHashReader(size2, published);
        assertThat(ConsistencyProof.generate(tiles, size1, size2))
                .isEqualTo(ConsistencyProof.generate(STORE, size1, size2));
        assertThat(published.fetched).containsExactlyInAnyOrderElementsOf(ProofTiles.consistency(size1, size2));
        assertThat(TreeHash.root(new TileHashReader(size2, new Published()), size2))
                .isEqualTo(TreeHash.root(STORE, size2));
    }

    @Test
    void rootOfTheWholeTreeFromTiles() {
        assertThat(TreeHash.root(new TileHashReader(SIZE, new Published()), SIZE)).isEqualTo(RANGE.root());
        assertThat(ProofTiles.root(SIZE)).isNotEmpty();
    }

    @Test
    void aTamperedTileYieldsAProofThatFails() {
        long index = 12_345;
        TileId target = TileId.containing(0, index ^ 1, SIZE);
        TileFetcher tampering = id -> {
            byte[] bytes = Tile.read(STORE, id).toBytes();
            if (id.equals(target)) {
                bytes[(int) ((index ^ 1) % 256) * 32] ^= 1;
            }
            return bytes;
        };
        InclusionProof proof = InclusionProof.generate(new TileHashReader(SIZE, tampering), index, SIZE);
        assertThat(proof.verify(TreeHash.leaf(ENTRIES.get((int) index)), RANGE.root())).isFalse();
    }

    @Test
    void rejectsTilesOfTheWrongLengthAndIncompleteNodes() {
        TileHashReader reader = new TileHashReader(SIZE, id -> new byte[32 * id.width() - 1]);
        assertThatThrownBy(() -> reader.hash(0, 0)).isInstanceOf(MicrocredException.class);
        TileHashReader good = new TileHashReader(SIZE, new Published());
        assertThatThrownBy(() -> good.hash(0, SIZE)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> good.hash(17, 0)).isInstanceOf(MicrocredException.class);
        assertThat(good.hash(16, 0)).isEqualTo(STORE.hash(16, 0));
    }

    @Test
    void entryBundlesRoundTripAndHashToTheirLevel0Tile() {
        List<Bytes> entries = new ArrayList<>();
        for (int i = 273 * 256; i < SIZE; i++) {
            entries.add(Bytes.of(ENTRIES.get(i)));
        }
        EntryBundle bundle = new EntryBundle(entries);
        BundleId id = BundleId.containing(SIZE - 1, SIZE);
        EntryBundle parsed = EntryBundle.parse(bundle.toBytes(), id.width());
        assertThat(parsed).isEqualTo(bundle);
        Tile tile = Tile.read(STORE, TileId.of(0, id.index(), SIZE));
        List<Hash> tileHashes = IntStream.range(0, tile.id().width()).mapToObj(tile::hash).toList();
        assertThat(parsed.leafHashes()).isEqualTo(tileHashes);
    }

    @Test
    void rejectsMalformedBundles() {
        byte[] bytes = new EntryBundle(List.of(Bytes.of("abc".getBytes()), Bytes.of(new byte[0]))).toBytes();
        assertThat(bytes).containsExactly(0, 3, 'a', 'b', 'c', 0, 0);
        assertThatThrownBy(() -> EntryBundle.parse(new byte[] {0, 3, 'a'}, 0)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> EntryBundle.parse(new byte[] {0}, 0)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> EntryBundle.parse(bytes, 3)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> new EntryBundle(List.of(Bytes.of(new byte[65536]))))
                .isInstanceOf(MicrocredException.class);
    }
}
