package dev.microcred.tlog.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileIdTest {
    @Test
    void pathsFollowTheSpecExamples() {
        // tlog-tiles: "index 1234067 will be encoded as x001/x234/067"
        assertThat(new TileId(0, 1234067, 256).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new TileId(1, 1234067, 8).path()).isEqualTo("tile/1/x001/x234/067.p/8");
        assertThat(new TileId(2, 5, 256).path()).isEqualTo("tile/2/005");
        assertThat(new TileId(63, 1000, 1).path()).isEqualTo("tile/63/x001/000.p/1");
        assertThat(new BundleId(1234067, 256).path()).isEqualTo("tile/entries/x001/x234/067");
        assertThat(new BundleId(0, 112).path()).isEqualTo("tile/entries/000.p/112");
    }

    @Test
    void pathsRoundTrip() {
        for (TileId id : List.of(new TileId(0, 0, 256), new TileId(3, 999, 255), new TileId(7, 1000, 1),
                new TileId(0, Long.MAX_VALUE / 256, 256))) {
            assertThat(TileId.parse(id.path())).isEqualTo(id);
        }
        assertThat(BundleId.parse("tile/entries/x001/x234/067.p/3")).isEqualTo(new BundleId(1234067, 3));
        assertThat(TileId.parse("tile/0/x001/234")).isEqualTo(new TileId(0, 1234, 256));
    }

    @Test
    void rejectsNonCanonicalPaths() {
        for (String path : List.of("tile/0/5", "tile/0/0005", "tile/0/x000/005", "tile/00/005", "tile/64/005",
                "tile/0/005.p/0", "tile/0/005.p/256", "tile/0/005.p/010", "tile/0/x001/x234", "tile/0/001/x234",
                "tile/entries/005", "tile/0/005/", "tiles/0/005", "tile/-1/005", "tile/0/x1/005")) {
            assertThatThrownBy(() -> TileId.parse(path)).as(path).isInstanceOf(MicrocredException.class);
        }
        assertThatThrownBy(() -> BundleId.parse("tile/0/005")).isInstanceOf(MicrocredException.class);
    }

    @Test
    void treeOf70000LeavesHasTheTilesTheSpecLists() {
        // tlog-tiles: 273 full level 0 tiles, one partial level 0 tile of width 112, one full level 1 tile,
        // one partial level 1 tile of width 17, and one partial level 2 tile of width 1
        List<TileId> tiles = TileId.forTreeSize(70_000);
        assertThat(tiles.stream().filter(t -> t.level() == 0 && t.isFull())).hasSize(273);
        assertThat(tiles).contains(new TileId(0, 273, 112), new TileId(1, 0, 256), new TileId(1, 1, 17),
                new TileId(2, 0, 1));
        assertThat(tiles).hasSize(273 + 4);
    }

    @Test
    void treeOf256LeavesHasAFullTileAndAPartialLevel1Tile() {
        assertThat(TileId.forTreeSize(256)).containsExactly(new TileId(0, 0, 256), new TileId(1, 0, 1));
        assertThat(TileId.forTreeSize(0)).isEmpty();
    }

    @Test
    void growthChangesOnlyTheTilesAtTheRightEdge() {
        assertThat(TileId.changed(70_000, 70_001)).containsExactly(new TileId(0, 273, 113));
        assertThat(TileId.changed(255, 257)).containsExactly(new TileId(0, 0, 256), new TileId(0, 1, 1),
                new TileId(1, 0, 1));
        assertThat(TileId.changed(100, 100)).isEmpty();
        assertThatThrownBy(() -> TileId.changed(5, 4)).isInstanceOf(MicrocredException.class);
    }

    @Test
    void nodesMapToTheTileHoldingTheirDescendants() {
        assertThat(TileId.containing(0, 300, 70_000)).isEqualTo(new TileId(0, 1, 256));
        assertThat(TileId.containing(3, 40, 70_000)).isEqualTo(new TileId(0, 1, 256));
        assertThat(TileId.containing(8, 3, 70_000)).isEqualTo(new TileId(1, 0, 256));
        assertThat(TileId.containing(9, 130, 70_000)).isEqualTo(new TileId(1, 1, 17));
        assertThat(BundleId.containing(69_999, 70_000)).isEqualTo(new BundleId(273, 112));
    }
}
