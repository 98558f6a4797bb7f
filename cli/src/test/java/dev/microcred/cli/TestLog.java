package dev.microcred.cli;

import dev.microcred.core.Bytes;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.checkpoint.CheckpointSigner;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.tiles.BundleId;
import dev.microcred.tlog.tiles.EntryBundle;
import dev.microcred.tlog.tiles.Tile;
import dev.microcred.tlog.tiles.TileId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A transparency log held in memory, built with the tlog module as the platform builds its log: entries appended
 * to an RFC 9162 tree, checkpoints signed by the log key (never two inconsistent ones), tiles and entry bundles
 * laid out as c2sp.org/tlog-tiles serves them. Not thread-safe.
 */
final class TestLog {
    final String origin;
    final Ed25519NoteSigner key;
    final List<byte[]> entries = new ArrayList<>();
    private final MemoryHashStore tree = new MemoryHashStore();
    private final CheckpointSigner signer;
    private CompactRange range = CompactRange.EMPTY;

    TestLog(String origin) {
        this(Ed25519NoteSigner.generate(origin));
    }

    TestLog(Ed25519NoteSigner key) {
        this.origin = key.name();
        this.key = key;
        this.signer = new CheckpointSigner(key, Optional.empty());
    }

    long append(byte[] entry) {
        entries.add(entry.clone());
        range = range.append(TreeHash.leaf(entry), tree);
        return entries.size() - 1;
    }

    /** Appends {@code count} entries {@code "<prefix> <i>\n"}. */
    TestLog appendText(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            append((prefix + " " + entries.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return this;
    }

    long size() {
        return range.size();
    }

    Checkpoint checkpointBody() {
        return Checkpoint.of(origin, range.size(), range.root());
    }

    /** The current checkpoint, signed by the log key. */
    SignedNote checkpoint() {
        return signer.sign(checkpointBody(), tree);
    }

    InclusionProof inclusion(long index) {
        return InclusionProof.generate(tree, index, range.size());
    }

    ConsistencyProof consistency(long from) {
        return consistency(from, range.size());
    }

    /** The consistency proof between two sizes the log has had. */
    ConsistencyProof consistency(long from, long to) {
        return ConsistencyProof.generate(tree, from, to);
    }

    /** Every tile and entry bundle of the current tree, by path under the log prefix. */
    Map<String, byte[]> tiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (TileId id : TileId.forTreeSize(range.size())) {
            files.put(id.path(), Tile.read(tree, id).toBytes());
            if (id.level() == 0) {
                BundleId bundle = new BundleId(id.index(), id.width());
                int from = (int) (id.index() * TileId.FULL);
                List<Bytes> content = entries.subList(from, from + id.width()).stream().map(Bytes::of).toList();
                files.put(bundle.path(), new EntryBundle(content).toBytes());
            }
        }
        return files;
    }
}
