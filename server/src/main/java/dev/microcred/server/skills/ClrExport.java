package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.issue.CredentialFormat;
import dev.microcred.credentials.issue.SignedCredential;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.Association;
import dev.microcred.credentials.ob3.ClrCredential;
import dev.microcred.credentials.ob3.ClrSubject;
import dev.microcred.credentials.ob3.Extras;
import dev.microcred.credentials.ob3.IdentityObject;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.store.CredentialState;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.Store;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCredential;
import dev.microcred.store.StoredPathway;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Exports a recipient's record at an issuer as a CLR 2.0 {@code ClrCredential} signed by the issuer
 * ({@code eddsa-rdfc-2022}): the issuer's credentials to that recipient that are not revoked or suspended, as issued
 * (their proofs still verify), their achievements, and for each of the issuer's stackable pathways touching the
 * record an {@code isPartOf} association from every part to the milestone. The recipient is named by the hex SHA-256
 * of their normalised email or DID (as stored), or by the DID itself. Thread-safe.
 */
public final class ClrExport {
    private final Database db;
    private final Store store;
    private final IssuerRegistry issuers;
    private final Clock clock;

    public ClrExport(Database db, Store store, IssuerRegistry issuers, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The recipient hash {@code ref} names: 64 hex digits as given, or the hash of a DID. */
    public static String recipientHash(String ref) {
        String r = ref.strip();
        if (r.matches("[0-9a-fA-F]{64}")) {
            return r.toLowerCase(java.util.Locale.ROOT);
        }
        if (r.startsWith("did:")) {
            return new Issuance.Recipient(null, r).hash();
        }
        throw new MicrocredException(Problem.INVALID_REQUEST, "name the recipient by the hex SHA-256 of their"
                + " lower-case email address (64 hex digits) or by their DID");
    }

    /**
     * The signed CLR.
     *
     * @throws MicrocredException {@code NOT_FOUND} when the issuer holds no current credential for the recipient
     */
    public SignedCredential export(Issuer issuer, String ref) {
        String hash = recipientHash(ref);
        List<StoredCredential> record = db.read(c -> store.credentials().byRecipient(c, hash)).stream()
                .filter(k -> k.issuerId().equals(issuer.id()) && k.state() == CredentialState.ACTIVE).toList();
        if (record.isEmpty()) {
            throw new MicrocredException(Problem.NOT_FOUND, "this issuer holds no current credential for that recipient");
        }
        List<JsonNode> credentials = new ArrayList<>();
        Map<String, Achievement> achievements = new LinkedHashMap<>();
        Map<String, String> urlByAchievementId = new LinkedHashMap<>();
        String subjectId = null;
        List<IdentityObject> identifier = List.of();
        for (StoredCredential k : record) {
            ObjectNode vc = Json.parseObject(k.document());
            credentials.add(vc);
            JsonNode subject = vc.path("credentialSubject");
            Achievement a = Achievement.parse(subject.path("achievement"), "credentialSubject.achievement");
            achievements.putIfAbsent(a.id(), a);
            if (k.achievementId() != null) {
                urlByAchievementId.put(k.achievementId(), a.id());
            }
            if (subject.hasNonNull("id")) {
                subjectId = subject.get("id").asText();
            } else if (identifier.isEmpty() && subject.path("identifier").isArray()) {
                identifier = identity(subject.path("identifier"));
            }
        }
        List<Association> associations = new ArrayList<>();
        for (StoredPathway p : db.read(c -> store.pathways().byIssuer(c, issuer.id()))) {
            boolean touches = urlByAchievementId.containsKey(p.milestoneId())
                    || p.parts().stream().anyMatch(urlByAchievementId::containsKey);
            if (!touches) {
                continue;
            }
            String milestone = url(p.milestoneId(), urlByAchievementId);
            for (String part : p.parts()) {
                String source = url(part, urlByAchievementId);
                if (source != null && milestone != null) {
                    associations.add(Association.of("isPartOf", source, milestone));
                }
            }
        }
        ClrSubject subject = new ClrSubject(subjectId, List.of("ClrSubject"), subjectId == null ? identifier : List.of(),
                credentials, new ArrayList<>(achievements.values()), associations, Extras.NONE);
        ClrCredential clr = ClrCredential.unsigned("urn:uuid:" + UUID.randomUUID(), IssuerRegistry.profile(issuer),
                "Comprehensive Learner Record: " + issuer.name(), subject,
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        return issuers.signerFor(issuer).sign(clr.toJson(), CredentialFormat.LDP_RDFC);
    }

    private String url(String achievementId, Map<String, String> known) {
        String u = known.get(achievementId);
        if (u != null) {
            return u;
        }
        Optional<StoredAchievement> a = db.read(c -> store.achievements().byId(c, achievementId));
        return a.map(x -> Json.parseObject(x.document()).path("id").asText(null)).orElse(null);
    }

    private static List<IdentityObject> identity(JsonNode list) {
        List<IdentityObject> out = new ArrayList<>();
        for (JsonNode i : list) {
            out.add(new IdentityObject(List.of("IdentityObject"), i.path("hashed").asBoolean(true),
                    i.path("identityHash").asText(), i.path("identityType").asText("emailAddress"),
                    i.path("salt").asText(null), Extras.NONE));
        }
        return out;
    }
}
