package dev.microcred.server.skills;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.server.Platform;
import dev.microcred.skills.matching.CandidateIndex;
import dev.microcred.skills.profile.SkillsProfile;
import dev.microcred.skills.profile.VerificationStatus;
import dev.microcred.skills.profile.VerifiedCredential;
import dev.microcred.store.CareerStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CandidateIndex} of the learners who opted in to be discoverable, built from their own wallets (claimed
 * and imported credentials, verified; proven skills only, never stale ones).
 *
 * <p>Freshness, bounded: a change this server is told of ({@link #changed}: an opt-in or opt-out, a credibility
 * record) is rebuilt into the index before the next query answers. Everything else (issuance, revocation, claims and
 * imports anywhere in the platform) is picked up by a refresh in the background once the index is older than
 * {@link #MAX_AGE}: queries meanwhile answer from the previous index, so a change shows within {@code MAX_AGE} plus
 * one rebuild. A rebuild reads the evidence of every indexed learner in three queries (claimed credentials with state
 * and validity, imports) and re-verifies a learner's credentials only when that evidence changed or one of their
 * credentials expired since; otherwise it reuses the learner's cached profile. The first index is built in the
 * background too: a query waits for it up to {@link #FIRST_BUILD_WAIT}, then answers 503 with {@code Retry-After}.
 * At most {@link #MAX_LEARNERS} learners are indexed (the longest-standing opt-ins). Thread-safe: queries
 * read an immutable snapshot; rebuilds are serialised.
 */
public final class TalentPool {
    /** The longest an index is used before it is checked against the database again. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** How long a query waits for the first index before it answers 503. */
    public static final Duration FIRST_BUILD_WAIT = Duration.ofSeconds(5);
    /** Most learners indexed. */
    public static final int MAX_LEARNERS = 200_000;
    private static final Logger LOG = LoggerFactory.getLogger(TalentPool.class);

    private final Platform p;
    private final CareerStore career;
    private final WalletSkills wallet;
    private final IssuerCredibility credibility;
    private final Map<String, Learner> learners = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    private volatile boolean dirty = true;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();

    public TalentPool(Platform platform, CareerStore career, WalletSkills wallet, IssuerCredibility credibility) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.career = Objects.requireNonNull(career, "career");
        this.wallet = Objects.requireNonNull(wallet, "wallet");
        this.credibility = Objects.requireNonNull(credibility, "credibility");
    }

    /** A credential behind a proof in the index, for explanations. */
    public record CredentialRef(String credentialId, String achievementName, String issuerName, String standing) {
    }

    /**
     * One index and what its keys mean: learner key = position in {@code accounts}, credential key = position in
     * {@code credentials}.
     */
    public record Snapshot(CandidateIndex index, List<String> accounts, List<CredentialRef> credentials,
                           Instant builtAt, int reverified) {
    }

    private record Learner(String fingerprint, Instant expires, SkillsProfile profile,
                           Map<String, CredentialRef> refs) {
    }

    /** Something that affects the index changed (an opt-in, a credential of {@code accountId}); null: everything. */
    public void changed(String accountId) {
        if (accountId == null) {
            learners.clear();
        } else {
            learners.remove(accountId);
        }
        dirty = true;
    }

    /**
     * The current index: rebuilt first when there is none yet or a change was notified; when it is only older than
     * {@link #MAX_AGE}, a background refresh starts and this index answers.
     */
    public Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            return first();
        }
        if (!dirty) {
            if (!s.builtAt().plus(MAX_AGE).isAfter(p.clock().instant())) {
                refreshInBackground();
            }
            return s;
        }
        return refresh();
    }

    /**
     * The first index: built in the background (every wallet is verified once), waited for up to
     * {@link #FIRST_BUILD_WAIT}.
     *
     * @throws MicrocredException {@code UNAVAILABLE} (503 with Retry-After) while it is still being built
     */
    private Snapshot first() {
        refreshInBackground();
        long deadline = System.nanoTime() + FIRST_BUILD_WAIT.toNanos();
        while (snapshot == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Snapshot s = snapshot;
        if (s == null) {
            throw new MicrocredException(Problem.UNAVAILABLE, "the candidate index is being built (every"
                    + " discoverable learner's credentials are verified once): retry in a few seconds");
        }
        return s;
    }

    private void refreshInBackground() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warn("talent index refresh failed exception={}", e.getClass().getName());
            } finally {
                refreshing.set(false);
            }
        }, "microcred-talent-refresh");
        t.setDaemon(true);
        t.start();
    }

    /** Rebuilds unless another thread rebuilt since the last notified change. */
    private synchronized Snapshot refresh() {
        Snapshot s = snapshot;
        Instant now = p.clock().instant();
        if (s != null && !dirty && s.builtAt().plus(MAX_AGE).isAfter(now)) {
            return s;
        }
        dirty = false;
        snapshot = rebuild(now);
        return snapshot;
    }

    private Snapshot rebuild(Instant now) {
        long started = System.nanoTime();
        Map<String, String> evidence = p.db().read(c -> career.talent().evidence(c, MAX_LEARNERS));
        List<String> accounts = List.copyOf(evidence.keySet());
        Map<String, IssuerCredibility.Standing> standings = null;
        CandidateIndex.Builder builder = CandidateIndex.builder(accounts.size(), accounts.size() * 8);
        List<CredentialRef> refs = new ArrayList<>();
        int reverified = 0;
        learners.keySet().retainAll(accounts);
        for (int i = 0; i < accounts.size(); i++) {
            String account = accounts.get(i);
            String fingerprint = digest(evidence.get(account));
            Learner l = learners.get(account);
            if (l == null || !l.fingerprint().equals(fingerprint)
                    || (l.expires() != null && !now.isBefore(l.expires()))) {
                if (standings == null) {
                    standings = credibility.byDid();
                }
                l = learner(account, fingerprint, standings);
                learners.put(account, l);
                reverified++;
            }
            Map<String, Long> keys = new HashMap<>();
            for (Map.Entry<String, CredentialRef> e : l.refs().entrySet()) {
                keys.put(e.getKey(), (long) refs.size());
                refs.add(e.getValue());
            }
            builder.profile(i, l.profile(), id -> keys.getOrDefault(id, -1L));
        }
        Snapshot s = new Snapshot(builder.build(), List.copyOf(accounts), List.copyOf(refs), now, reverified);
        LOG.info("talent index built learners={} proofs={} reverified={} ms={}", accounts.size(), s.index().postings(),
                reverified, (System.nanoTime() - started) / 1_000_000);
        return s;
    }

    private static String digest(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private Learner learner(String account, String fingerprint, Map<String, IssuerCredibility.Standing> standings) {
        List<PresentedCredential> mine = wallet.credentials(account, standings);
        List<VerifiedCredential> verified = mine.stream().map(PresentedCredential::verified).toList();
        Instant expires = null;
        Map<String, CredentialRef> refs = new HashMap<>();
        for (VerifiedCredential v : verified) {
            if (v.status() != VerificationStatus.VALID) {
                continue;
            }
            if (v.validUntil() != null && (expires == null || v.validUntil().isBefore(expires))) {
                expires = v.validUntil();
            }
            IssuerCredibility.Standing s = standings.get(v.issuerId());
            refs.put(v.credentialId(), new CredentialRef(v.credentialId(), v.achievementName().isEmpty()
                    ? v.credentialId() : v.achievementName(), s == null ? v.issuerId() : s.issuer().name(),
                    IssuerCredibility.describe(s)));
        }
        return new Learner(fingerprint, expires, SkillsProfile.of(verified), refs);
    }
}
