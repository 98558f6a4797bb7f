package dev.microcred.bench;

import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.tiles.ProofTiles;
import dev.microcred.tlog.tiles.TileHashReader;
import dev.microcred.tlog.tiles.TileId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An inclusion proof for any entry of a 10,000,000-entry log, computed from cached tiles (the issue 4 target:
 * under 1 ms). The log is built once (leaf hashes of issuance-shaped entries through a compact range); every tile
 * of levels 1 and 2 is cached, and the level-0 tiles of {@link #SAMPLE} random entries (a whole 10M-entry log's
 * level-0 tiles are 320 MB); each operation proves one of those entries, with a fresh {@link TileHashReader} over
 * the cache, as a server answering a receipt request does.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TlogProofBenchmark {
    static final int SAMPLE = 4096;

    @State(Scope.Benchmark)
    public static class HugeLog {
        @Param("10000000")
        long size;
        Map<TileId, byte[]> tiles;
        long[] indexes;
        Hash root;
        SplittableRandom random;

        @Setup(Level.Trial)
        public void setUp() {
            random = new SplittableRandom(42);
            indexes = new long[SAMPLE];
            Set<Long> wantedLevel0 = new HashSet<>();
            for (int i = 0; i < SAMPLE; i++) {
                indexes[i] = random.nextLong(size);
                wantedLevel0.add(indexes[i] / TileId.FULL);
            }
            wantedLevel0.add(size / TileId.FULL); // the right edge (a partial tile) is in many proofs
            // levels 8 and 16 (tiles 1 and 2) in full; level 0 only where a sampled entry is
            Map<Integer, byte[]> levels = new HashMap<>();
            levels.put(8, new byte[(int) (size >>> 8) * Hash.LENGTH]);
            levels.put(16, new byte[(int) Math.max(1, size >>> 16) * Hash.LENGTH]);
            Map<Long, byte[]> level0 = new HashMap<>();
            CompactRange range = CompactRange.EMPTY;
            List<Hash> batch = new ArrayList<>(TileId.FULL);
            for (long i = 0; i < size; i++) {
                batch.add(TreeHash.leaf(TlogBenchmark.entry(i)));
                if (batch.size() == TileId.FULL || i == size - 1) {
                    range = range.appendAll(batch, (level, index, hash) -> {
                        if (level == 0 && wantedLevel0.contains(index / TileId.FULL)) {
                            hash.copyTo(level0.computeIfAbsent(index / TileId.FULL,
                                    n -> new byte[TileId.FULL * Hash.LENGTH]), (int) (index % TileId.FULL) * Hash.LENGTH);
                        } else if (level == 8 || level == 16) {
                            hash.copyTo(levels.get(level), (int) index * Hash.LENGTH);
                        }
                    });
                    batch.clear();
                }
            }
            root = range.root();
            tiles = new HashMap<>();
            for (long index : indexes) {
                for (TileId id : ProofTiles.inclusion(index, size)) {
                    tiles.computeIfAbsent(id, t -> bytes(t, levels, level0));
                }
            }
        }

        private static byte[] bytes(TileId id, Map<Integer, byte[]> levels, Map<Long, byte[]> level0) {
            byte[] source = id.level() == 0 ? level0.get(id.index()) : levels.get(8 * id.level());
            long from = id.level() == 0 ? 0 : id.index() * TileId.FULL * Hash.LENGTH;
            byte[] out = new byte[id.width() * Hash.LENGTH];
            System.arraycopy(source, (int) from, out, 0, out.length);
            return out;
        }
    }

    /** The proof for a random sampled entry, from cached tiles. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public InclusionProof inclusionProof10M(HugeLog log) {
        long index = log.indexes[log.random.nextInt(SAMPLE)];
        return InclusionProof.generate(new TileHashReader(log.size, log.tiles::get), index, log.size);
    }

    /** The same proof, then verified against the root (what a verifier of a fresh receipt does end to end). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean inclusionProofAndVerify10M(HugeLog log) {
        long index = log.indexes[log.random.nextInt(SAMPLE)];
        InclusionProof proof = InclusionProof.generate(new TileHashReader(log.size, log.tiles::get), index, log.size);
        return proof.verify(TreeHash.leaf(TlogBenchmark.entry(index)), log.root);
    }
}
