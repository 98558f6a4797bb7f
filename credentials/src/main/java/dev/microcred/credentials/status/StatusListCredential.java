package dev.microcred.credentials.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A status list credential (W3C Bitstring Status List v1.0 §2.2): a credential of type
 * {@code BitstringStatusListCredential} whose subject, of type {@code BitstringStatusList}, carries the
 * {@code statusPurpose} and the {@code encodedList}.
 *
 * <p>{@link #toJson()} builds the UNSIGNED credential; the caller adds the proof (Data Integrity or VC-JOSE)
 * before publishing it. {@link #parse(ObjectNode)} reads a published one (also the legacy
 * {@code StatusList2021Credential}) without checking its proof: that is the verifier's job.
 *
 * @param id the credential's URL, where it is published (never null)
 * @param issuer the issuer's id (never null)
 * @param statusPurpose such as {@code revocation} or {@code suspension} (null only when a legacy list read
 *     with {@link #parse} does not state it; required to build)
 * @param list the bitstring (never null)
 * @param validFrom when the list was issued (may be null on read; required to build)
 * @param validUntil when the list expires (may be null)
 * @param ttl how long verifiers may cache the list (may be null)
 * @see <a href="https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistcredential">§2.2</a>
 */
public record StatusListCredential(URI id, String issuer, String statusPurpose, StatusList list,
                                   Instant validFrom, Instant validUntil, Duration ttl) {
    public static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String TYPE = "BitstringStatusListCredential";
    public static final String SUBJECT_TYPE = "BitstringStatusList";
    static final String LEGACY_TYPE = "StatusList2021Credential";
    static final String LEGACY_SUBJECT_TYPE = "StatusList2021";

    public StatusListCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(list, "list");
        if (ttl != null && ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative: " + ttl);
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " is before validFrom " + validFrom);
        }
    }

    /** A list credential valid from {@code validFrom}, without expiry or ttl. */
    public static StatusListCredential of(URI id, String issuer, String statusPurpose, StatusList list,
                                          Instant validFrom) {
        return new StatusListCredential(id, issuer, statusPurpose, list, validFrom, null, null);
    }

    /** The unsigned credential, ready for the caller to sign. */
    public ObjectNode toJson() {
        if (validFrom == null || statusPurpose == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "a status list credential needs validFrom and statusPurpose");
        }
        ObjectNode vc = Json.object();
        vc.putArray("@context").add(VC_V2_CONTEXT);
        vc.put("id", id.toString());
        vc.putArray("type").add("VerifiableCredential").add(TYPE);
        vc.put("issuer", issuer);
        vc.put("validFrom", validFrom.toString());
        if (validUntil != null) {
            vc.put("validUntil", validUntil.toString());
        }
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", id + "#list");
        subject.put("type", SUBJECT_TYPE);
        subject.put("statusPurpose", statusPurpose);
        subject.put("encodedList", list.encode());
        if (ttl != null) {
            subject.put("ttl", ttl.toMillis());
        }
        return vc;
    }

    /**
     * Reads a status list credential (its proof is not checked here).
     *
     * @throws MicrocredException {@code MALFORMED_INPUT} naming the member that is missing or wrong
     */
    public static StatusListCredential parse(ObjectNode credential) {
        if (!hasType(credential.get("type"), TYPE) && !hasType(credential.get("type"), LEGACY_TYPE)) {
            throw malformed("type must include " + TYPE + ", found " + credential.get("type"));
        }
        JsonNode subjectNode = credential.get("credentialSubject");
        if (subjectNode != null && subjectNode.isArray() && subjectNode.size() == 1) {
            subjectNode = subjectNode.get(0);
        }
        if (subjectNode == null || !subjectNode.isObject()) {
            throw malformed("credentialSubject must be one object");
        }
        if (!hasType(subjectNode.get("type"), SUBJECT_TYPE) && !hasType(subjectNode.get("type"), LEGACY_SUBJECT_TYPE)) {
            throw malformed("credentialSubject.type must be " + SUBJECT_TYPE + ", found " + subjectNode.get("type"));
        }
        JsonNode encoded = subjectNode.get("encodedList");
        if (encoded == null || !encoded.isTextual()) {
            throw malformed("credentialSubject.encodedList is required and must be a string");
        }
        String purpose = purposeOf(subjectNode.get("statusPurpose"));
        String idText = text(credential, "id");
        URI id = idText != null ? URI.create(idText) : URI.create("urn:unknown:status-list");
        JsonNode issuerNode = credential.get("issuer");
        String issuer = issuerNode == null ? null
                : issuerNode.isTextual() ? issuerNode.asText()
                : issuerNode.isObject() && issuerNode.path("id").isTextual() ? issuerNode.get("id").asText() : null;
        if (issuer == null) {
            throw malformed("issuer is required (a URL or an object with an id)");
        }
        Duration ttl = null;
        JsonNode ttlNode = subjectNode.get("ttl");
        if (ttlNode != null && ttlNode.canConvertToLong() && ttlNode.asLong() >= 0) {
            ttl = Duration.ofMillis(ttlNode.asLong());
        }
        Instant from = instant(credential, "validFrom");
        if (from == null) {
            from = instant(credential, "issuanceDate");
        }
        Instant until = instant(credential, "validUntil");
        if (until == null) {
            until = instant(credential, "expirationDate");
        }
        return new StatusListCredential(id, issuer, purpose, StatusList.decode(encoded.asText()), from, until, ttl);
    }

    // Some lists carry an array of one purpose; some early StatusList2021 lists carry none (null).
    private static String purposeOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray() && node.size() == 1 && node.get(0).isTextual()) {
            return node.get(0).asText();
        }
        throw malformed("credentialSubject.statusPurpose must be a string, found " + node);
    }

    static boolean hasType(JsonNode type, String wanted) {
        if (type == null) {
            return false;
        }
        if (type.isTextual()) {
            return type.asText().equals(wanted);
        }
        if (type instanceof ArrayNode array) {
            for (JsonNode t : array) {
                if (t.isTextual() && t.asText().equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static Instant instant(JsonNode node, String name) {
        String v = text(node, name);
        if (v == null) {
            return null;
        }
        try {
            return dev.microcred.credentials.json.DateTimeStamp.toInstant(v);
        } catch (DateTimeParseException e) {
            throw malformed(name + " is not an RFC 3339 date-time: " + v);
        }
    }

    private static MicrocredException malformed(String message) {
        return new MicrocredException(Problem.MALFORMED_INPUT, "status list credential: " + message);
    }
}
