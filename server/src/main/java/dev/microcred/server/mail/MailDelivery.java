package dev.microcred.server.mail;

import dev.microcred.store.Database;
import dev.microcred.store.OutboxMail;
import dev.microcred.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox through a {@link MailTransport}: every {@link #POLL} a worker thread takes the due mails
 * (claiming each with a lease, so that nodes sharing a database never send one twice at once), sends them and marks
 * them sent. A failure keeps the mail in the outbox and makes it due again after a backoff that doubles from
 * {@link #FIRST_RETRY} up to {@link #MAX_RETRY}; mail is retried until it goes, never dropped. Requests only enqueue
 * (in their own transaction), so a slow or absent mail server never blocks them. Logs carry mail ids and kinds,
 * never addresses, subjects or bodies. Thread-safe.
 */
public final class MailDelivery implements AutoCloseable {
    public static final Duration POLL = Duration.ofSeconds(2);
    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    public static final Duration MAX_RETRY = Duration.ofHours(1);
    /** How long a claimed mail is left to its worker before another may take it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private final Database db;
    private final Store store;
    private final MailTransport transport;
    private final Clock clock;
    private final ScheduledExecutorService worker;

    private MailDelivery(Database db, Store store, MailTransport transport, Clock clock, boolean background) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker = background ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "microcred-mail");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Starts delivering in the background, first now and then every {@link #POLL}. */
    public static MailDelivery start(Database db, Store store, MailTransport transport, Clock clock) {
        MailDelivery d = new MailDelivery(db, store, transport, clock, true);
        d.worker.scheduleWithFixedDelay(d::deliverQuietly, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        return d;
    }

    /** A delivery that runs only when {@link #deliverDue} is called (tests step it). */
    public static MailDelivery manual(Database db, Store store, MailTransport transport, Clock clock) {
        return new MailDelivery(db, store, transport, clock, false);
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // the database may be briefly unavailable: the next poll tries again
            LOG.warn("mail delivery round failed error={}", e.getClass().getSimpleName());
        }
    }

    /** Sends every mail due now; answers how many were sent. */
    public int deliverDue() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxMail> due = db.read(c -> store.outbox().due(c, now, BATCH));
            if (due.isEmpty()) {
                return sent;
            }
            int claimed = 0;
            for (OutboxMail mail : due) {
                Instant at = clock.instant();
                if (!db.inTransaction(c -> store.outbox().claim(c, mail.id(), at, at.plus(LEASE)))) {
                    continue;
                }
                claimed++;
                if (deliver(mail)) {
                    sent++;
                }
            }
            if (claimed == 0) {
                return sent;
            }
        }
    }

    private boolean deliver(OutboxMail mail) {
        try {
            transport.send(mail);
        } catch (MailTransport.MailFailure e) {
            int attempts = db.read(c -> store.outbox().delivery(c, mail.id())).map(d -> d.attempts())
                    .orElse(0) + 1;
            Instant attemptedAt = clock.instant();
            Instant retryAt = attemptedAt.plus(backoff(attempts));
            db.inTransaction(c -> {
                store.outbox().failed(c, mail.id(), attemptedAt, retryAt, e.getMessage());
                return null;
            });
            LOG.warn("mail not sent mail={} kind={} attempt={} retryAt={} error=\"{}\"", mail.id(), mail.kind(),
                    attempts, retryAt, e.getMessage());
            return false;
        }
        db.inTransaction(c -> store.outbox().markSent(c, mail.id(), clock.instant()));
        LOG.info("mail sent mail={} kind={}", mail.id(), mail.kind());
        return true;
    }

    /** The wait after the {@code attempts}-th failure: 30 s, 1 min, 2 min, ... at most an hour. */
    public static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = FIRST_RETRY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    /** Stops the worker (a mail being sent finishes; the rest stays in the outbox for the next start). */
    @Override
    public void close() {
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination(SmtpTransport.TIMEOUT_MS + 1000L,
                        TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "MailDelivery[" + transport + "]";
    }
}
