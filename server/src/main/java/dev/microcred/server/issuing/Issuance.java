package dev.microcred.server.issuing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.core.TimeOrderedIds;
import dev.microcred.server.tlog.TransparencyLog;
import dev.microcred.credentials.dataintegrity.Cryptosuite;
import dev.microcred.credentials.dataintegrity.DataIntegrity;
import dev.microcred.credentials.dataintegrity.ProofOptions;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.AchievementSubject;
import dev.microcred.credentials.ob3.OpenBadgeCredential;
import dev.microcred.credentials.ob3.Profile;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.store.Accounts;
import dev.microcred.store.CredentialState;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.IssuerKey;
import dev.microcred.store.OutboxMail;
import dev.microcred.store.Store;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCredential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues credentials: the OB 3.0 path (an achievement to a recipient by email or DID) and the VCALM path (a
 * credential body built by the caller). OB 3.0 credentials get a random index in the issuer's revocation list (the
 * OB 3.0 schema allows one {@code credentialStatus} object), and in its suspension list too when the achievement's
 * status setting asks for it ({@code credentialStatus} is then an array of two, as VC 2.0 allows); VCALM
 * credentials get one in each list that {@code options.credentialStatus} asks for. Both sign with the
 * issuer's active key outside any transaction, then store the credential, and for OB 3.0 the learner's claim mail,
 * in one transaction. An index taken meanwhile by another node (a unique-constraint conflict) is retried with fresh
 * indexes. Thread-safe.
 */
public final class Issuance {
    public static final String FORMAT_LDP = "ldp_vc";
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{1,63}");
    private static final Logger LOG = LoggerFactory.getLogger(Issuance.class);
    private static final int ATTEMPTS = 3;

    private final Database db;
    private final Store store;
    private final IssuerRegistry issuers;
    private final StatusRegistry status;
    private final KeyRing keys;
    private final Clock clock;
    private final AfterIssue afterIssue;
    private final TransparencyLog log;
    private final JwtForms jwtForms;
    private final SecureRandom random = new SecureRandom();

    /**
     * An issuance that appends every credential's issuance entry to {@code log} in the transaction that stores it,
     * and tells {@code afterIssue} of every OB 3.0 credential once it is committed.
     */
    public Issuance(Database db, Store store, IssuerRegistry issuers, StatusRegistry status, KeyRing keys, Clock clock,
                    TransparencyLog log, AfterIssue afterIssue) {
        this.log = Objects.requireNonNull(log, "log");
        this.afterIssue = Objects.requireNonNull(afterIssue, "afterIssue");
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.status = Objects.requireNonNull(status, "status");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jwtForms = new JwtForms(db, store, issuers, keys, log, clock);
    }

    /** The VC-JWT forms of issued credentials (the wallet's JWT download). */
    public JwtForms jwtForms() {
        return jwtForms;
    }

    /** Who receives a credential: an email address (hashed in the credential) or a DID/URI. */
    public record Recipient(String email, String id) {
        public Recipient {
            if ((email == null) == (id == null)) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "recipient needs an email or an id, not both");
            }
            if (email != null && !EMAIL.matcher(email.strip()).matches()) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "recipient email is not an email address");
            }
            if (id != null && !id.matches("[a-zA-Z][a-zA-Z0-9+.-]*:\\S{1,500}")) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "recipient id must be a DID or URI");
            }
        }

        /** The hex SHA-256 of the normalised recipient, by which a wallet finds its credentials. */
        public String hash() {
            String normal = email != null ? Accounts.normalise(email) : id;
            return Sha256.hex(normal.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Recipient[hash=" + hash().substring(0, 12) + "]";
        }
    }

    /** An issued credential, its public page and (for email recipients) its claim link. */
    public record Issued(StoredCredential stored, ObjectNode credential, String pageUrl, String claimUrl) {
        @Override
        public String toString() {
            return "Issued[" + stored.id() + "]";
        }
    }

    /**
     * What every credential of one achievement of one issuer shares, computed once: the parsed achievement, the
     * issuer profile, the active key and its opened signer. Immutable.
     */
    public record Template(Issuer issuer, StoredAchievement achievement, Achievement parsed, Profile profile,
                           IssuerKey key, Ed25519PrivateKey signer) {
        @Override
        public String toString() {
            return "Template[issuer=" + issuer.id() + ", achievement=" + achievement.id() + ", key=" + key.id() + "]";
        }
    }

    /**
     * A signed credential not stored yet, with its claim mail (null for DID recipients). Made outside any
     * transaction by {@link #prepare}; stored by {@link #store}.
     */
    public record Prepared(StoredCredential stored, ObjectNode credential, OutboxMail mail, String pageUrl,
                           String claimUrl, Template template, Recipient recipient,
                           TransparencyLog.Append logEntry) {
        @Override
        public String toString() {
            return "Prepared[" + stored.id() + "]";
        }
    }

    /**
     * The template for issuing {@code achievement}.
     *
     * @throws MicrocredException {@code NOT_FOUND} for another issuer's achievement, {@code CONFLICT} when it is
     *     archived
     */
    public Template template(Issuer issuer, StoredAchievement achievement) {
        if (!achievement.issuerId().equals(issuer.id())) {
            throw new MicrocredException(Problem.NOT_FOUND, "no achievement " + achievement.id() + " of this issuer");
        }
        if (achievement.archivedAt() != null) {
            throw new MicrocredException(Problem.CONFLICT, "the achievement is archived: it is no longer issued");
        }
        IssuerKey key = issuers.activeKey(issuer);
        return new Template(issuer, achievement, Achievement.parse(Json.parse(achievement.document()), "achievement"),
                IssuerRegistry.profile(issuer), key, keys.signer(key));
    }

    /**
     * Builds and signs one credential of {@code template} with the given revocation entry, without touching the
     * database. Thread-safe: bulk issuance calls it from several threads.
     *
     * @param validFrom null for {@code now}
     * @param validUntil null for the achievement's validity period (or none)
     * @throws MicrocredException {@code INVALID_REQUEST} when {@code validUntil} is not after {@code validFrom}
     */
    public Prepared prepare(Template template, Recipient recipient, Instant validFrom, Instant validUntil,
                            StatusRegistry.Allocation revocation, Instant now) {
        return prepare(template, recipient, validFrom, validUntil, revocation, null, now);
    }

    /**
     * As {@link #prepare(Template, Recipient, Instant, Instant, StatusRegistry.Allocation, Instant)}, with a
     * suspension entry too when {@code suspension} is not null ({@code credentialStatus} becomes an array of the
     * revocation and the suspension entry).
     */
    public Prepared prepare(Template template, Recipient recipient, Instant validFrom, Instant validUntil,
                            StatusRegistry.Allocation revocation, StatusRegistry.Allocation suspension, Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant from = validFrom == null ? issuedAt : validFrom.truncatedTo(ChronoUnit.SECONDS);
        Integer days = template.achievement().validityDays();
        Instant until = validUntil != null ? validUntil.truncatedTo(ChronoUnit.SECONDS)
                : days == null ? null : from.plus(days, ChronoUnit.DAYS);
        if (until != null && !until.isAfter(from)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "validUntil must be after validFrom");
        }
        String email = recipient.email() == null ? null : Accounts.normalise(recipient.email());
        AchievementSubject subject = email != null
                ? AchievementSubject.forEmail(email, template.parsed(), random)
                : AchievementSubject.forId(recipient.id(), template.parsed());
        String id = TimeOrderedIds.next().toString();
        String pageUrl = issuers.baseUrl() + "/credentials/" + id;
        // OB 3.0's schema types credentialStatus as one object: revocation-only credentials keep to it; with
        // suspension, VC 2.0 §4.10 allows an array ("one or more status mechanisms"), which verifiers may flag
        JsonNode status = revocation.entry().toJson();
        if (suspension != null) {
            ArrayNode both = Json.mapper().createArrayNode();
            both.add(revocation.entry().toJson());
            both.add(suspension.entry().toJson());
            status = both;
        }
        OpenBadgeCredential unsigned = OpenBadgeCredential.unsigned(pageUrl, template.profile(), subject, from, until)
                .withCredentialStatus(status);
        ObjectNode signed = DataIntegrity.standard().sign(unsigned.toJson(),
                ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, template.key().verificationMethod()).withCreated(issuedAt),
                template.signer());
        String claimToken = email != null ? ClaimTokens.create(id) : null;
        String claimUrl = claimToken == null ? null : issuers.baseUrl() + "/claim/" + claimToken;
        StoredCredential stored = new StoredCredential(id, template.issuer().id(), template.achievement().id(),
                FORMAT_LDP, Json.write(signed), recipient.hash(), CredentialState.ACTIVE, revocation.list().id(),
                revocation.index(), suspension == null ? null : suspension.list().id(),
                suspension == null ? null : suspension.index(),
                claimToken == null ? null : OpaqueTokens.hash(claimToken), null, null, issuedAt, from, until, null,
                null);
        OutboxMail mail = email == null ? null
                : claimMail(template.issuer(), template.parsed(), email, id, pageUrl, claimUrl, issuedAt);
        // the transparency-log entry is hashed and formatted here, on the preparing thread, not while storing
        TransparencyLog.Append logEntry = new TransparencyLog.Append(TransparencyLog.issuance(
                template.issuer().did(), template.key().verificationMethod(), stored.document(), stored.validFrom()),
                stored.id());
        return new Prepared(stored, signed, mail, pageUrl, claimUrl, template, recipient, logEntry);
    }

    /** Tells the transparency log that a transaction of {@link #store} committed (the sequencer integrates soon). */
    public void logCommitted() {
        log.committed();
    }

    /**
     * Tells the {@link AfterIssue} hook of a credential committed outside {@link #issue} (bulk issuance), on the
     * caller's thread, after the commit.
     */
    public void committed(Prepared p) {
        afterIssue.issued(this, p.template().issuer(), p.template().achievement(), p.recipient(),
                new Issued(p.stored(), p.credential(), p.pageUrl(), p.claimUrl()));
    }

    /**
     * Stores prepared credentials, their claim mails and their transparency log entries on {@code c}, in the
     * caller's transaction, in batches. After the commit the caller tells the log ({@link #logCommitted()}).
     */
    public void store(Connection c, List<Prepared> prepared) throws SQLException {
        List<StoredCredential> credentials = new ArrayList<>(prepared.size());
        List<OutboxMail> mails = new ArrayList<>(prepared.size());
        for (Prepared p : prepared) {
            credentials.add(p.stored());
            if (p.mail() != null) {
                mails.add(p.mail());
            }
        }
        store.credentials().insertAll(c, credentials);
        store.outbox().enqueueAll(c, mails);
        List<TransparencyLog.Append> entries = new ArrayList<>(prepared.size());
        for (Prepared p : prepared) {
            entries.add(p.logEntry());
        }
        log.appendAll(c, entries);
    }

    /**
     * Told after an OB 3.0 credential is committed (stackable pathways award milestones here). It runs on the
     * issuing thread after the commit, gets the issuance to issue more through, and handles its own failures: the
     * credential it is told of stays issued whatever it does.
     */
    @FunctionalInterface
    public interface AfterIssue {
        AfterIssue NONE = (issuance, issuer, achievement, recipient, issued) -> { };

        void issued(Issuance issuance, Issuer issuer, StoredAchievement achievement, Recipient recipient, Issued issued);
    }

    /** More work for the transaction that stores a credential; a failure rolls the issuance back. */
    @FunctionalInterface
    public interface InTransaction {
        InTransaction NONE = (connection, stored) -> { };

        void run(Connection connection, StoredCredential stored) throws SQLException;
    }

    /**
     * Issues {@code achievement} to {@code recipient}, valid from {@code validFrom} (now when null) until
     * {@code validUntil} (from the achievement's validity period when null and it has one).
     */
    public Issued issue(Issuer issuer, StoredAchievement achievement, Recipient recipient, Instant validFrom,
                        Instant validUntil) {
        return issue(issuer, achievement, recipient, validFrom, validUntil, InTransaction.NONE);
    }

    /** As {@link #issue(Issuer, StoredAchievement, Recipient, Instant, Instant)}, running {@code also} in its transaction. */
    public Issued issue(Issuer issuer, StoredAchievement achievement, Recipient recipient, Instant validFrom,
                        Instant validUntil, InTransaction also) {
        Template template = template(issuer, achievement);
        for (int attempt = 1; ; attempt++) {
            StatusRegistry.Allocation revocation = status.allocate(issuer, StatusRegistry.REVOCATION);
            StatusRegistry.Allocation suspension = achievement.suspendable()
                    ? status.allocate(issuer, StatusRegistry.SUSPENSION) : null;
            Prepared p = prepare(template, recipient, validFrom, validUntil, revocation, suspension, clock.instant());
            try {
                db.inTransaction(c -> {
                    store(c, List.of(p));
                    also.run(c, p.stored());
                    return null;
                });
                log.committed();
            } catch (MicrocredException e) {
                if (e.problem() == Problem.CONFLICT && attempt < ATTEMPTS) {
                    status.forget(revocation.list().id());
                    if (suspension != null) {
                        status.forget(suspension.list().id());
                    }
                    continue;
                }
                throw e;
            }
            LOG.info("credential issued credential={} issuer={} achievement={}", p.stored().id(), issuer.id(),
                    achievement.id());
            Issued issued = new Issued(p.stored(), p.credential(), p.pageUrl(), p.claimUrl());
            afterIssue.issued(this, issuer, achievement, recipient, issued);
            return issued;
        }
    }

    private static OutboxMail claimMail(Issuer issuer, Achievement achievement, String email, String credentialId,
                                        String pageUrl, String claimUrl, Instant now) {
        String body = issuer.name() + " has awarded you \"" + achievement.name() + "\".\n\n"
                + "Claim it into your microcred wallet:\n" + claimUrl + "\n\n"
                + "Its public page (shared only if you choose to share the link):\n" + pageUrl + "\n";
        return new OutboxMail(TimeOrderedIds.next().toString(), email, "You have earned: " + achievement.name(), body,
                "credential-issued", credentialId, now, null);
    }

    /**
     * Signs a credential built by the caller (VCALM {@code /credentials/issue}): the issuer is set to this issuer
     * (a different issuer in the body is refused), an id is given when missing, {@code credentialStatus} entries are
     * added for each requested purpose, and the proof uses {@code cryptosuite} ({@code eddsa-rdfc-2022} or
     * {@code eddsa-jcs-2022}).
     */
    public ObjectNode sign(Issuer issuer, ObjectNode credential, Cryptosuite cryptosuite, List<String> statusPurposes) {
        ObjectNode doc = credential.deepCopy();
        if (doc.has("proof")) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the credential already has a proof");
        }
        JsonNode given = doc.get("issuer");
        String givenId = given == null ? null : given.isTextual() ? given.asText() : given.path("id").asText(null);
        if (givenId != null && !givenId.equals(issuer.did())) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the credential's issuer " + givenId
                    + " is not this issuer (" + issuer.did() + ")");
        }
        if (given == null || given.isTextual()) {
            doc.put("issuer", issuer.did());
        } else {
            ((ObjectNode) given).put("id", issuer.did());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean v1 = doc.path("@context").path(0).asText().equals("https://www.w3.org/2018/credentials/v1");
        if (v1 && !doc.has("issuanceDate")) {
            doc.put("issuanceDate", now.toString());
        }
        String id = TimeOrderedIds.next().toString();
        if (!doc.has("id")) {
            doc.put("id", issuers.baseUrl() + "/credentials/" + id);
        }
        Instant from = instant(doc, v1 ? "issuanceDate" : "validFrom", now);
        Instant until = instant(doc, v1 ? "expirationDate" : "validUntil", null);
        for (int attempt = 1; ; attempt++) {
            StatusRegistry.Allocation revocation = null;
            StatusRegistry.Allocation suspension = null;
            ObjectNode unsigned = doc.deepCopy();
            if (!statusPurposes.isEmpty()) {
                ArrayNode entries = Json.mapper().createArrayNode();
                for (String purpose : statusPurposes) {
                    if (!StatusRegistry.PURPOSES.contains(purpose)) {
                        throw new MicrocredException(Problem.INVALID_REQUEST,
                                "statusPurpose must be revocation or suspension, not " + purpose);
                    }
                    StatusRegistry.Allocation a = status.allocate(issuer, purpose);
                    entries.add(a.entry().toJson());
                    if (purpose.equals(StatusRegistry.REVOCATION)) {
                        revocation = a;
                    } else {
                        suspension = a;
                    }
                }
                unsigned.set("credentialStatus", entries.size() == 1 ? entries.get(0) : entries);
            }
            IssuerKey key = issuers.activeKey(issuer);
            ObjectNode signed = DataIntegrity.standard().sign(unsigned,
                    ProofOptions.of(cryptosuite, key.verificationMethod()).withCreated(now), keys.signer(key));
            StoredCredential stored = new StoredCredential(id, issuer.id(), null, FORMAT_LDP, Json.write(signed), null,
                    CredentialState.ACTIVE, revocation == null ? null : revocation.list().id(),
                    revocation == null ? null : revocation.index(), suspension == null ? null : suspension.list().id(),
                    suspension == null ? null : suspension.index(), null, null, null, now, from, until, null, null);
            try {
                db.inTransaction(c -> {
                    store.credentials().insert(c, stored);
                    log.append(c, TransparencyLog.issuance(issuer.did(), key.verificationMethod(), stored.document(),
                            from), stored.id());
                    return null;
                });
                log.committed();
            } catch (MicrocredException e) {
                if (e.problem() == Problem.CONFLICT && attempt < ATTEMPTS) {
                    if (revocation != null) {
                        status.forget(revocation.list().id());
                    }
                    if (suspension != null) {
                        status.forget(suspension.list().id());
                    }
                    continue;
                }
                throw e;
            }
            LOG.info("credential signed credential={} issuer={} suite={}", id, issuer.id(), cryptosuite.id());
            return signed;
        }
    }

    private static Instant instant(ObjectNode doc, String member, Instant fallback) {
        JsonNode v = doc.get(member);
        if (v == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, member + " is not an RFC 3339 date-time");
        }
    }
}
