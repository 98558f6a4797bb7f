package dev.microcred.bench;

import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.merkle.TreeHash;
import java.util.ArrayList;
import java.util.List;

/**
 * One-shot measurement: integrate N entries (default 1,000,000) in batches of 1,000 — leaf hash, compact range
 * append storing every complete subtree hash, root after each batch — and print the wall time. Entries are
 * built before the clock starts.
 */
public final class TlogIntegrateMain {
    private TlogIntegrateMain() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<byte[]> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(TlogBenchmark.entry(i));
        }
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            MemoryHashStore store = new MemoryHashStore();
            CompactRange range = CompactRange.EMPTY;
            List<Hash> batch = new ArrayList<>(1000);
            Hash root = null;
            for (byte[] entry : entries) {
                batch.add(TreeHash.leaf(entry));
                if (batch.size() == 1000) {
                    range = range.appendAll(batch, store);
                    root = range.root();
                    batch.clear();
                }
            }
            range = range.appendAll(batch, store);
            root = range.root();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: integrated %,d entries in %.2f s (%,.0f entries/s), root %s%n",
                    run, range.size(), seconds, range.size() / seconds, root.hex());
        }
    }
}
