package dev.microcred.server.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.dataintegrity.Cryptosuite;
import dev.microcred.credentials.dataintegrity.DataIntegrity;
import dev.microcred.credentials.dataintegrity.ProofOptions;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.status.StatusEntry;
import dev.microcred.credentials.status.StatusIndexAllocator;
import dev.microcred.credentials.status.StatusList;
import dev.microcred.credentials.status.StatusListCredential;
import dev.microcred.server.tlog.TransparencyLog;
import dev.microcred.tlog.entry.StatusListPublication;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.store.CredentialState;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.IssuerKey;
import dev.microcred.store.Store;
import dev.microcred.store.StoredCredential;
import dev.microcred.store.StoredStatusList;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuers' status lists (W3C Bitstring Status List v1.0): random index allocation (§6.1 group privacy),
 * publication as signed {@code BitstringStatusListCredential}s, and the status changes that set or clear bits.
 *
 * <p>Allocators are kept per list and seeded from the stored credentials on first use; an index another node took
 * meanwhile surfaces as a unique-constraint conflict on insert, and {@link #forget} drops the allocator so the
 * retry re-seeds. A list's signed credential is cached in the database with the version of the bits it shows and
 * re-signed on the first request after a change; each signed version is published with a {@code status-list}
 * entry in the transparency log, in the transaction that stores it. Thread-safe.
 */
public final class StatusRegistry {
    public static final String REVOCATION = "revocation";
    public static final String SUSPENSION = "suspension";
    public static final List<String> PURPOSES = List.of(REVOCATION, SUSPENSION);
    /** How long verifiers may cache a list: the {@code ttl} of the list and the {@code max-age} it is served with. */
    public static final Duration TTL = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(StatusRegistry.class);

    private final Database db;
    private final Store store;
    private final IssuerRegistry issuers;
    private final KeyRing keys;
    private final Clock clock;
    private final TransparencyLog log;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, StatusIndexAllocator> allocators = new ConcurrentHashMap<>();

    public StatusRegistry(Database db, Store store, IssuerRegistry issuers, KeyRing keys, Clock clock,
                          TransparencyLog log) {
        this.log = Objects.requireNonNull(log, "log");
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An allocated place in a list: the list row and the index. */
    public record Allocation(StoredStatusList list, int index) {
        /** The {@code credentialStatus} entry for this place. */
        public StatusEntry entry() {
            return StatusEntry.of(list.purpose(), index, URI.create(list.url()));
        }
    }

    /** A random free index in the issuer's newest list of {@code purpose}; a full list starts the next one. */
    public Allocation allocate(Issuer issuer, String purpose) {
        for (int attempt = 0; attempt < 3; attempt++) {
            StoredStatusList list = db.read(c -> store.statusLists().latest(c, issuer.id(), purpose))
                    .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                            "issuer " + issuer.slug() + " has no " + purpose + " list"));
            StatusIndexAllocator allocator = allocators.computeIfAbsent(list.id(), id -> new StatusIndexAllocator(
                    list.lengthBits(), random, db.read(c -> store.credentials().usedIndexes(c, list))));
            try {
                return new Allocation(list, (int) allocator.allocate());
            } catch (MicrocredException full) {
                startNextList(issuer, list);
            }
        }
        throw new MicrocredException(Problem.UNAVAILABLE, "could not allocate a status index: retry");
    }

    /**
     * {@code count} random free indexes for a batch, reading the issuer's newest list once; a list that fills up
     * midway starts the next one.
     */
    public List<Allocation> allocateAll(Issuer issuer, String purpose, int count) {
        List<Allocation> out = new ArrayList<>(count);
        int fullLists = 0;
        while (out.size() < count) {
            StoredStatusList list = db.read(c -> store.statusLists().latest(c, issuer.id(), purpose))
                    .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                            "issuer " + issuer.slug() + " has no " + purpose + " list"));
            StatusIndexAllocator allocator = allocators.computeIfAbsent(list.id(), id -> new StatusIndexAllocator(
                    list.lengthBits(), random, db.read(c -> store.credentials().usedIndexes(c, list))));
            try {
                while (out.size() < count) {
                    out.add(new Allocation(list, (int) allocator.allocate()));
                }
            } catch (MicrocredException full) {
                if (++fullLists > 3) {
                    throw new MicrocredException(Problem.UNAVAILABLE, "could not allocate status indexes: retry");
                }
                startNextList(issuer, list);
            }
        }
        return out;
    }

    private void startNextList(Issuer issuer, StoredStatusList full) {
        try {
            db.inTransaction(c -> {
                store.statusLists().insert(c, issuers.newList(issuer, full.purpose(), full.seq() + 1, clock.instant()));
                return null;
            });
            LOG.info("status list started issuer={} purpose={} seq={}", issuer.id(), full.purpose(), full.seq() + 1);
        } catch (MicrocredException e) {
            if (e.problem() != Problem.CONFLICT) {
                throw e;
            }
            // another node started it first
        }
    }

    /** Drops the cached allocator of a list (after an index conflict), so the next allocation re-reads the store. */
    public void forget(String listId) {
        allocators.remove(listId);
    }

    /**
     * The signed status list credential published at {@code url}, signed now when the bits changed since the last
     * signature.
     */
    public Optional<String> signedList(String url) {
        Optional<String> current = db.read(c -> store.statusLists().signedIfCurrent(c, url));
        if (current.isPresent()) {
            return current;
        }
        Optional<StoredStatusList> found = db.read(c -> store.statusLists().byUrl(c, url));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredStatusList list = found.get();
        if (list.isSignedCurrent()) {
            return Optional.of(list.signedDocument());
        }
        Issuer issuer = db.read(c -> store.issuers().byId(c, list.issuerId())).orElseThrow();
        IssuerKey key = issuers.activeKey(issuer);
        Instant now = clock.instant();
        // validFrom: when these bits were set, which precedes any verification that reads them
        Instant validFrom = list.updatedAt().truncatedTo(ChronoUnit.SECONDS);
        StatusListCredential credential = new StatusListCredential(URI.create(list.url()), issuer.did(),
                list.purpose(), bitsOf(list), validFrom, null, TTL);
        ObjectNode signed = DataIntegrity.standard().sign(credential.toJson(),
                ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, key.verificationMethod()).withCreated(now),
                keys.signer(key));
        String text = Json.write(signed);
        // the publication of this version is logged in the transaction that stores it; the first version is 0
        // (no bits set), published as version 1
        StatusListPublication entry = new StatusListPublication(issuer.did(), list.url(), list.version() + 1,
                Hash.of(Sha256.digest(text)),
                now.truncatedTo(ChronoUnit.SECONDS));
        boolean saved = db.inTransaction(c -> {
            boolean stored = store.statusLists().saveSigned(c, list.id(), list.version(), text);
            if (stored) {
                log.append(c, entry);
            }
            return stored;
        });
        if (saved) {
            log.committed();
        }
        if (!saved) {
            // another node (or request) published this version first: serve what it published, which is logged
            return db.read(c -> store.statusLists().byUrl(c, url)).map(StoredStatusList::signedDocument)
                    .or(() -> Optional.of(text));
        }
        LOG.debug("status list signed list={} version={}", list.id(), list.version());
        return Optional.of(text);
    }

    static StatusList bitsOf(StoredStatusList list) {
        List<Integer> set = new ArrayList<>();
        Bytes bits = list.bits();
        for (int i = 0; i < bits.length(); i++) {
            int b = bits.get(i) & 0xff;
            for (int j = 0; b != 0 && j < 8; j++) {
                if ((b & (0x80 >>> j)) != 0) {
                    set.add(i * 8 + j);
                }
            }
        }
        return StatusList.ofLength(list.lengthBits()).with(set, true);
    }

    /** A status change an issuer asks for. */
    public enum Change {
        REVOKE, SUSPEND, UNSUSPEND
    }

    /**
     * Revokes, suspends or unsuspends a credential of {@code issuer}: the credential's state and its bit in the
     * matching list change in one transaction, under the list row's lock.
     *
     * @throws MicrocredException {@code NOT_FOUND} for another issuer's or an unknown credential, {@code CONFLICT}
     *     for a change its state does not allow (a revoked credential is revoked for good)
     */
    public StoredCredential change(Issuer issuer, String credentialId, Change change, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "reason is at most 500 characters");
        }
        StoredCredential result = db.inTransaction(c -> {
            StoredCredential k = store.credentials().byId(c, credentialId)
                    .filter(x -> x.issuerId().equals(issuer.id()))
                    .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no credential " + credentialId
                            + " of issuer " + issuer.slug()));
            if (k.state() == CredentialState.REVOKED) {
                throw new MicrocredException(Problem.CONFLICT, "the credential is revoked: revocation is final");
            }
            String listId;
            Integer index;
            boolean set;
            CredentialState next;
            switch (change) {
                case REVOKE -> {
                    listId = k.revocationListId();
                    index = k.revocationIndex();
                    set = true;
                    next = CredentialState.REVOKED;
                }
                case SUSPEND -> {
                    if (k.state() == CredentialState.SUSPENDED) {
                        throw new MicrocredException(Problem.CONFLICT, "the credential is suspended already");
                    }
                    listId = k.suspensionListId();
                    index = k.suspensionIndex();
                    set = true;
                    next = CredentialState.SUSPENDED;
                }
                case UNSUSPEND -> {
                    if (k.state() != CredentialState.SUSPENDED) {
                        throw new MicrocredException(Problem.CONFLICT, "the credential is not suspended");
                    }
                    listId = k.suspensionListId();
                    index = k.suspensionIndex();
                    set = false;
                    next = CredentialState.ACTIVE;
                }
                default -> throw new IllegalStateException();
            }
            if (listId == null || index == null) {
                if (change != Change.REVOKE && k.achievementId() != null) {
                    throw new MicrocredException(Problem.CONFLICT, "the credential has no suspension entry, only a"
                            + " revocation one: its achievement's status setting is 'revocation only' (the default,"
                            + " exactly what the OB 3.0 schema allows), so it can be revoked but not suspended. Set"
                            + " the achievement to 'revocation and suspension' for the credentials issued from then"
                            + " on");
                }
                throw new MicrocredException(Problem.CONFLICT, "the credential has no " + (change == Change.REVOKE
                        ? REVOCATION : SUSPENSION) + " entry: its status cannot change");
            }
            StoredStatusList list = store.statusLists().lock(c, listId).orElseThrow();
            byte[] bits = list.bits().toArray();
            int mask = 0x80 >>> (index & 7);
            bits[index >>> 3] = (byte) (set ? bits[index >>> 3] | mask : bits[index >>> 3] & ~mask);
            Instant now = clock.instant();
            store.statusLists().updateBits(c, listId, Bytes.of(bits), now);
            store.credentials().updateState(c, k.id(), next, next == CredentialState.ACTIVE ? null : why,
                    next == CredentialState.REVOKED ? now : null);
            return store.credentials().byId(c, k.id()).orElseThrow();
        });
        LOG.info("credential status changed credential={} issuer={} change={}", credentialId, issuer.id(), change);
        return result;
    }
}
