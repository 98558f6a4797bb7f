package dev.microcred.bench;

import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.merkle.NodeSink;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.tiles.Tile;
import dev.microcred.tlog.tiles.TileHashReader;
import dev.microcred.tlog.tiles.TileId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Transparency log throughput: appending entries in batches (leaf hashing, compact range, root after each batch)
 * and computing an inclusion proof from cached tiles in a log of a million entries.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TlogBenchmark {
    private static final int BATCH = 1000;
    private static final int LOG_SIZE = 1_000_000;

    /** Entry bytes shaped like a microcred issuance entry (about 200 bytes). */
    static byte[] entry(long i) {
        return ("microcred/tlog-entry/v1\ntype issuance\nissuer did:web:training.example\n"
                + "key did:web:training.example#key-1\ncredential sha256:" + String.format("%064x", i)
                + "\ntime 2025-06-01T10:00:00Z\n").getBytes(StandardCharsets.US_ASCII);
    }

    @State(Scope.Thread)
    public static class Appending {
        List<byte[]> batch;
        CompactRange range;

        @Setup(Level.Trial)
        public void setUp() {
            batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(entry(i));
            }
            range = CompactRange.EMPTY;
        }
    }

    /** Per entry: leaf hash, compact range append; plus the root once per batch of 1,000. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public Hash appendBatchOf1000(Appending state) {
        List<Hash> leaves = new ArrayList<>(BATCH);
        for (byte[] entry : state.batch) {
            leaves.add(TreeHash.leaf(entry));
        }
        state.range = state.range.appendAll(leaves, NodeSink.NONE);
        return state.range.root();
    }

    @State(Scope.Benchmark)
    public static class LargeLog {
        Map<TileId, byte[]> tiles;
        Hash root;
        SplittableRandom random;

        @Setup(Level.Trial)
        public void setUp() {
            MemoryHashStore store = new MemoryHashStore();
            List<Hash> leaves = new ArrayList<>(BATCH);
            CompactRange range = CompactRange.EMPTY;
            for (long i = 0; i < LOG_SIZE; i++) {
                leaves.add(TreeHash.leaf(entry(i)));
                if (leaves.size() == BATCH) {
                    range = range.appendAll(leaves, store);
                    leaves.clear();
                }
            }
            range = range.appendAll(leaves, store);
            root = range.root();
            tiles = new HashMap<>();
            for (TileId id : TileId.forTreeSize(LOG_SIZE)) {
                tiles.put(id, Tile.read(store, id).toBytes());
            }
            random = new SplittableRandom(42);
        }
    }

    /** An inclusion proof for a random entry, computed from tiles already in a cache (a map). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public InclusionProof inclusionProofFromCachedTiles(LargeLog log) {
        long index = log.random.nextLong(LOG_SIZE);
        return InclusionProof.generate(new TileHashReader(LOG_SIZE, log.tiles::get), index, LOG_SIZE);
    }

    /** Verifying an inclusion proof in a log of a million entries (RFC 9162 §2.1.3.2). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean verifyInclusionProof(LargeLog log) {
        long index = log.random.nextLong(LOG_SIZE);
        InclusionProof proof = InclusionProof.generate(new TileHashReader(LOG_SIZE, log.tiles::get), index, LOG_SIZE);
        return proof.verify(TreeHash.leaf(entry(index)), log.root);
    }
}
