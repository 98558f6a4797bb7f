package dev.microcred.server.tlog;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.store.Database;
import dev.microcred.store.TransparencyLogStore;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.checkpoint.CheckpointSigner;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.NoteSignature;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.policy.CheckpointVerification;
import dev.microcred.tlog.proof.TlogProof;
import dev.microcred.tlog.tiles.TileHashReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's sequencer and integrator. One node at a time holds the role ({@link SequencerLock}); each round it
 * <ol>
 *   <li>takes up to {@link #BATCH} pending entries in append order and, in ONE transaction, gives them the next
 *       consecutive indexes, stores the tile hashes their leaves complete (compact range, levels 0, 8, 16, ...)
 *       and moves the tree state, checking the state row is where it left it;</li>
 *   <li>signs a checkpoint of the new tree with the log key, only if it is consistent with the last checkpoint
 *       the key signed (persisted; {@link CheckpointSigner} verifies the consistency proof computed from the
 *       stored tiles), and stores it;</li>
 *   <li>asks the configured witnesses to cosign it and publishes it once the policy's quorum has;</li>
 *   <li>builds and stores the tlog-proof receipts (up to {@link #RECEIPTS} per round) of credentials whose entry
 *       the published checkpoint covers.</li>
 * </ol>
 * Rounds run in the background every {@code interval} and on {@link #trigger()}. A crash anywhere leaves a state
 * the next round continues from: what is committed is consistent, what is not is redone. Thread-safe.
 */
public final class Sequencer implements AutoCloseable {
    /** Entries sequenced per round at most. */
    public static final int BATCH = 10_000;
    /** Receipts built per round at most. */
    public static final int RECEIPTS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

    private final Database db;
    private final TransparencyLogStore store;
    private final TransparencyLog log;
    private final WitnessClient witnesses;
    private final Clock clock;
    private final Duration interval;
    private final SequencerLock lock;
    private final AtomicBoolean triggered = new AtomicBoolean();
    /** When the last background round started (System.nanoTime). */
    private volatile long lastRound = System.nanoTime() - TRIGGER_GAP.toNanos();
    private ScheduledExecutorService background;
    /** The tree as this node built it; null until loaded, and after a conflict. Guarded by {@code this}. */
    private CompactRange range;
    /**
     * Every credential entry below this index has its receipt (as far as this node knows; 0 after start and any
     * failure): the receipt query starts here instead of scanning the whole log each round. Guarded by {@code this}.
     */
    private long receipted;
    /** The size whose cosigning last failed, and when (System.nanoTime): retried at most every RETRY. */
    private long failedSize = -1;
    private long failedAt;
    /** How long after a failed quorum the same checkpoint is offered to the witnesses again. */
    static final Duration RETRY = Duration.ofSeconds(10);
    /** The least time between the starts of two triggered rounds. */
    static final Duration TRIGGER_GAP = Duration.ofMillis(50);

    public Sequencer(Database db, TransparencyLogStore store, TransparencyLog log, Clock clock, Duration interval) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.witnesses = new WitnessClient(Duration.ofSeconds(5));
        this.lock = new SequencerLock(db);
    }

    /** What one round did. */
    public record Round(boolean sequencer, int sequenced, long size, boolean signed, boolean published, int receipts) {
        /** Whether the round found nothing left to do. */
        public boolean idle() {
            return !sequencer || sequenced == 0 && !signed && !published && receipts == 0;
        }
    }

    /** Runs rounds in the background every {@code interval}. */
    public synchronized void start() {
        if (background == null) {
            background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tlog-sequencer");
                t.setDaemon(true);
                return t;
            });
            background.scheduleWithFixedDelay(this::backgroundRound, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Asks for a round soon (after an issuance committed), without waiting for it. Bounded: triggers while one is
     * pending coalesce into it, and a triggered round starts no sooner than {@link #TRIGGER_GAP} after the last
     * round started (a burst of single issuances makes rounds of many entries, not a checkpoint per entry).
     */
    public void trigger() {
        ScheduledExecutorService b;
        synchronized (this) {
            b = background;
        }
        if (b != null && triggered.compareAndSet(false, true)) {
            long wait = Math.max(0, TRIGGER_GAP.toNanos() - (System.nanoTime() - lastRound));
            try {
                b.schedule(this::backgroundRound, wait, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                triggered.set(false);
            }
        }
    }

    private void backgroundRound() {
        triggered.set(false);
        lastRound = System.nanoTime();
        try {
            for (int i = 0; i < 100 && !runOnce().idle(); i++) {
                // bounded: a backlog is worked through in rounds of BATCH, then the interval pauses
            }
        } catch (RuntimeException e) {
            LOG.warn("sequencer round failed error={} message={}", e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /**
     * Runs rounds until one finds nothing to do or {@code timeout} passes (tests, the crash check, shutdown).
     *
     * @return whether the log caught up
     */
    public boolean catchUp(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            Round r = runOnce();
            if (!r.sequencer()) {
                return false;
            }
            if (r.idle()) {
                return true;
            }
        }
        return false;
    }

    /** One round (see the class documentation); a node that is not the sequencer does nothing. */
    public synchronized Round runOnce() {
        if (!lock.tryAcquire()) {
            return new Round(false, 0, -1, false, false, 0);
        }
        try {
            int sequenced = sequence();
            Optional<TransparencyLogStore.SignedCheckpoint> last = db.read(store::lastSigned);
            Optional<TransparencyLogStore.SignedCheckpoint> signed = sign(last);
            boolean published = publish(signed.isPresent() ? signed : last);
            int receipts = receipts();
            return new Round(true, sequenced, range.size(), signed.isPresent(), published, receipts);
        } catch (RuntimeException e) {
            range = null;
            receipted = 0;
            throw e;
        }
    }

    private int sequence() {
        if (range == null) {
            range = load();
        }
        List<TransparencyLogStore.Pending> pending = db.read(c -> store.pending(c, BATCH));
        if (pending.isEmpty()) {
            return 0;
        }
        List<Hash> leaves = new ArrayList<>(pending.size());
        for (TransparencyLogStore.Pending p : pending) {
            leaves.add(TreeHash.leaf(p.entry().getBytes(StandardCharsets.US_ASCII)));
        }
        List<Object[]> nodes = new ArrayList<>(pending.size() + pending.size() / 128 + 8);
        CompactRange next = range.appendAll(leaves, (level, index, hash) -> {
            if (level > 0 && level % 8 == 0) { // level 0, the leaf hashes, is computed from the entries
                nodes.add(new Object[] {level, index, hash.toArray()});
            }
        });
        long from = range.size();
        db.inTransaction(c -> {
            store.sequence(c, from, pending, nodes, new TransparencyLogStore.State(next.size(), next.root().toArray()),
                    clock.instant());
            return null;
        });
        range = next;
        LOG.debug("log sequenced from={} entries={} size={}", from, pending.size(), next.size());
        return pending.size();
    }

    /** The stored tree, its frontier read back from the tiles and checked against the stored root. */
    private CompactRange load() {
        Optional<TransparencyLogStore.State> state = db.read(c -> store.state(c, false));
        if (state.isEmpty()) {
            return CompactRange.EMPTY;
        }
        long size = state.get().size();
        CompactRange loaded = CompactRange.read(log.reader(size), size);
        if (!loaded.root().equals(Hash.of(state.get().root()))) {
            throw new MicrocredException(Problem.IO_ERROR, "the stored tiles do not give the stored root at size "
                    + size + ": the log storage is damaged");
        }
        return loaded;
    }

    /**
     * Signs a checkpoint of the current tree if it grew since {@code last}, the last one signed.
     *
     * @return the checkpoint signed and stored now (published already when the log has no witnesses), if any
     */
    private Optional<TransparencyLogStore.SignedCheckpoint> sign(Optional<TransparencyLogStore.SignedCheckpoint> last) {
        long size = range.size();
        if (size == 0 || last.isPresent() && last.get().size() >= size) {
            return Optional.empty();
        }
        Optional<Checkpoint> lastSigned = last.map(l -> Checkpoint.from(SignedNote.parse(l.note())));
        CheckpointSigner signer = new CheckpointSigner(log.key().signer(), lastSigned);
        // CheckpointSigner verifies the consistency proof (computed from the stored tiles) from the last signed
        // checkpoint before it signs: a log never signs two inconsistent checkpoints
        SignedNote note = signer.sign(Checkpoint.of(log.key().origin(), size, range.root()), log.reader(size));
        boolean unwitnessed = log.witnesses().isEmpty();
        Instant now = clock.instant();
        db.inTransaction(c -> {
            store.insertCheckpoint(c, size, range.root().toArray(), note.format(), now);
            if (unwitnessed) {
                store.publishCheckpoint(c, size, note.format(), now);
            }
            return null;
        });
        LOG.info("checkpoint signed origin={} size={}", log.key().origin(), size);
        return Optional.of(new TransparencyLogStore.SignedCheckpoint(size, note.format(),
                unwitnessed ? note.format() : null, now, unwitnessed ? now : null));
    }

    /** Collects cosignatures of {@code last}, the last signed checkpoint, up to the quorum, then publishes it. */
    private boolean publish(Optional<TransparencyLogStore.SignedCheckpoint> last) {
        if (last.isEmpty() || last.get().publishedAt() != null) {
            return false;
        }
        SignedNote note = SignedNote.parse(last.get().note());
        long size = last.get().size();
        if (size == failedSize && System.nanoTime() - failedAt < RETRY.toNanos()) {
            return false; // the witnesses did not reach the quorum for it a moment ago: do not hammer them
        }
        TileHashReader tree = log.reader(size);
        List<NoteSignature> cosignatures = new ArrayList<>();
        for (TlogSettings.Witness w : log.witnesses()) {
            String url = w.url().toString();
            long old = db.read(c -> store.witnessSize(c, url));
            witnesses.cosign(w, old, note, tree, known -> db.inTransaction(c -> {
                store.saveWitnessSize(c, url, known);
                return null;
            })).ifPresent(cosignatures::add);
        }
        SignedNote cosigned = note.withSignatures(cosignatures);
        CheckpointVerification v = log.policy().verify(cosigned);
        if (!v.accepted()) {
            LOG.warn("checkpoint not published: witness quorum not met size={} cosigners={}", size, v.cosigners());
            failedSize = size;
            failedAt = System.nanoTime();
            return false;
        }
        db.inTransaction(c -> {
            store.publishCheckpoint(c, size, cosigned.format(), clock.instant());
            return null;
        });
        LOG.info("checkpoint published origin={} size={} cosigners={}", log.key().origin(), size, v.cosigners());
        return true;
    }

    /** Builds receipts for credential entries the latest published checkpoint covers. */
    private int receipts() {
        Optional<TransparencyLogStore.SignedCheckpoint> published = db.read(store::lastPublished);
        if (published.isEmpty()) {
            return 0;
        }
        long size = published.get().size();
        long from = Math.min(receipted, size);
        List<TransparencyLogStore.Sequenced> due = db.read(c -> store.withoutReceipt(c, from, size, RECEIPTS));
        if (due.isEmpty()) {
            receipted = size;
            return 0;
        }
        SignedNote checkpoint = SignedNote.parse(published.get().cosigned());
        TileHashReader tree = log.reader(size);
        List<Object[]> receipts = new ArrayList<>(due.size());
        for (TransparencyLogStore.Sequenced e : due) {
            TlogProof proof = TlogProof.of(InclusionProof.generate(tree, e.index(), size), checkpoint,
                    Optional.of(e.entry().getBytes(StandardCharsets.US_ASCII)));
            receipts.add(new Object[] {proof.format(), e.index()});
        }
        db.inTransaction(c -> {
            store.saveReceipts(c, receipts);
            return null;
        });
        // in index order: every credential entry up to the last one done has its receipt now
        receipted = due.size() < RECEIPTS ? size : due.get(due.size() - 1).index() + 1;
        LOG.debug("receipts stored count={} size={}", receipts.size(), size);
        return receipts.size();
    }

    /** Stops the background rounds (a round in progress finishes) and gives the sequencer role up. */
    @Override
    public void close() {
        ScheduledExecutorService b;
        synchronized (this) {
            b = background;
            background = null;
        }
        if (b != null) {
            b.shutdown();
            try {
                b.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            lock.release();
        }
    }
}
