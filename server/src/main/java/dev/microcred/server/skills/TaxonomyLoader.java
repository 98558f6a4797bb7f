package dev.microcred.server.skills;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the {@link Taxonomy} once, on a background daemon thread, so that the server starts without waiting for it
 * (the bundled graph and its Lucene index take seconds). Until it is ready, {@link #require()} answers
 * {@link Problem#UNAVAILABLE} (HTTP 503 with {@code Retry-After}). {@link #shared()} is the one loader of the JVM: every
 * server started in it (tests start several) shares one graph and one index. Thread-safe.
 */
public final class TaxonomyLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TaxonomyLoader.class);
    private static final TaxonomyLoader SHARED = new TaxonomyLoader(Taxonomy::bundled);

    private final Supplier<Taxonomy> build;
    private final AtomicReference<CompletableFuture<Taxonomy>> loading = new AtomicReference<>();

    /** A loader that builds with {@code build} when first started. */
    public TaxonomyLoader(Supplier<Taxonomy> build) {
        this.build = Objects.requireNonNull(build, "build");
    }

    /** The JVM's loader over the bundled frameworks, started. */
    public static TaxonomyLoader shared() {
        SHARED.start();
        return SHARED;
    }

    /** Starts loading in the background unless it has started; returns at once. */
    public TaxonomyLoader start() {
        CompletableFuture<Taxonomy> future = new CompletableFuture<>();
        if (loading.compareAndSet(null, future)) {
            Thread t = new Thread(() -> {
                long started = System.nanoTime();
                try {
                    future.complete(build.get());
                    LOG.info("skills frameworks loaded ms={}", (System.nanoTime() - started) / 1_000_000);
                } catch (RuntimeException | Error e) {
                    LOG.error("skills frameworks failed to load exception={}", e.getClass().getName());
                    future.completeExceptionally(e);
                }
            }, "microcred-skills-load");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
        return this;
    }

    /** The taxonomy when it is ready. */
    public Optional<Taxonomy> now() {
        CompletableFuture<Taxonomy> f = loading.get();
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /**
     * The taxonomy.
     *
     * @throws MicrocredException {@code UNAVAILABLE} while it is loading (retry shortly), {@code IO_ERROR} when
     *     loading failed
     */
    public Taxonomy require() {
        CompletableFuture<Taxonomy> f = loading.get();
        if (f == null) {
            start();
            f = loading.get();
        }
        if (!f.isDone()) {
            throw new MicrocredException(Problem.UNAVAILABLE,
                    "the skills frameworks (ESCO, O*NET) are still loading after start: retry in a few seconds");
        }
        if (f.isCompletedExceptionally()) {
            throw new MicrocredException(Problem.IO_ERROR, "the skills frameworks could not be loaded (see the log)");
        }
        return f.join();
    }

    /** Waits up to {@code timeout} for the taxonomy (the demo loader, tests). */
    public Taxonomy await(Duration timeout) {
        start();
        try {
            return loading.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MicrocredException(Problem.UNAVAILABLE, "the skills frameworks did not load within " + timeout);
        } catch (ExecutionException e) {
            throw new MicrocredException(Problem.IO_ERROR, "the skills frameworks could not be loaded", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MicrocredException(Problem.UNAVAILABLE, "interrupted while waiting for the skills frameworks");
        }
    }
}
