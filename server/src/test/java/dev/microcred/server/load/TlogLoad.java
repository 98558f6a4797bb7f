package dev.microcred.server.load;

import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.issuing.KeyRing;
import dev.microcred.server.tlog.LogKey;
import dev.microcred.server.tlog.Sequencer;
import dev.microcred.server.tlog.TransparencyLog;
import dev.microcred.store.Database;
import dev.microcred.store.TransparencyLogStore;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.merkle.Hash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the transparency log costs the database: (1) the latency one append adds to an issuance transaction (a
 * transaction with two pending-entry inserts against one with one: the issuance pays the commit anyway), (2)
 * batched append throughput (1,000 entries per transaction, as a bulk batch appends), (3) how fast the sequencer
 * integrates a backlog (indexes, tile hashes, state, a signed checkpoint per round). Embedded H2 file database in a
 * temporary directory, or the PostgreSQL database of a JDBC URL (use a fresh schema: it writes tables). Bounded: at
 * most 1,000,000 entries.
 *
 * <pre>
 * java -cp ... dev.microcred.server.load.TlogLoad [entries=200000] [jdbc-url]
 * </pre>
 */
public final class TlogLoad {
    private TlogLoad() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        if (entries < 1000 || entries > 1_000_000) {
            throw new IllegalArgumentException("entries must be 1000..1000000");
        }
        Path data = Files.createTempDirectory("microcred-tlog-load");
        String url = args.length > 1 ? args[1] : Database.h2FileUrl(data);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(url, clock)) {
            TransparencyLogStore store = new TransparencyLogStore();
            LogKey key = LogKey.open(db, store, new KeyRing(KeyEncryptionKey.generate()), "http://localhost:8080",
                    clock);
            TransparencyLog log = new TransparencyLog(db, store, key, List.of(), 0, clock);
            System.out.printf(Locale.ROOT, "tlog load: %d entries, database %s%n", entries, db.product());

            // (1) the latency one append adds to a transaction that already writes (an issuance): a transaction
            // with two appends against one with one (an empty transaction would not pay the commit's flush)
            int n = 2000;
            for (int round = 0; round < 2; round++) { // the first round warms up
                long one = 0;
                long two = 0;
                for (int i = 0; i < n; i++) {
                    Issuance e = entry(i);
                    long t0 = System.nanoTime();
                    db.inTransaction(c -> {
                        log.append(c, e, null);
                        return null;
                    });
                    long t1 = System.nanoTime();
                    db.inTransaction(c -> {
                        log.append(c, e, null);
                        log.append(c, e, null);
                        return null;
                    });
                    long t2 = System.nanoTime();
                    one += t1 - t0;
                    two += t2 - t1;
                }
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "  one more append in a writing transaction: %.1f µs (%.1f vs %.1f"
                            + " µs per transaction, mean of %d)%n", (two - one) / 1e3 / n, two / 1e3 / n,
                            one / 1e3 / n, n);
                }
            }

            // (2) batched appends
            long t0 = System.nanoTime();
            for (int done = 0; done < entries; done += 1000) {
                List<TransparencyLog.Append> batch = new ArrayList<>(1000);
                for (int i = done; i < done + 1000; i++) {
                    batch.add(new TransparencyLog.Append(entry(i), null));
                }
                db.inTransaction(c -> {
                    log.appendAll(c, batch);
                    return null;
                });
            }
            double appendSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "  appended %d entries in batches of 1,000: %.1f s = %.0f entries/s%n",
                    entries, appendSeconds, entries / appendSeconds);

            // (3) the sequencer integrating the backlog
            Sequencer sequencer = new Sequencer(db, store, log, clock, Duration.ofSeconds(1));
            long t1 = System.nanoTime();
            boolean done = sequencer.catchUp(Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - t1) / 1e9;
            long size = db.read(c -> store.state(c, false)).orElseThrow().size();
            System.out.printf(Locale.ROOT, "  integrated %d entries (indexes, tiles, checkpoint)%s: %.1f s = %.0f "
                    + "entries/s%n", size, done ? "" : " (NOT caught up)", seconds, size / seconds);
            sequencer.close();
        }
    }

    private static Issuance entry(long i) {
        return new Issuance("did:web:load.example:issuers:a", "did:web:load.example:issuers:a#key-1",
                Hash.parseHex(String.format("%064x", i)), Instant.parse("2026-11-29T10:00:00Z"));
    }
}
