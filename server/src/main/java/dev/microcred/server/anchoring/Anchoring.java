package dev.microcred.server.anchoring;

import dev.microcred.anchor.CheckpointDigest;
import dev.microcred.anchor.EvmAnchor;
import dev.microcred.anchor.EvmRpc;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.store.Database;
import dev.microcred.store.StoredAnchor;
import dev.microcred.store.TlogAnchors;
import dev.microcred.tlog.entry.Anchor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors the transparency log's latest published checkpoint on an EVM chain: on demand ({@link #anchorLatest}) and,
 * once {@link #start}ed, on a schedule ({@link #tick}: when the configured interval has passed since the last anchor
 * and the latest checkpoint is not anchored yet, so an idle log costs nothing).
 *
 * <p>One anchor per (chain, checkpoint), also with several servers on one database: a row of {@code tlog_anchor} is
 * claimed before the transaction is sent, and completed, together with appending the anchor entry to the log through
 * the {@link AnchorRecorder}, once the transaction is in a block. A claim whose anchoring failed is dropped; a claim
 * left by a stopped server is taken over after {@link #STALE_CLAIM}. Thread-safe.
 */
public final class Anchoring implements AutoCloseable {
    /** After how long a claim whose server never completed it may be taken over. */
    public static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(Anchoring.class);

    private final Database db;
    private final TlogAnchors table;
    private final Optional<AnchoringConfig> config;
    private final CheckpointSource source;
    private final AnchorRecorder recorder;
    private final Clock clock;
    private final EvmRpc rpc;
    private final EvmAnchor anchor;
    private final ScheduledExecutorService schedule;

    /** What {@link #anchorLatest} did. */
    public record Result(StoredAnchor anchor, boolean sent) {
    }

    /**
     * @param config   the chain and key, or empty: anchoring off (every request answers so)
     * @param source   the latest published checkpoint
     * @param recorder appends the anchor entry to the log
     */
    public Anchoring(Database db, TlogAnchors table, Optional<AnchoringConfig> config, CheckpointSource source,
                     AnchorRecorder recorder, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
        this.config = Objects.requireNonNull(config, "config");
        this.source = Objects.requireNonNull(source, "source");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rpc = config.map(c -> EvmRpc.open(c.rpcUrl())).orElse(null);
        this.anchor = config.map(c -> new EvmAnchor(rpc, c.key(), c.chain(), c.settings())).orElse(null);
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "microcred-anchoring");
            t.setDaemon(true);
            return t;
        });
    }

    public boolean enabled() {
        return config.isPresent();
    }

    public Optional<AnchoringConfig> config() {
        return config;
    }

    /** Runs {@link #tick} periodically (every interval / 24, between a minute and an hour), unless on demand only. */
    public void start() {
        if (config.isEmpty() || config.get().interval().isZero()) {
            return;
        }
        long period = Math.max(60, Math.min(3600, config.get().interval().toSeconds() / 24));
        schedule.scheduleWithFixedDelay(this::tickLogged, 60, period, TimeUnit.SECONDS);
        LOG.info("anchoring scheduled {} checkEverySeconds={}", config.get(), period);
    }

    private void tickLogged() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("anchoring tick failed exception={} reason=\"{}\"", e.getClass().getSimpleName(),
                    e.getMessage());
        }
    }

    /**
     * One step of the schedule: anchors the latest published checkpoint if the interval has passed since the last
     * anchor on the chain and that checkpoint is not anchored yet. Returns the new anchor, if one was made; failures
     * are logged and retried at the next step.
     */
    public Optional<StoredAnchor> tick() {
        if (config.isEmpty() || config.get().interval().isZero()) {
            return Optional.empty();
        }
        Optional<String> note = source.latest();
        if (note.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        CheckpointDigest digest = CheckpointDigest.of(note.get());
        String chain = config.get().chain().caip2();
        boolean due = db.read(c -> {
            Optional<StoredAnchor> last = table.lastAnchored(c, chain);
            if (last.isPresent() && last.get().anchoredAt().plus(config.get().interval()).isAfter(now)) {
                return false;
            }
            return table.find(c, chain, digest.checkpoint().origin(), digest.checkpoint().size(),
                    digest.sha256().hex()).isEmpty();
        });
        if (!due) {
            return Optional.empty();
        }
        try {
            Result result = anchor(note.get(), digest);
            return result.sent() ? Optional.of(result.anchor()) : Optional.empty();
        } catch (MicrocredException e) {
            LOG.warn("scheduled anchoring failed problem={} reason=\"{}\"", e.problem().slug(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Anchors the latest published checkpoint now, or returns its anchor if it has one on the configured chain.
     * Throws {@link Problem#CONFLICT} when anchoring is off, nothing is published yet, or another server is anchoring
     * the same checkpoint; the chain's failures as {@link EvmAnchor#anchor} does ({@link Problem#UNAVAILABLE}: retry
     * later).
     */
    public Result anchorLatest() {
        if (config.isEmpty()) {
            throw new MicrocredException(Problem.CONFLICT, "anchoring is not configured (set "
                    + AnchoringConfig.RPC_URL + ", " + AnchoringConfig.CHAIN + " and a key)");
        }
        String note = source.latest().orElseThrow(() -> new MicrocredException(Problem.CONFLICT,
                "the transparency log has not published a checkpoint yet"));
        return anchor(note, CheckpointDigest.of(note));
    }

    /** Anchors the checkpoint {@code note}, whose digest is {@code digest}. */
    private Result anchor(String note, CheckpointDigest digest) {
        AnchoringConfig cfg = config.orElseThrow();
        String chain = cfg.chain().caip2();
        String origin = digest.checkpoint().origin();
        long size = digest.checkpoint().size();
        String sha = digest.sha256().hex();
        String sender = cfg.key().address();
        Instant now = clock.instant();
        StoredAnchor claim = db.inTransaction(c -> {
            Optional<StoredAnchor> existing = table.find(c, chain, origin, size, sha);
            if (existing.isPresent()) {
                StoredAnchor row = existing.get();
                if (row.anchored() || table.takeOver(c, row.id(), sender, now.minus(STALE_CLAIM), now)) {
                    return row;
                }
                throw new MicrocredException(Problem.CONFLICT, "checkpoint " + origin + " at size " + size
                        + " is being anchored on " + chain + " since " + row.claimedAt());
            }
            StoredAnchor fresh = new StoredAnchor(UUID.randomUUID().toString(), origin, size, sha, chain, sender,
                    StoredAnchor.SENDING, null, null, null, now, now);
            table.claim(c, fresh);
            return fresh;
        });
        if (claim.anchored()) {
            return new Result(claim, false);
        }
        Anchor entry;
        try {
            entry = anchor.anchor(note);
        } catch (RuntimeException e) {
            db.inTransaction(c -> {
                table.release(c, claim.id());
                return null;
            });
            throw e;
        }
        try {
            StoredAnchor done = db.inTransaction(c -> {
                if (!table.complete(c, claim.id(), entry.tx(), entry.time(), entry.format(), clock.instant())) {
                    throw new MicrocredException(Problem.CONFLICT, "the anchoring claim of checkpoint " + origin
                            + " at size " + size + " was taken over by another server");
                }
                recorder.append(c, entry);
                return table.find(c, chain, origin, size, sha).orElseThrow();
            });
            recorder.committed(entry);
            LOG.info("anchored origin=\"{}\" size={} checkpoint={} chain={} tx={} time={}", origin, size, sha, chain,
                    entry.tx(), entry.time());
            return new Result(done, true);
        } catch (RuntimeException e) {
            LOG.error("anchor transaction is on the chain but could not be recorded chain={} tx={} entry=\"{}\""
                    + " exception={}", chain, entry.tx(), entry.format().replace("\n", "\\n"),
                    e.getClass().getSimpleName());
            throw e;
        }
    }

    /** The latest anchors and claims, newest first. */
    public List<StoredAnchor> recent(int limit) {
        return db.read(c -> table.recent(c, limit));
    }

    /** Stops the schedule (a running anchoring finishes) and releases the connections to the node. */
    @Override
    public void close() {
        schedule.shutdown();
        try {
            schedule.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (rpc != null) {
            rpc.close();
        }
    }
}
