package dev.microcred.server.bulk;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.TimeOrderedIds;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.store.BulkError;
import dev.microcred.store.BulkJob;
import dev.microcred.store.BulkRow;
import dev.microcred.store.CredentialKey;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.PendingRow;
import dev.microcred.store.RowOutcome;
import dev.microcred.store.Store;
import dev.microcred.store.StoredAchievement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk issuance jobs: {@link #preview} validates an upload and stores the job with its valid rows and its errors
 * (nothing issued); {@link #start} marks it running; {@link #step} issues its next batch of pending rows; a
 * running job is stepped to the end on a background thread, and {@link #resumeUnfinished} picks up the jobs a stopped
 * server left running.
 *
 * <p>A batch: rows whose idempotency key already yielded a credential are marked {@code skipped} with it; the others
 * get revocation indexes, are built and signed on a small fixed pool (one thread per core, outside any transaction),
 * and then their credentials, claim mails, idempotency keys, the job's cursor past the batch (which records its
 * issued rows), the marks of its skipped and failed rows and the job's counters commit in ONE transaction. A key
 * taken meanwhile, an index taken meanwhile, or a row finished by another node rolls the batch back and it is
 * retried: nothing is half-issued and no key yields two credentials.
 *
 * <p>With {@code background} false nothing runs by itself: tests call {@link #step} between simulated crashes.
 * Thread-safe.
 */
public final class BulkIssuance implements AutoCloseable {
    /** The largest CSV upload accepted. */
    public static final long MAX_CSV_BYTES = 16L << 20;
    /** The most data rows in one upload. */
    public static final int MAX_ROWS = 200_000;
    /** Rows issued per transaction. */
    public static final int BATCH_ROWS = 500;
    static final int MAX_STORED_ERRORS = 10_000;
    private static final int ATTEMPTS = 3;
    private static final int FAILURES_BEFORE_GIVING_UP = 5;
    private static final Logger LOG = LoggerFactory.getLogger(BulkIssuance.class);

    private final Database db;
    private final Store store;
    private final Issuance issuance;
    private final StatusRegistry status;
    private final AchievementCatalog achievements;
    private final Clock clock;
    private final boolean background;
    private final IntConsumer issuedRows;
    private final int threads;
    private final ExecutorService signers;
    private final ExecutorService runner;
    private final ExecutorService prefetcher;
    private final ScheduledExecutorService ticker;
    private final ConcurrentHashMap<String, Prefetch> prefetch = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, Integer> cursors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Meter> meters = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param background whether started jobs run by themselves (false: only through {@link #step})
     * @param issuedRows told how many credentials each committed batch issued (metrics)
     */
    public BulkIssuance(Database db, Store store, Issuance issuance, StatusRegistry status,
                        AchievementCatalog achievements, Clock clock, boolean background, IntConsumer issuedRows) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.issuance = Objects.requireNonNull(issuance, "issuance");
        this.status = Objects.requireNonNull(status, "status");
        this.achievements = Objects.requireNonNull(achievements, "achievements");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.background = background;
        this.issuedRows = Objects.requireNonNull(issuedRows, "issuedRows");
        this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.signers = Executors.newFixedThreadPool(threads, named("microcred-bulk-sign"));
        this.runner = Executors.newSingleThreadExecutor(named("microcred-bulk-run"));
        this.prefetcher = Executors.newSingleThreadExecutor(named("microcred-bulk-prefetch"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(named("microcred-bulk-events"));
    }

    /** A job, what is wrong in its file, and how fast it goes. */
    public record Progress(BulkJob job, List<BulkError> errors, boolean errorsTruncated, double ratePerSecond,
                           Long etaSeconds) {
        public Progress {
            errors = List.copyOf(errors);
        }

        public int pendingRows() {
            return Math.max(0, job.validRows() - job.processedRows());
        }
    }

    /**
     * Validates {@code csv} and stores a {@code validated} job with its rows and errors: the preview. Nothing is
     * issued.
     *
     * @param defaultAchievementId the achievement of rows that name none, or null
     */
    public BulkJob preview(Issuer issuer, String defaultAchievementId, byte[] csv) {
        if (csv.length > MAX_CSV_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "the file is larger than " + MAX_CSV_BYTES + " bytes");
        }
        Map<String, StoredAchievement> own = new HashMap<>();
        achievements.of(issuer).forEach(a -> own.put(a.id(), a));
        StoredAchievement defaultAchievement = null;
        if (defaultAchievementId != null) {
            defaultAchievement = own.get(defaultAchievementId);
            if (defaultAchievement == null) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "the default achievement is not an achievement"
                        + " of this issuer");
            }
            if (defaultAchievement.archivedAt() != null) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "the default achievement is archived");
            }
        }
        String jobId = TimeOrderedIds.next().toString();
        Instant now = clock.instant();
        BulkPreview.Result result = BulkPreview.validate(jobId, issuer.id(), csv, defaultAchievement, own, MAX_ROWS,
                now);
        BulkJob job = BulkJob.validated(jobId, issuer.id(), defaultAchievementId, result.totalRows(),
                result.rows().size(), result.invalidRows(), now);
        db.inTransaction(c -> {
            store.bulkJobs().insertJob(c, job);
            for (int i = 0; i < result.rows().size(); i += 1000) {
                store.bulkJobs().insertRows(c, result.rows().subList(i, Math.min(result.rows().size(), i + 1000)));
            }
            List<BulkError> errors = result.errors().subList(0, Math.min(MAX_STORED_ERRORS, result.errors().size()));
            store.bulkJobs().insertErrors(c, jobId, errors);
            return null;
        });
        LOG.info("bulk job validated job={} issuer={} rows={} valid={} invalid={}", jobId, issuer.id(),
                result.totalRows(), result.rows().size(), result.invalidRows());
        return job;
    }

    /**
     * Starts (or resumes) issuing a job's valid rows.
     *
     * @throws MicrocredException {@code NOT_FOUND} for another issuer's job, {@code CONFLICT} when it is done
     */
    public BulkJob start(Issuer issuer, String jobId) {
        BulkJob job = job(issuer, jobId);
        if (!db.inTransaction(c -> store.bulkJobs().start(c, jobId, clock.instant()))) {
            throw new MicrocredException(Problem.CONFLICT, "the job is " + job.state() + ": it cannot start again");
        }
        LOG.info("bulk job started job={} issuer={}", jobId, issuer.id());
        schedule(jobId);
        return job(issuer, jobId);
    }

    /** The issuer's job, or {@code NOT_FOUND}. */
    public BulkJob job(Issuer issuer, String jobId) {
        return db.read(c -> store.bulkJobs().job(c, jobId)).filter(j -> j.issuerId().equals(issuer.id()))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no bulk job " + jobId
                        + " of this issuer"));
    }

    /** The issuer's newest jobs. */
    public List<BulkJob> jobs(Issuer issuer, int limit) {
        return db.read(c -> store.bulkJobs().jobsOf(c, issuer.id(), limit));
    }

    /** The first {@code limit} rows of the issuer's job in {@code state} ({@link BulkRow#ISSUED}, ...), in file order. */
    public List<BulkRow> rows(Issuer issuer, String jobId, String state, int limit) {
        job(issuer, jobId);
        return db.read(c -> store.bulkJobs().rowsInState(c, jobId, state, limit));
    }

    /** The job with its first {@code errorLimit} errors (preview errors, then rows that failed to issue). */
    public Progress progress(Issuer issuer, String jobId, int errorLimit) {
        BulkJob job = job(issuer, jobId);
        List<BulkError> errors = new ArrayList<>(db.read(c -> store.bulkJobs().errors(c, jobId, errorLimit)));
        if (job.failedRows() > 0 && errors.size() < errorLimit) {
            int room = errorLimit - errors.size();
            for (BulkRow r : db.read(c -> store.bulkJobs().rowsInState(c, jobId, BulkRow.FAILED, room))) {
                errors.add(new BulkError(r.rowNumber(), r.lineNumber(), null, r.error()));
            }
        }
        int known = Math.min(job.invalidRows(), MAX_STORED_ERRORS) + job.failedRows();
        boolean truncated = errors.size() < known || job.invalidRows() > MAX_STORED_ERRORS;
        return progressOf(job, errors, truncated);
    }

    private Progress progressOf(BulkJob job, List<BulkError> errors, boolean truncated) {
        double rate = 0;
        Meter meter = meters.get(job.id());
        Instant now = clock.instant();
        if (meter != null && BulkJob.RUNNING.equals(job.state())) {
            double seconds = (System.nanoTime() - meter.startNanos) / 1e9;
            rate = seconds <= 0 ? 0 : (job.processedRows() - meter.startProcessed) / seconds;
        } else if (job.startedAt() != null) {
            Instant end = job.finishedAt() != null ? job.finishedAt() : now;
            double seconds = Duration.between(job.startedAt(), end).toMillis() / 1000.0;
            rate = seconds <= 0 ? 0 : job.processedRows() / seconds;
        }
        int pending = Math.max(0, job.validRows() - job.processedRows());
        Long eta = job.isFinished() ? Long.valueOf(0) : rate > 0 && BulkJob.RUNNING.equals(job.state())
                ? Long.valueOf((long) Math.ceil(pending / rate)) : null;
        return new Progress(job, errors, truncated, rate, eta);
    }

    /**
     * Calls {@code listener} with the job's progress (without its errors) now and every {@code period} until the
     * returned handle is run.
     */
    public Runnable follow(Issuer issuer, String jobId, Duration period, Consumer<Progress> listener) {
        job(issuer, jobId);
        ScheduledFuture<?> task = ticker.scheduleWithFixedDelay(() -> {
            try {
                db.read(c -> store.bulkJobs().job(c, jobId))
                        .ifPresent(j -> listener.accept(progressOf(j, List.of(), false)));
            } catch (RuntimeException e) {
                LOG.warn("bulk progress not read job={} exception={}", jobId, e.getClass().getName());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    /** Schedules every job a previous run left {@code running} (on server start). */
    public void resumeUnfinished() {
        for (BulkJob job : db.read(c -> store.bulkJobs().jobsInState(c, BulkJob.RUNNING))) {
            LOG.info("bulk job resumed job={} issuer={} processed={} of={}", job.id(), job.issuerId(),
                    job.processedRows(), job.validRows());
            schedule(job.id());
        }
    }

    private void schedule(String jobId) {
        if (!background || closed || !scheduled.add(jobId)) {
            return;
        }
        runner.execute(() -> {
            try {
                runToEnd(jobId);
            } finally {
                scheduled.remove(jobId);
            }
        });
    }

    private void runToEnd(String jobId) {
        int failures = 0;
        while (!closed) {
            try {
                if (!step(jobId)) {
                    return;
                }
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                String problem = e instanceof MicrocredException m ? m.problem().slug() : e.getClass().getName();
                LOG.warn("bulk batch failed job={} problem={} failures={}", jobId, problem, failures);
                if (failures >= FAILURES_BEFORE_GIVING_UP) {
                    fail(jobId, "issuing stopped after repeated failures (" + problem + "): start the job again");
                    return;
                }
                try {
                    Thread.sleep(500L * failures);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void fail(String jobId, String why) {
        try {
            db.inTransaction(c -> store.bulkJobs().finish(c, jobId, BulkJob.FAILED, why, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("bulk job not marked failed job={} exception={}", jobId, e.getClass().getName());
        }
        forgetJob(jobId);
    }

    /**
     * Issues the job's next batch of pending rows, or finishes the job when none is left.
     *
     * @return whether rows may remain (false: the job is finished, or not running)
     */
    public boolean step(String jobId) {
        BulkJob job = db.read(c -> store.bulkJobs().job(c, jobId)).orElse(null);
        if (job == null || !BulkJob.RUNNING.equals(job.state())) {
            return false;
        }
        Issuer issuer = db.read(c -> store.issuers().byId(c, job.issuerId())).orElseThrow();
        meters.computeIfAbsent(jobId, id -> new Meter(System.nanoTime(), job.processedRows()));
        for (int attempt = 1; ; attempt++) {
            int after = cursors.getOrDefault(jobId, 0);
            Batch batch = attempt == 1 ? prefetched(jobId, after) : null;
            if (batch == null) {
                List<PendingRow> due = db.read(c -> store.bulkJobs().pendingRows(c, jobId, after, BATCH_ROWS));
                if (due.isEmpty()) {
                    db.inTransaction(c -> store.bulkJobs().finish(c, jobId, BulkJob.DONE, null, clock.instant()));
                    BulkJob done = db.read(c -> store.bulkJobs().job(c, jobId)).orElseThrow();
                    LOG.info("bulk job done job={} issued={} skipped={} failed={}", jobId, done.issuedRows(),
                            done.skippedRows(), done.failedRows());
                    forgetJob(jobId);
                    return false;
                }
                batch = prepareBatch(issuer, jobId, due);
            }
            if (background && !closed) {
                // pipelining: the next batch is read and signed while this one is stored
                int last = batch.lastRow;
                prefetch.put(jobId, new Prefetch(last, prefetcher.submit(() -> {
                    List<PendingRow> next = db.read(c -> store.bulkJobs().pendingRows(c, jobId, last, BATCH_ROWS));
                    return next.isEmpty() ? null : prepareBatch(issuer, jobId, next);
                })));
            }
            try {
                commit(jobId, batch);
                cursors.put(jobId, batch.lastRow);
                issuedRows.accept(batch.prepared.size());
                return true;
            } catch (MicrocredException e) {
                batch.lists.forEach(status::forget);
                Prefetch dropped = prefetch.remove(jobId);
                if (dropped != null) {
                    dropped.batch.cancel(false);
                }
                if (e.problem() == Problem.CONFLICT && attempt < ATTEMPTS) {
                    LOG.info("bulk batch conflicted, retrying job={} attempt={}", jobId, attempt);
                    continue;
                }
                throw e;
            }
        }
    }

    /** The batch read and signed ahead for rows after {@code after}, or null. */
    private Batch prefetched(String jobId, int after) {
        Prefetch p = prefetch.remove(jobId);
        if (p == null || p.after != after) {
            return null;
        }
        try {
            return p.batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MicrocredException(Problem.UNAVAILABLE, "bulk issuance was interrupted", e);
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    private void forgetJob(String jobId) {
        cursors.remove(jobId);
        meters.remove(jobId);
        Prefetch p = prefetch.remove(jobId);
        if (p != null) {
            p.batch.cancel(false);
        }
    }

    /** A batch ready to commit: its rows' range, the skipped and failed rows, the signed credentials and their keys. */
    private record Batch(int firstRow, int lastRow, List<RowOutcome> exceptions, List<Issuance.Prepared> prepared,
                         List<CredentialKey> keys, Set<String> lists, int skipped, int failed, Instant now,
                         long signMillis) {
        int rows() {
            return prepared.size() + skipped + failed;
        }
    }

    private record Prefetch(int after, Future<Batch> batch) {
    }

    /** Marks skipped rows, allocates indexes and signs the rest, outside any transaction. */
    private Batch prepareBatch(Issuer issuer, String jobId, List<PendingRow> due) {
        List<RowOutcome> exceptions = new ArrayList<>();
        List<BulkRow> toIssue = new ArrayList<>(due.size());
        Map<String, Object> templates = new HashMap<>();
        for (PendingRow p : due) {
            if (p.issuedCredentialId() != null) {
                exceptions.add(new RowOutcome(p.row().id(), BulkRow.SKIPPED, p.issuedCredentialId(), null));
                continue;
            }
            Object template = templates.computeIfAbsent(p.row().achievementId(), id -> template(issuer, id));
            if (template instanceof String why) {
                exceptions.add(new RowOutcome(p.row().id(), BulkRow.FAILED, null, why));
            } else {
                toIssue.add(p.row());
            }
        }
        Set<String> lists = new HashSet<>();
        List<StatusRegistry.Allocation> indexes = toIssue.isEmpty() ? List.of()
                : status.allocateAll(issuer, StatusRegistry.REVOCATION, toIssue.size());
        indexes.forEach(a -> lists.add(a.list().id()));
        // rows of achievements set to "revocation and suspension" get a suspension index too
        List<StatusRegistry.Allocation> suspensions = new ArrayList<>(toIssue.size());
        List<Integer> suspendable = new ArrayList<>();
        for (int i = 0; i < toIssue.size(); i++) {
            suspensions.add(null);
            if (((Issuance.Template) templates.get(toIssue.get(i).achievementId())).achievement().suspendable()) {
                suspendable.add(i);
            }
        }
        if (!suspendable.isEmpty()) {
            List<StatusRegistry.Allocation> taken = status.allocateAll(issuer, StatusRegistry.SUSPENSION,
                    suspendable.size());
            for (int j = 0; j < taken.size(); j++) {
                suspensions.set(suspendable.get(j), taken.get(j));
                lists.add(taken.get(j).list().id());
            }
        }
        Instant now = clock.instant();
        long t0 = System.nanoTime();
        Object[] signed = sign(toIssue, templates, indexes, suspensions, now);
        long signMillis = (System.nanoTime() - t0) / 1_000_000;
        List<Issuance.Prepared> prepared = new ArrayList<>(toIssue.size());
        List<CredentialKey> keys = new ArrayList<>(toIssue.size());
        for (int i = 0; i < toIssue.size(); i++) {
            BulkRow row = toIssue.get(i);
            if (signed[i] instanceof Issuance.Prepared p) {
                prepared.add(p);
                keys.add(new CredentialKey(issuer.id(), row.idempotencyKey(), p.stored().id(), now));
            } else {
                exceptions.add(new RowOutcome(row.id(), BulkRow.FAILED, null, (String) signed[i]));
            }
        }
        int skipped = (int) exceptions.stream().filter(o -> o.state().equals(BulkRow.SKIPPED)).count();
        int failed = exceptions.size() - skipped;
        return new Batch(due.get(0).row().rowNumber(), due.get(due.size() - 1).row().rowNumber(), exceptions,
                prepared, keys, lists, skipped, failed, now, signMillis);
    }

    /**
     * Stores the batch in ONE transaction: credentials, mails, keys, the job's cursor past the batch (which records
     * its issued rows), the skipped and failed rows, the job's counters.
     */
    private void commit(String jobId, Batch b) {
        long t0 = System.nanoTime();
        db.inTransaction(c -> {
            // the batch's per-credential side effects, in its transaction: credentials and claim mails (batched
            // inserts); what else must commit with each credential (a transparency-log entry) is added here
            issuance.store(c, b.prepared);
            store.credentials().insertKeys(c, b.keys);
            if (!store.bulkJobs().finishBatch(c, jobId, b.firstRow, b.lastRow, b.exceptions)) {
                throw new MicrocredException(Problem.CONFLICT, "rows of the batch were finished by another worker");
            }
            store.bulkJobs().addProgress(c, jobId, b.prepared.size(), b.skipped, b.failed, b.now);
            return null;
        });
        issuance.logCommitted();
        // what single issuance does after its commit (stackable pathways award milestones), row by row
        b.prepared.forEach(issuance::committed);
        LOG.debug("bulk batch job={} rows={} issued={} signMs={} storeMs={}", jobId, b.rows(),
                b.prepared.size(), b.signMillis, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The template of an achievement, or why its rows cannot be issued. */
    private Object template(Issuer issuer, String achievementId) {
        StoredAchievement a = achievements.find(issuer, achievementId).orElse(null);
        if (a == null) {
            return "the achievement no longer exists";
        }
        try {
            return issuance.template(issuer, a);
        } catch (MicrocredException e) {
            if (e.problem() == Problem.CONFLICT || e.problem() == Problem.NOT_FOUND) {
                return e.getMessage();
            }
            throw e;
        }
    }

    /** Builds and signs the rows on the pool: each slot a {@link Issuance.Prepared} or why the row failed. */
    private Object[] sign(List<BulkRow> rows, Map<String, Object> templates, List<StatusRegistry.Allocation> indexes,
                          List<StatusRegistry.Allocation> suspensions, Instant now) {
        Object[] out = new Object[rows.size()];
        if (rows.isEmpty()) {
            return out;
        }
        int slices = Math.min(threads, rows.size());
        int size = (rows.size() + slices - 1) / slices;
        List<Callable<Void>> tasks = new ArrayList<>(slices);
        for (int from = 0; from < rows.size(); from += size) {
            int start = from;
            int end = Math.min(rows.size(), from + size);
            tasks.add(() -> {
                for (int i = start; i < end; i++) {
                    BulkRow row = rows.get(i);
                    Issuance.Recipient recipient = BulkPreview.EMAIL.equals(row.recipientKind())
                            ? new Issuance.Recipient(row.recipient(), null) : new Issuance.Recipient(null, row.recipient());
                    try {
                        out[i] = issuance.prepare((Issuance.Template) templates.get(row.achievementId()), recipient,
                                row.validFrom(), row.validUntil(), indexes.get(i), suspensions.get(i), now);
                    } catch (MicrocredException e) {
                        if (e.problem() != Problem.INVALID_REQUEST) {
                            throw e;
                        }
                        out[i] = e.getMessage();
                    }
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : signers.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MicrocredException(Problem.UNAVAILABLE, "bulk issuance was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }

    /** Stops the background work: the batch in progress commits (or rolls back), nothing new starts. */
    @Override
    public void close() {
        closed = true;
        runner.shutdown();
        ticker.shutdownNow();
        try {
            if (!runner.awaitTermination(60, TimeUnit.SECONDS)) {
                runner.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            runner.shutdownNow();
        }
        prefetcher.shutdownNow();
        signers.shutdownNow();
    }

    private record Meter(long startNanos, int startProcessed) {
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
