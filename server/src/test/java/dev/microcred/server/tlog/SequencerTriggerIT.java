package dev.microcred.server.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.issuing.KeyRing;
import dev.microcred.store.Database;
import dev.microcred.store.TransparencyLogStore;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.merkle.Hash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A commit that appended asks the sequencer for a round ({@link TransparencyLog#committed()}): with an interval of
 * an hour, only the trigger can integrate the entries, so they are integrated promptly or not at all. A burst of
 * commits coalesces into few rounds (few checkpoints), not one per commit.
 */
class SequencerTriggerIT {
    @Test
    void aCommittedAppendIsIntegratedWithoutWaitingForTheInterval() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(Database.h2MemoryUrl("trigger-" + UUID.randomUUID()), clock)) {
            TransparencyLogStore store = new TransparencyLogStore();
            TransparencyLog log = new TransparencyLog(db, store, LogKey.open(db, store,
                    new KeyRing(KeyEncryptionKey.generate()), "http://localhost:8080", clock), List.of(), 0, clock);
            try (Sequencer sequencer = new Sequencer(db, store, log, clock, Duration.ofHours(1))) {
                sequencer.start();
                log.onCommitted(sequencer::trigger);
                int commits = 200;
                for (int i = 0; i < commits; i++) {
                    Issuance e = entry(i);
                    db.inTransaction(c -> {
                        log.append(c, e, null);
                        return null;
                    });
                    log.committed();
                }
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (size(db, store) < commits && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertThat(size(db, store)).as("integrated on the triggers alone").isEqualTo(commits);
                assertThat(db.read(store::pendingCount)).isZero();
                // coalesced: far fewer rounds (one checkpoint each) than commits
                assertThat(db.read(store::checkpoints).size()).isLessThan(commits / 2);
            }
        }
    }

    private static long size(Database db, TransparencyLogStore store) {
        return db.read(c -> store.state(c, false)).map(TransparencyLogStore.State::size).orElse(0L);
    }

    private static Issuance entry(long i) {
        return new Issuance("did:web:trigger.example:issuers:a", "did:web:trigger.example:issuers:a#key-1",
                Hash.parseHex(String.format("%064x", i)), Instant.parse("2026-11-29T10:00:00Z"));
    }
}
