package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.verify.Check;
import dev.microcred.credentials.verify.Outcome;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.server.issuing.Verification;
import dev.microcred.skills.graph.SkillIds;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.profile.Alignment;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.skills.profile.VerificationStatus;
import dev.microcred.skills.profile.VerifiedCredential;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the credentials a learner presents (JSON objects or VC-JWT strings) into the skills module's
 * {@link VerifiedCredential}s: each is verified now by the platform's verifier; the status follows the report's
 * outcome (valid, expired, revoked, suspended, not yet valid; tampered, invalid and unsupported count as invalid;
 * "cannot check" as unverifiable); the skills are the OB 3.0 {@code credentialSubject.achievement.alignment}s that
 * name a skill (alignments to an occupation or to an EQF level are not skills); the issuer's credibility is not known
 * yet (no accreditation or endorsement data), so it is {@link Credibility#NONE}. An alignment's skill is its
 * {@code targetCode} when the skills graph knows that id (microcred writes the graph id there), else its
 * {@code targetUrl}. Thread-safe.
 */
public final class CredentialReader {
    /** Most credentials one request may present. */
    public static final int MAX_CREDENTIALS = 100;
    private final Verification verification;

    public CredentialReader(Verification verification) {
        this.verification = Objects.requireNonNull(verification, "verification");
    }

    /**
     * Reads {@code body.credentials}.
     *
     * @param required whether an empty or missing list is an error
     * @throws MicrocredException {@code INVALID_REQUEST} when the list is not an array of objects and strings, or is
     *     empty while required, or holds more than {@value #MAX_CREDENTIALS}
     */
    public List<PresentedCredential> read(ObjectNode body, boolean required, SkillsGraph graph) {
        JsonNode list = body.get("credentials");
        if (list == null || list.isNull()) {
            list = Json.mapper().createArrayNode();
        }
        if (!list.isArray()) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "credentials must be an array of credentials (JSON objects or VC-JWT strings)");
        }
        if (list.isEmpty() && required) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "credentials is empty: present at least one"
                    + " credential (a JSON object or a VC-JWT string) to build a skills profile from");
        }
        if (list.size() > MAX_CREDENTIALS) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "at most " + MAX_CREDENTIALS + " credentials per request, got " + list.size());
        }
        List<PresentedCredential> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode k = list.get(i);
            if (!k.isObject() && !k.isTextual()) {
                throw new MicrocredException(Problem.INVALID_REQUEST,
                        "credentials[" + i + "] must be a JSON object or a VC-JWT string");
            }
            out.add(read(i, k, graph));
        }
        return out;
    }

    /**
     * Verifies one credential now: a JSON object, or the text of a VC-JWT (or baked image bytes as read by the
     * verifier) given as a string. Never throws for a credential that cannot be read: it is answered "unreadable".
     */
    public PresentedCredential read(int index, JsonNode input, SkillsGraph graph) {
        VerificationReport report;
        try {
            report = input.isObject() ? verification.verify((ObjectNode) input)
                    : verification.verify(input.asText().strip().getBytes(StandardCharsets.UTF_8));
        } catch (MicrocredException e) {
            return new PresentedCredential(index, "unreadable", e.getMessage(), new VerifiedCredential(
                    "credentials[" + index + "]", VerificationStatus.UNVERIFIABLE, Instant.EPOCH, null, "",
                    Credibility.NONE, "", "", List.of(), null));
        }
        return new PresentedCredential(index, report.outcome().label(), detail(report),
                toVerified(index, report, graph));
    }

    private static String detail(VerificationReport report) {
        for (Check c : report.checks()) {
            if (c.status() == Check.Status.FAILED) {
                return c.detail();
            }
        }
        return report.valid() ? "every check passed" : "no verdict: " + report.outcome().label();
    }

    static VerificationStatus status(Outcome outcome) {
        return switch (outcome) {
            case VALID -> VerificationStatus.VALID;
            case EXPIRED -> VerificationStatus.EXPIRED;
            case REVOKED -> VerificationStatus.REVOKED;
            case SUSPENDED -> VerificationStatus.SUSPENDED;
            case NOT_YET_VALID -> VerificationStatus.NOT_YET_VALID;
            case TAMPERED, INVALID, UNSUPPORTED -> VerificationStatus.INVALID;
            case CANNOT_CHECK -> VerificationStatus.UNVERIFIABLE;
        };
    }

    static VerifiedCredential toVerified(int index, VerificationReport report, SkillsGraph graph) {
        VerificationStatus status = status(report.outcome());
        ObjectNode vc = report.credential();
        if (vc == null) {
            return new VerifiedCredential("credentials[" + index + "]", status, Instant.EPOCH, null, "",
                    Credibility.NONE, "", "", List.of(), null);
        }
        String id = vc.path("id").asText("");
        if (id.isBlank()) {
            id = "credentials[" + index + "]";
        }
        Instant from = instant(vc, "validFrom", instant(vc, "issuanceDate", Instant.EPOCH));
        Instant until = instant(vc, "validUntil", instant(vc, "expirationDate", null));
        if (until != null && until.isBefore(from)) {
            until = null;
        }
        JsonNode issuer = vc.path("issuer");
        String issuerId = issuer.isTextual() ? issuer.asText() : issuer.path("id").asText("");
        JsonNode subject = vc.path("credentialSubject");
        if (subject.isArray()) {
            subject = subject.path(0);
        }
        JsonNode achievement = subject.path("achievement");
        List<Alignment> alignments = new ArrayList<>();
        JsonNode list = achievement.path("alignment");
        for (JsonNode a : list.isArray() ? list : List.of(list)) {
            String skill = skillOf(a, graph);
            if (skill != null) {
                alignments.add(new Alignment(skill, a.path("targetFramework").asText(""), null));
            }
        }
        return new VerifiedCredential(id, status, from, until, issuerId, Credibility.NONE,
                achievement.path("id").asText(""), achievement.path("name").asText(""), alignments, null);
    }

    /** The skill an alignment names, or null when it names none (an occupation, an EQF level, nothing). */
    static String skillOf(JsonNode alignment, SkillsGraph graph) {
        if (!alignment.isObject()) {
            return null;
        }
        String url = alignment.path("targetUrl").asText("").strip();
        String code = alignment.path("targetCode").asText("").strip();
        String type = alignment.path("targetType").asText("");
        if (url.startsWith(AchievementCatalog.EQF_URL) || "ext:EQFLevel".equals(type)
                || "ext:Occupation".equals(type)) {
            return null;
        }
        for (String ref : new String[] {code, url}) {
            if (ref.isEmpty()) {
                continue;
            }
            String id = SkillIds.canonical(ref);
            if (graph.occupation(id).isPresent()) {
                return null;
            }
            if (graph.skill(id).isPresent()) {
                return id;
            }
        }
        return url.isEmpty() ? null : SkillIds.canonical(url);
    }

    private static Instant instant(ObjectNode vc, String member, Instant fallback) {
        JsonNode v = vc.get(member);
        if (v == null || !v.isTextual()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(v.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
