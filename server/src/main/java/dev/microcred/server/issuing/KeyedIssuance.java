package dev.microcred.server.issuing;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.store.CredentialKey;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.Store;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCredential;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issuing one credential under an idempotency key (the API's {@code Idempotency-Key} header, the console form's
 * key): the key is stored with the credential in the transaction that stores it ({@code credential_key}, unique per
 * issuer), so the same request sent again answers the credential it issued the first time, even when both arrive at
 * once. The same key with another achievement, recipient or validity is refused and issues nothing. Keys of the
 * different sources never meet: each caller gives its prefix ({@code a:} API, {@code f:} form; bulk rows use
 * {@code k:} and {@code h:}). Immutable and thread-safe.
 */
public final class KeyedIssuance {
    /** What a key may be: 1-150 printable ASCII characters. */
    public static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,150}");

    private final Database db;
    private final Store store;
    private final Issuance issuance;

    public KeyedIssuance(Database db, Store store, Issuance issuance) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.issuance = Objects.requireNonNull(issuance, "issuance");
    }

    /**
     * The credential, and whether it was issued before under this key ({@code replayed}).
     *
     * @param issued the credential as just issued, or null when replayed
     */
    public record Outcome(StoredCredential stored, Issuance.Issued issued, boolean replayed) {
        public Outcome {
            Objects.requireNonNull(stored, "stored");
        }
    }

    /**
     * Issues as {@link Issuance#issue(Issuer, StoredAchievement, Issuance.Recipient, Instant, Instant)} unless
     * {@code key} yielded a credential before.
     *
     * @param key the full key (with its source's prefix)
     * @throws MicrocredException {@code CONFLICT} when the key yielded a credential of another achievement,
     *     recipient or validity
     */
    public Outcome issue(Issuer issuer, StoredAchievement achievement, Issuance.Recipient recipient, Instant validFrom,
                         Instant validUntil, String key) {
        Objects.requireNonNull(key, "key");
        Optional<StoredCredential> before = before(issuer, key, achievement, recipient, validFrom, validUntil);
        if (before.isPresent()) {
            return new Outcome(before.get(), null, true);
        }
        try {
            Issuance.Issued issued = issuance.issue(issuer, achievement, recipient, validFrom, validUntil,
                    (c, stored) -> store.credentials().insertKeys(c, List.of(new CredentialKey(issuer.id(), key,
                            stored.id(), stored.issuedAt()))));
            return new Outcome(issued.stored(), issued, false);
        } catch (MicrocredException e) {
            if (e.problem() != Problem.CONFLICT) {
                throw e;
            }
            // the same request twice at once: the other one stored the key first
            return before(issuer, key, achievement, recipient, validFrom, validUntil)
                    .map(k -> new Outcome(k, null, true)).orElseThrow(() -> e);
        }
    }

    private Optional<StoredCredential> before(Issuer issuer, String key, StoredAchievement achievement,
                                              Issuance.Recipient recipient, Instant validFrom, Instant validUntil) {
        Optional<StoredCredential> found = db.read(c -> {
            Optional<String> id = store.credentials().byKey(c, issuer.id(), key);
            return id.isEmpty() ? Optional.<StoredCredential>empty() : store.credentials().byId(c, id.get());
        });
        if (found.isPresent()) {
            StoredCredential k = found.get();
            boolean same = achievement.id().equals(k.achievementId()) && recipient.hash().equals(k.recipientHash())
                    && (validFrom == null || validFrom.equals(k.validFrom()))
                    && (validUntil == null || validUntil.equals(k.validUntil()));
            if (!same) {
                throw new MicrocredException(Problem.CONFLICT, "this idempotency key was used for another credential"
                        + " (other achievement, recipient or validity): nothing was issued now");
            }
        }
        return found;
    }
}
