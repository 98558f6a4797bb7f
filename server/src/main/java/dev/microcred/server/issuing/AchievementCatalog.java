package dev.microcred.server.issuing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.Alignment;
import dev.microcred.credentials.ob3.Criteria;
import dev.microcred.credentials.ob3.Extras;
import dev.microcred.skills.graph.Framework;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.Skill;
import dev.microcred.skills.graph.SkillIds;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.store.AchievementImage;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.Store;
import dev.microcred.store.StoredAchievement;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Achievements: made from an issuer's request, stored as OB 3.0 {@code Achievement} JSON.
 *
 * <p>Skills given by id (ESCO concept URIs, O*NET-SOC codes, O*NET element ids) are looked up in the bundled skills
 * graph and become {@code Alignment}s with the framework's public URL. The EU micro-credential elements
 * (Council Recommendation 2022/C 243/02, Annex I) map to OB 3.0 terms where OB has them: EQF level → an
 * {@code Alignment} to {@code http://data.europa.eu/snb/eqf/<n>}, ECTS → {@code creditsAvailable}, language →
 * {@code inLanguage}, subject → {@code fieldOfStudy}; the rest (notional workload, type of assessment, form of
 * participation, quality assurance) have no OB 3.0 term and are written as {@code tag}s with a fixed prefix
 * ({@code "assessment: ..."}), so that they are signed and shown without an extension context. Thread-safe.
 */
public final class AchievementCatalog {
    public static final String TAG_WORKLOAD = "workload: ";
    public static final String TAG_ASSESSMENT = "assessment: ";
    public static final String TAG_PARTICIPATION = "participation: ";
    public static final String TAG_QUALITY = "quality assurance: ";
    public static final String EQF_URL = "http://data.europa.eu/snb/eqf/";
    /** The {@code status} setting: one revocation entry, exactly as the OB 3.0 JSON schema allows (the default). */
    public static final String STATUS_REVOCATION = "revocation";
    /**
     * The {@code status} setting: a revocation and a suspension entry, {@code credentialStatus} being an array of
     * two (VC 2.0 §4.10 allows it; the OB 3.0 schema's single object does not, so verifiers may warn).
     */
    public static final String STATUS_REVOCATION_AND_SUSPENSION = "revocation-and-suspension";
    /** OB 3.0 AchievementType values microcred offers (others are written {@code ext:...}). */
    static final Set<String> ACHIEVEMENT_TYPES = Set.of("Achievement", "Assessment", "Award", "Badge", "Certificate",
            "CertificateOfCompletion", "Certification", "Competency", "Course", "License", "MicroCredential");
    static final int MAX_TEXT = 10_000;

    private final Database db;
    private final Store store;
    private final String baseUrl;
    private final Supplier<SkillsGraph> skills;
    private final Clock clock;

    public AchievementCatalog(Database db, Store store, String baseUrl, Supplier<SkillsGraph> skills, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.skills = Objects.requireNonNull(skills, "skills");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates an achievement of {@code issuer} from a request object: {@code name}, {@code description},
     * {@code criteria} (Markdown text or {@code {narrative, id}}) required; optional {@code skills} (ids),
     * {@code alignments} (OB 3.0 Alignment objects), {@code eqfLevel} (1-8), {@code ects}, {@code workloadHours},
     * {@code assessment}, {@code participation}, {@code qualityAssurance}, {@code language}, {@code fieldOfStudy},
     * {@code humanCode}, {@code achievementType}, {@code tags}, {@code validityDays}, {@code status}
     * ({@value #STATUS_REVOCATION}, the default, or {@value #STATUS_REVOCATION_AND_SUSPENSION}).
     *
     * @throws MicrocredException {@code INVALID_REQUEST} naming the first member that is missing or wrong
     */
    public StoredAchievement create(Issuer issuer, ObjectNode request) {
        StoredAchievement stored = build(issuer, UUID.randomUUID().toString(), request);
        db.inTransaction(c -> {
            store.achievements().insert(c, stored);
            return null;
        });
        return stored;
    }

    /**
     * Replaces an achievement of {@code issuer} with one made from {@code request} (as for {@link #create}), keeping
     * its id and URL. Credentials issued before keep the achievement as it was when they were signed.
     *
     * @throws MicrocredException {@code NOT_FOUND} for another issuer's or an unknown achievement, {@code CONFLICT}
     *     when it is archived
     */
    public StoredAchievement update(Issuer issuer, String id, ObjectNode request) {
        StoredAchievement old = find(issuer, id)
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no achievement " + id + " of this issuer"));
        if (old.archivedAt() != null) {
            throw new MicrocredException(Problem.CONFLICT, "the achievement is archived: it can no longer be edited");
        }
        StoredAchievement built = build(issuer, id, request);
        JsonNode image = Json.parse(old.document()).get("image");
        StoredAchievement next = image == null ? built : withImage(built, image);
        db.inTransaction(c -> {
            store.achievements().update(c, id, next.name(), next.document(), next.validityDays());
            store.achievements().updateSuspendable(c, id, next.suspendable());
            return null;
        });
        return new StoredAchievement(id, issuer.id(), next.name(), next.document(), next.validityDays(),
                old.createdAt(), null, next.suspendable());
    }

    /** Archives an achievement of {@code issuer}: it is no longer issued; credentials issued stay valid. */
    public void archive(Issuer issuer, String id) {
        find(issuer, id).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no achievement " + id
                + " of this issuer"));
        boolean archived = db.inTransaction(c -> store.achievements().archive(c, id, clock.instant()));
        if (!archived) {
            throw new MicrocredException(Problem.CONFLICT, "the achievement is archived already");
        }
    }

    /**
     * Makes {@code bytes} (checked by {@link BadgeImages#check}) the image of an achievement of {@code issuer}: stored,
     * and named in the achievement's document as an OB 3.0 {@code Image} whose URL carries the image's digest, so that
     * credentials issued from now on show it. Both change in one transaction; a refused image changes nothing.
     *
     * @throws MicrocredException {@code NOT_FOUND} for another issuer's or an unknown achievement, {@code CONFLICT}
     *     when it is archived, {@code BAD_IMAGE} or {@code TOO_LARGE} for a refused image
     */
    public StoredAchievement setImage(Issuer issuer, String id, byte[] bytes, String declaredType) {
        StoredAchievement old = find(issuer, id)
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no achievement " + id + " of this issuer"));
        if (old.archivedAt() != null) {
            throw new MicrocredException(Problem.CONFLICT, "the achievement is archived: it can no longer be edited");
        }
        String mediaType = BadgeImages.check(bytes, declaredType);
        String digest = Sha256.hex(bytes);
        ObjectNode image = Json.object();
        image.put("id", imageUrl(issuer, id) + "?v=" + digest.substring(0, 16));
        image.put("type", "Image");
        StoredAchievement next = withImage(old, image);
        db.inTransaction(c -> {
            store.achievements().putImage(c, new AchievementImage(id, mediaType, Bytes.of(bytes), digest,
                    clock.instant()));
            store.achievements().update(c, id, next.name(), next.document(), next.validityDays());
            return null;
        });
        return next;
    }

    /** The image uploaded for an achievement, if any. */
    public Optional<AchievementImage> image(String achievementId) {
        return db.read(c -> store.achievements().image(c, achievementId));
    }

    /** The public URL of an achievement's uploaded image (without the digest that versions it). */
    public String imageUrl(Issuer issuer, String achievementId) {
        return baseUrl + "/issuers/" + issuer.slug() + "/achievements/" + achievementId + "/image";
    }

    private static StoredAchievement withImage(StoredAchievement a, JsonNode image) {
        ObjectNode document = Json.parseObject(a.document());
        document.set("image", image);
        return new StoredAchievement(a.id(), a.issuerId(), a.name(), Json.write(document), a.validityDays(),
                a.createdAt(), a.archivedAt(), a.suspendable());
    }

    private StoredAchievement build(Issuer issuer, String id, ObjectNode request) {
        String url = baseUrl + "/issuers/" + issuer.slug() + "/achievements/" + id;
        String name = required(request, "name", 300);
        String description = required(request, "description", MAX_TEXT);
        JsonNode criteriaNode = request.get("criteria");
        Criteria criteria;
        if (criteriaNode != null && criteriaNode.isTextual() && !criteriaNode.asText().isBlank()) {
            criteria = Criteria.narrative(limit(criteriaNode.asText().strip(), "criteria", MAX_TEXT));
        } else if (criteriaNode != null && criteriaNode.isObject()) {
            String narrative = optional((ObjectNode) criteriaNode, "narrative", MAX_TEXT);
            String criteriaId = optional((ObjectNode) criteriaNode, "id", 500);
            if (narrative == null && criteriaId == null) {
                throw invalid("criteria needs a narrative or an id");
            }
            criteria = new Criteria(criteriaId, narrative, Extras.NONE);
        } else {
            throw invalid("criteria is required: Markdown text, or {\"narrative\": ...}");
        }
        List<Alignment> alignments = new ArrayList<>();
        for (JsonNode s : array(request, "skills")) {
            if (!s.isTextual()) {
                throw invalid("skills holds skill ids (strings)");
            }
            alignments.add(alignmentFor(s.asText()));
        }
        for (JsonNode a : array(request, "alignments")) {
            if (!a.isObject()) {
                throw invalid("alignments holds OB 3.0 Alignment objects");
            }
            ObjectNode o = (ObjectNode) a;
            alignments.add(Alignment.of(required(o, "targetName", 300), required(o, "targetUrl", 500),
                    optional(o, "targetType", 100), optional(o, "targetCode", 200), optional(o, "targetFramework", 200)));
        }
        Integer eqf = integer(request, "eqfLevel");
        if (eqf != null) {
            if (eqf < 1 || eqf > 8) {
                throw invalid("eqfLevel is 1 to 8");
            }
            alignments.add(Alignment.of("EQF level " + eqf, EQF_URL + eqf, "ext:EQFLevel", Integer.toString(eqf),
                    "European Qualifications Framework"));
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode t : array(request, "tags")) {
            tags.add(limit(t.asText(), "tags", 100));
        }
        Integer workload = integer(request, "workloadHours");
        if (workload != null) {
            tags.add(TAG_WORKLOAD + workload + " hours");
        }
        addTag(tags, TAG_ASSESSMENT, optional(request, "assessment", 200));
        addTag(tags, TAG_PARTICIPATION, optional(request, "participation", 200));
        addTag(tags, TAG_QUALITY, optional(request, "qualityAssurance", 200));
        Number ects = null;
        JsonNode ectsNode = request.get("ects");
        if (ectsNode != null && !ectsNode.isNull()) {
            if (!ectsNode.isNumber() || ectsNode.decimalValue().signum() < 0 || ectsNode.decimalValue()
                    .compareTo(BigDecimal.valueOf(240)) > 0) {
                throw invalid("ects is a number from 0 to 240");
            }
            ects = ectsNode.decimalValue().stripTrailingZeros();
            if (((BigDecimal) ects).scale() <= 0) {
                ects = ((BigDecimal) ects).intValueExact();
            }
        }
        String type = Optional.ofNullable(optional(request, "achievementType", 100)).orElse("MicroCredential");
        if (!ACHIEVEMENT_TYPES.contains(type) && !type.matches("ext:[A-Za-z0-9._-]+")) {
            throw invalid("achievementType must be one of " + ACHIEVEMENT_TYPES + " or ext:<name>");
        }
        Integer validityDays = integer(request, "validityDays");
        if (validityDays != null && (validityDays < 1 || validityDays > 36_500)) {
            throw invalid("validityDays is 1 to 36500");
        }
        String status = Optional.ofNullable(optional(request, "status", 40)).orElse(STATUS_REVOCATION);
        if (!status.equals(STATUS_REVOCATION) && !status.equals(STATUS_REVOCATION_AND_SUSPENSION)) {
            throw invalid("status must be " + STATUS_REVOCATION + " (the default: OB 3.0 schema-exact) or "
                    + STATUS_REVOCATION_AND_SUSPENSION);
        }
        Achievement achievement = new Achievement(url, List.of("Achievement"), name, description, criteria, null,
                alignments, List.of(), null, ects, optional(request, "fieldOfStudy", 200),
                optional(request, "humanCode", 100), optional(request, "language", 20), type, tags, Extras.NONE);
        return new StoredAchievement(id, issuer.id(), name, Json.write(achievement.toJson()), validityDays,
                clock.instant(), null, status.equals(STATUS_REVOCATION_AND_SUSPENSION));
    }

    /** The OB 3.0 alignment for a skill or occupation id of the bundled graph. */
    Alignment alignmentFor(String ref) {
        SkillsGraph graph = skills.get();
        String id = SkillIds.canonical(ref);
        Optional<Skill> skill = graph.skill(id);
        if (skill.isPresent()) {
            Skill s = skill.get();
            return Alignment.of(s.label(), SkillIds.alignmentUrl(s.id()), "ceasn:Competency", s.id(),
                    framework(s.framework()));
        }
        Optional<Occupation> occupation = graph.occupation(id);
        if (occupation.isPresent()) {
            Occupation o = occupation.get();
            return Alignment.of(o.label(), SkillIds.alignmentUrl(o.id()), "ext:Occupation", o.id(),
                    framework(o.framework()));
        }
        throw invalid("unknown skill or occupation: " + ref + " (ESCO concept URIs, O*NET-SOC codes and O*NET"
                + " element ids are known)");
    }

    private static String framework(Framework f) {
        return f == Framework.ESCO ? "ESCO" : "O*NET";
    }

    /** The {@code status} setting of an achievement, as the API and the console name it. */
    public static String statusSetting(StoredAchievement a) {
        return a.suspendable() ? STATUS_REVOCATION_AND_SUSPENSION : STATUS_REVOCATION;
    }

    public Optional<StoredAchievement> find(Issuer issuer, String id) {
        return db.read(c -> store.achievements().byId(c, id)).filter(a -> a.issuerId().equals(issuer.id()));
    }

    public List<StoredAchievement> of(Issuer issuer) {
        return db.read(c -> store.achievements().byIssuer(c, issuer.id()));
    }

    private static void addTag(List<String> tags, String prefix, String value) {
        if (value != null) {
            tags.add(prefix + value);
        }
    }

    private static Iterable<JsonNode> array(ObjectNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid(name + " must be an array");
        }
        if (v.size() > 100) {
            throw invalid(name + " holds at most 100 entries");
        }
        return v;
    }

    static String required(ObjectNode o, String name, int max) {
        String v = optional(o, name, max);
        if (v == null) {
            throw invalid(name + " is required");
        }
        return v;
    }

    static String optional(ObjectNode o, String name, int max) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(name + " must be a string");
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : limit(s, name, max);
    }

    static Integer integer(ObjectNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw invalid(name + " must be an integer");
        }
        return v.asInt();
    }

    private static String limit(String s, String name, int max) {
        if (s.length() > max) {
            throw invalid(name + " is at most " + max + " characters");
        }
        return s;
    }

    static MicrocredException invalid(String message) {
        return new MicrocredException(Problem.INVALID_REQUEST, message);
    }
}
