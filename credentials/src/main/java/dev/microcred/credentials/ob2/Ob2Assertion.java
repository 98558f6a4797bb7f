package dev.microcred.credentials.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An OB 2.0 {@code Assertion}: hosted (JSON at its {@code id} URL) or signed (the payload of an RS256 compact JWS).
 *
 * @param json the assertion as read (a copy is returned by {@link #json()})
 * @param id the assertion's URL ({@code urn:uuid:} for signed assertions)
 * @param badge the BadgeClass URL, or null when the BadgeClass is embedded (see {@link #embeddedBadge()})
 * @param verificationType {@code hosted} or {@code signed} (2.0 also accepts {@code HostedBadge}/{@code SignedBadge})
 * @param creator for signed assertions, the URL of the {@code CryptographicKey}; otherwise null
 * @param jws the compact JWS the assertion came from, or null for a hosted assertion
 */
public record Ob2Assertion(ObjectNode json, String id, Recipient recipient, String badge, String issuedOn,
                           String expires, String verificationType, String creator, boolean revoked, String jws) {
    /** OB 2.0 {@code IdentityObject} of the recipient. */
    public record Recipient(String type, boolean hashed, String salt, String identity) {
        private static final Pattern HASH = Pattern.compile("(sha256\\$[0-9a-fA-F]{64}|md5\\$[0-9a-fA-F]{32})");

        /** Whether a hashed identity has the form {@code sha256$<64 hex>} or {@code md5$<32 hex>}. */
        public boolean wellFormed() {
            return hashed ? HASH.matcher(identity).matches() : !identity.isBlank();
        }
    }

    public Ob2Assertion {
        json = json.deepCopy();
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(verificationType, "verificationType");
    }

    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    public boolean isSigned() {
        return verificationType.equals("signed") || verificationType.equals("SignedBadge");
    }

    /** The embedded BadgeClass, or null when {@link #badge()} is a URL. */
    public ObjectNode embeddedBadge() {
        JsonNode b = json.get("badge");
        return b != null && b.isObject() ? (ObjectNode) b.deepCopy() : null;
    }

    /** Parses an assertion from JSON text or a compact JWS. */
    public static Ob2Assertion parse(String text) {
        String t = text.strip();
        if (t.startsWith("{")) {
            return parse(Json.parseObject(t), null);
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 3) {
            throw malformed("OB 2.0 assertion is neither JSON nor a compact JWS");
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return parse(Json.parseObject(payload), t);
        } catch (IllegalArgumentException e) {
            throw malformed("JWS payload is not base64url: " + e.getMessage());
        }
    }

    /** Parses an assertion object; {@code jws} is the compact JWS it came from, or null. */
    public static Ob2Assertion parse(ObjectNode json, String jws) {
        if (!hasType(json, "Assertion")) {
            throw malformed("type must be Assertion, found " + json.get("type"));
        }
        String id = text(json, "id", "id");
        JsonNode r = json.get("recipient");
        if (r == null || !r.isObject()) {
            throw malformed("recipient is required and must be an object");
        }
        Recipient recipient = new Recipient(text(r, "type", "recipient.type"), r.path("hashed").asBoolean(false),
                r.path("salt").isTextual() ? r.get("salt").asText() : null, text(r, "identity", "recipient.identity"));
        JsonNode badge = json.get("badge");
        if (badge == null || !(badge.isTextual() || badge.isObject())) {
            throw malformed("badge is required (a URL or an embedded BadgeClass)");
        }
        JsonNode v = json.get("verification");
        if (v == null || !v.isObject()) {
            throw malformed("verification is required and must be an object");
        }
        String vType = text(v, "type", "verification.type");
        String creator = v.path("creator").isTextual() ? v.get("creator").asText() : null;
        String issuedOn = text(json, "issuedOn", "issuedOn");
        String expires = json.path("expires").isTextual() ? json.get("expires").asText() : null;
        return new Ob2Assertion(json, id, recipient, badge.isTextual() ? badge.asText() : null, issuedOn, expires,
                vType, creator, json.path("revoked").asBoolean(false), jws);
    }

    static boolean hasType(JsonNode node, String type) {
        JsonNode t = node.get("type");
        if (t == null) {
            return false;
        }
        if (t.isTextual()) {
            return t.asText().equals(type);
        }
        for (JsonNode e : t) {
            if (e.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String name, String path) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw malformed(path + " is required and must be a string");
        }
        return v.asText();
    }

    static MicrocredException malformed(String message) {
        return new MicrocredException(Problem.MALFORMED_INPUT, message);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
