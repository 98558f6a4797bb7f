package dev.microcred.server.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.store.CredentialKey;
import dev.microcred.store.CredentialState;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.OutboxMail;
import dev.microcred.store.Store;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCredential;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Renews a credential: issues a new credential of the same achievement to the same recipient through
 * {@link Issuance#issue} (new id, new status entries, signed, its transparency log entry and claim mail as for any
 * issuance) and records the link renewed → renewal in the transaction that stores it. A revoked credential is not
 * renewed; a credential is renewed at most once (renewing again means renewing its renewal, so renewals form a
 * chain). The signed credential carries no link (the OB 3.0 schema has no property for it): the link lives in the
 * platform. Immutable and thread-safe.
 */
public final class Renewal {
    private static final String CLAIM_MAIL = "credential-issued";

    private final Database db;
    private final Store store;
    private final Issuance issuance;
    private final AchievementCatalog achievements;

    public Renewal(Database db, Store store, Issuance issuance, AchievementCatalog achievements) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.issuance = Objects.requireNonNull(issuance, "issuance");
        this.achievements = Objects.requireNonNull(achievements, "achievements");
    }

    /**
     * The renewal, and whether it was made before under the idempotency key ({@code replayed}).
     *
     * @param credential the signed renewal
     */
    public record Renewed(StoredCredential stored, ObjectNode credential, boolean replayed) {
        public Renewed {
            Objects.requireNonNull(stored, "stored");
            Objects.requireNonNull(credential, "credential");
        }
    }

    /**
     * Renews credential {@code id} of {@code issuer}.
     *
     * @param validFrom null for now
     * @param validUntil null for the achievement's validity period from {@code validFrom} (or no expiry)
     * @param key the full idempotency key (with its source's prefix), or null
     * @throws MicrocredException {@code NOT_FOUND} for another issuer's or an unknown credential; {@code CONFLICT}
     *     when it is revoked, renewed already, not of an achievement, its achievement archived, or the key was used
     *     for another request
     */
    public Renewed renew(Issuer issuer, String id, Instant validFrom, Instant validUntil, String key) {
        StoredCredential old = db.read(c -> store.credentials().byId(c, id))
                .filter(k -> k.issuerId().equals(issuer.id()))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no credential " + id + " of this issuer"));
        if (key != null) {
            Optional<Renewed> before = before(issuer, old, key);
            if (before.isPresent()) {
                return before.get();
            }
        }
        refuseUnrenewable(old);
        StoredAchievement achievement = achievements.find(issuer, old.achievementId())
                .orElseThrow(() -> new MicrocredException(Problem.CONFLICT, "the credential's achievement is gone"));
        Issuance.Recipient recipient = recipient(old);
        try {
            Issuance.Issued issued = issuance.issue(issuer, achievement, recipient, validFrom, validUntil,
                    (c, stored) -> {
                        CredentialState state = store.credentials().lockState(c, old.id()).orElseThrow();
                        if (state == CredentialState.REVOKED) {
                            throw new MicrocredException(Problem.CONFLICT, revokedMessage(old.id()));
                        }
                        store.credentials().insertRenewal(c, old.id(), stored.id(), stored.issuedAt());
                        if (key != null) {
                            store.credentials().insertKeys(c, List.of(new CredentialKey(issuer.id(), key, stored.id(),
                                    stored.issuedAt())));
                        }
                    });
            return new Renewed(issued.stored(), issued.credential(), false);
        } catch (MicrocredException e) {
            if (e.problem() != Problem.CONFLICT) {
                throw e;
            }
            // two renewals at once: the other one stored the link (and perhaps this key) first
            if (key != null) {
                Optional<Renewed> before = before(issuer, old, key);
                if (before.isPresent()) {
                    return before.get();
                }
            }
            refuseUnrenewable(db.read(c -> store.credentials().byId(c, old.id())).orElseThrow());
            throw e;
        }
    }

    private void refuseUnrenewable(StoredCredential old) {
        if (old.state() == CredentialState.REVOKED) {
            throw new MicrocredException(Problem.CONFLICT, revokedMessage(old.id()));
        }
        if (old.achievementId() == null) {
            throw new MicrocredException(Problem.CONFLICT, "credential " + old.id() + " was issued through VCALM"
                    + " from a caller-built body: only achievement credentials are renewed; issue a new one instead");
        }
        String renewal = db.read(c -> store.credentials().renewalLinks(c, old.id())).renewedBy();
        if (renewal != null) {
            throw new MicrocredException(Problem.CONFLICT, "credential " + old.id() + " was renewed already by "
                    + renewal + ": renew " + renewal + " to extend the chain");
        }
    }

    private static String revokedMessage(String id) {
        return "credential " + id + " is revoked: a revoked credential is not renewed; issue a new credential if the"
                + " learner has earned it again";
    }

    /** The renewal a key yielded before, if it renews {@code old}; a key used for anything else is refused. */
    private Optional<Renewed> before(Issuer issuer, StoredCredential old, String key) {
        Optional<StoredCredential> found = db.read(c -> {
            Optional<String> k = store.credentials().byKey(c, issuer.id(), key);
            return k.isEmpty() ? Optional.<StoredCredential>empty() : store.credentials().byId(c, k.get());
        });
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String renews = db.read(c -> store.credentials().renewalLinks(c, found.get().id())).renews();
        if (!old.id().equals(renews)) {
            throw new MicrocredException(Problem.CONFLICT, "this idempotency key was used for another request:"
                    + " nothing was renewed now");
        }
        return Optional.of(new Renewed(found.get(), Json.parseObject(found.get().document()), true));
    }

    /**
     * The recipient of {@code old} in the clear: the DID in its subject, else the email of the learner who claimed
     * it, else the address its claim mail went to; each must hash to the stored recipient hash.
     */
    private Issuance.Recipient recipient(StoredCredential old) {
        String hash = old.recipientHash();
        if (hash == null) {
            throw new MicrocredException(Problem.CONFLICT, "credential " + old.id() + " has no recorded recipient");
        }
        String subjectId = Json.parseObject(old.document()).path("credentialSubject").path("id").asText(null);
        if (subjectId != null) {
            Issuance.Recipient did = new Issuance.Recipient(null, subjectId);
            if (did.hash().equals(hash)) {
                return did;
            }
        }
        Optional<Issuance.Recipient> email = db.read(c -> {
            if (old.holderAccountId() != null) {
                Optional<Issuance.Recipient> holder = store.accounts().byId(c, old.holderAccountId())
                        .map(a -> new Issuance.Recipient(a.email(), null)).filter(r -> r.hash().equals(hash));
                if (holder.isPresent()) {
                    return holder;
                }
            }
            for (OutboxMail m : store.outbox().byRelated(c, CLAIM_MAIL, old.id())) {
                Issuance.Recipient r = new Issuance.Recipient(m.recipient(), null);
                if (r.hash().equals(hash)) {
                    return Optional.of(r);
                }
            }
            return Optional.<Issuance.Recipient>empty();
        });
        return email.orElseThrow(() -> new MicrocredException(Problem.CONFLICT, "the recipient of credential "
                + old.id() + " is not known in the clear any more: issue the renewal as a new credential"));
    }
}
