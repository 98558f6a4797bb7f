package dev.microcred.credentials.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.baking.BakedCredential;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Verifies Open Badges 2.0 assertions (OB 2.0 "Verification": hosted and signed) and BadgeClasses, fetching the
 * linked documents through a {@link Fetcher}.
 *
 * <p>Returns a list of {@link Ob2Check}s rather than a boolean; a failed check is an answer, not an exception.
 * Checks, in order: {@code parse}, {@code recipient} (identity hash form), {@code hosted} (re-fetched from its
 * {@code id}: HTTP 410 means revoked, the body must equal the assertion) or {@code signature} (RS256 with the
 * creator's {@code publicKeyPem}), {@code revocation} ({@code revoked: true}, HTTP 410, or the issuer's
 * {@code revocationList}), {@code badgeclass}, {@code issuer}, {@code origin} (hosted: the assertion's origin is
 * the issuer's unless the issuer's {@code verification} allows it), {@code key-owner} (signed: the key's owner is
 * the issuer), {@code expiry}. Immutable and thread-safe when the fetcher is.
 */
public final class Ob2Verifier {
    private static final int GONE = 410;
    private final Fetcher fetcher;
    private final Clock clock;

    public Ob2Verifier(Fetcher fetcher, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies a credential baked into an OB 2.0 image: JSON, a JWS, or the URL of a hosted assertion. */
    public List<Ob2Check> verify(BakedCredential baked) {
        if (baked.format() == BakedCredential.Format.URL) {
            List<Ob2Check> checks = new ArrayList<>();
            FetchedDocument doc = fetch(baked.text(), "hosted", checks);
            if (doc == null) {
                return checks;
            }
            if (doc.status() == GONE) {
                checks.add(Ob2Check.failed("revocation", "the issuer answers HTTP 410 Gone for " + baked.text()));
                return checks;
            }
            return verify(Ob2Assertion.utf8(doc.bodyBytes()));
        }
        return verify(baked.text());
    }

    /** Verifies an assertion (JSON or compact JWS) or a BadgeClass (JSON). */
    public List<Ob2Check> verify(String text) {
        List<Ob2Check> checks = new ArrayList<>();
        String t = text.strip();
        if (t.startsWith("{")) {
            ObjectNode json;
            try {
                json = Json.parseObject(t);
            } catch (MicrocredException e) {
                checks.add(Ob2Check.failed("parse", e.getMessage()));
                return checks;
            }
            if (Ob2Assertion.hasType(json, "BadgeClass")) {
                checks.add(Ob2Check.passed("parse", "a BadgeClass"));
                ObjectNode issuer = checkBadgeClass(json, checks);
                if (issuer != null) {
                    checkIssuer(issuer, checks);
                }
                return checks;
            }
        }
        Ob2Assertion assertion;
        try {
            assertion = Ob2Assertion.parse(t);
        } catch (MicrocredException e) {
            checks.add(Ob2Check.failed("parse", e.getMessage()));
            return checks;
        }
        checks.add(Ob2Check.passed("parse", "Assertion " + assertion.id() + " (" + assertion.verificationType() + ")"));
        verify(assertion, checks);
        return checks;
    }

    private void verify(Ob2Assertion assertion, List<Ob2Check> checks) {
        // recipient: hashed identities are sha256$<hex> or md5$<hex>
        Ob2Assertion.Recipient r = assertion.recipient();
        checks.add(r.wellFormed()
                ? Ob2Check.passed("recipient", r.type() + (r.hashed() ? " identity hash " : " identity ") + "is well-formed")
                : Ob2Check.failed("recipient", "recipient identity " + r.identity()
                        + " is not of the form sha256$<64 hex digits> or md5$<32 hex digits>"));
        if (assertion.isSigned()) {
            if (assertion.jws() == null) {
                checks.add(Ob2Check.failed("signature", "verification type is signed but the assertion is not a JWS"));
                return;
            }
        } else if (assertion.jws() == null) {
            if (!checkHosted(assertion, checks)) {
                return;
            }
        } else {
            checks.add(Ob2Check.failed("signature", "a JWS whose verification type is " + assertion.verificationType()));
            return;
        }
        if (assertion.revoked()) {
            checks.add(Ob2Check.failed("revocation", "the assertion says revoked: true"
                    + revocationReason(assertion.json())));
            return;
        }
        ObjectNode badge = assertion.embeddedBadge();
        if (badge == null) {
            badge = fetchJson(assertion.badge(), "badgeclass", checks);
            if (badge == null) {
                return;
            }
        }
        ObjectNode issuer = checkBadgeClass(badge, checks);
        if (issuer == null) {
            return;
        }
        if (!checkIssuer(issuer, checks)) {
            return;
        }
        if (assertion.isSigned()) {
            if (!checkSignature(assertion, issuer, checks)) {
                return;
            }
            checkRevocationList(assertion, issuer, checks);
        } else {
            checkOrigin(assertion, issuer, checks);
        }
        checkExpiry(assertion, checks);
    }

    // OB 2.0 hosted verification: fetch the assertion from its id; 410 = revoked; the hosted copy must match
    private boolean checkHosted(Ob2Assertion assertion, List<Ob2Check> checks) {
        FetchedDocument doc = fetch(assertion.id(), "hosted", checks);
        if (doc == null) {
            return false;
        }
        if (doc.status() == GONE) {
            checks.add(Ob2Check.failed("revocation", "the issuer answers HTTP 410 Gone for " + assertion.id()));
            return false;
        }
        if (doc.status() < 200 || doc.status() >= 300) {
            checks.add(Ob2Check.failed("hosted", "fetching " + assertion.id() + " answered HTTP " + doc.status()));
            return false;
        }
        ObjectNode hosted;
        try {
            hosted = Json.parseObject(doc.bodyBytes());
        } catch (MicrocredException e) {
            checks.add(Ob2Check.failed("hosted", "the hosted assertion at " + assertion.id() + " is not JSON: " + e.getMessage()));
            return false;
        }
        if (hosted.path("revoked").asBoolean(false)) {
            checks.add(Ob2Check.failed("revocation", "the hosted assertion says revoked: true" + revocationReason(hosted)));
            return false;
        }
        if (!hosted.equals(assertion.json())) {
            checks.add(Ob2Check.failed("hosted", "the assertion differs from the copy hosted at " + assertion.id()));
            return false;
        }
        checks.add(Ob2Check.passed("hosted", "the assertion matches the copy hosted at " + assertion.id()));
        return true;
    }

    private ObjectNode checkBadgeClass(ObjectNode badge, List<Ob2Check> checks) {
        List<String> missing = missing(badge, "id", "name", "description", "issuer");
        if (!Ob2Assertion.hasType(badge, "BadgeClass") || !missing.isEmpty() || !badge.has("criteria")) {
            checks.add(Ob2Check.failed("badgeclass", "BadgeClass " + badge.path("id").asText("(no id)")
                    + " is malformed: type " + badge.get("type") + (missing.isEmpty() ? "" : ", missing " + missing)
                    + (badge.has("criteria") ? "" : ", missing criteria")));
            return null;
        }
        checks.add(Ob2Check.passed("badgeclass", "BadgeClass " + badge.get("id").asText() + " \""
                + badge.get("name").asText() + "\" is well-formed"));
        JsonNode issuer = badge.get("issuer");
        if (issuer.isObject()) {
            return (ObjectNode) issuer;
        }
        return fetchJson(issuer.asText(), "issuer", checks);
    }

    private boolean checkIssuer(ObjectNode issuer, List<Ob2Check> checks) {
        List<String> missing = missing(issuer, "id", "name");
        boolean typed = Ob2Assertion.hasType(issuer, "Issuer") || Ob2Assertion.hasType(issuer, "Profile");
        if (!typed || !missing.isEmpty()) {
            checks.add(Ob2Check.failed("issuer", "issuer Profile " + issuer.path("id").asText("(no id)")
                    + " is malformed: type " + issuer.get("type") + (missing.isEmpty() ? "" : ", missing " + missing)));
            return false;
        }
        List<String> recommended = missing(issuer, "url", "email");
        checks.add(recommended.isEmpty()
                ? Ob2Check.passed("issuer", "issuer " + issuer.get("id").asText() + " \"" + issuer.get("name").asText() + "\"")
                : Ob2Check.warning("issuer", "issuer " + issuer.get("id").asText() + " lacks " + recommended));
        return true;
    }

    // hosted: "the assertion id must share the issuer id's origin, unless the issuer's VerificationObject
    // lists allowedOrigins (host names) or startsWith (URL prefixes)"
    private void checkOrigin(Ob2Assertion assertion, ObjectNode issuer, List<Ob2Check> checks) {
        JsonNode v = issuer.path("verification");
        List<String> allowedOrigins = strings(v.get("allowedOrigins"));
        List<String> startsWith = strings(v.get("startsWith"));
        URI id = URI.create(assertion.id());
        if (!startsWith.isEmpty()) {
            boolean ok = startsWith.stream().anyMatch(assertion.id()::startsWith);
            checks.add(ok ? Ob2Check.passed("origin", assertion.id() + " starts with one of " + startsWith)
                    : Ob2Check.failed("origin", assertion.id() + " does not start with any of " + startsWith));
        } else if (!allowedOrigins.isEmpty()) {
            boolean ok = allowedOrigins.contains(id.getHost());
            checks.add(ok ? Ob2Check.passed("origin", id.getHost() + " is one of the allowed origins " + allowedOrigins)
                    : Ob2Check.failed("origin", id.getHost() + " is not one of the allowed origins " + allowedOrigins));
        } else {
            String issuerOrigin = origin(URI.create(issuer.get("id").asText()));
            String assertionOrigin = origin(id);
            checks.add(issuerOrigin.equals(assertionOrigin)
                    ? Ob2Check.passed("origin", "the assertion is hosted on the issuer's origin " + issuerOrigin)
                    : Ob2Check.failed("origin", "the assertion is hosted on " + assertionOrigin
                            + ", not on the issuer's origin " + issuerOrigin));
        }
    }

    // signed: RS256 over "header.payload" with the creator key's publicKeyPem; the key's owner is the issuer
    private boolean checkSignature(Ob2Assertion assertion, ObjectNode issuer, List<Ob2Check> checks) {
        String[] parts = assertion.jws().split("\\.", -1);
        ObjectNode header;
        try {
            header = Json.parseObject(Base64.getUrlDecoder().decode(parts[0]));
        } catch (IllegalArgumentException | MicrocredException e) {
            checks.add(Ob2Check.failed("signature", "the JWS header is not base64url JSON"));
            return false;
        }
        String alg = header.path("alg").asText();
        if (!alg.equals("RS256")) {
            checks.add(Ob2Check.failed("signature", "JWS algorithm " + alg + " is not RS256"));
            return false;
        }
        String creator = assertion.creator() != null ? assertion.creator() : header.path("kid").asText(null);
        if (creator == null) {
            checks.add(Ob2Check.failed("signature", "neither verification.creator nor the JWS kid names a key"));
            return false;
        }
        ObjectNode key = fetchJson(creator, "signature", checks);
        if (key == null) {
            return false;
        }
        String pem = key.path("publicKeyPem").asText("");
        if (!Ob2Assertion.hasType(key, "CryptographicKey") || pem.isEmpty()) {
            checks.add(Ob2Check.failed("signature", creator + " is not a CryptographicKey with a publicKeyPem"));
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(rsaKey(pem));
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                checks.add(Ob2Check.failed("signature", "the RS256 signature does not verify with " + creator));
                return false;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            checks.add(Ob2Check.failed("signature", "cannot verify with " + creator + ": " + e.getMessage()));
            return false;
        }
        checks.add(Ob2Check.passed("signature", "RS256 signature verified with " + creator));
        String owner = key.path("owner").asText("");
        String issuerId = issuer.get("id").asText();
        if (!owner.equals(issuerId)) {
            checks.add(Ob2Check.failed("key-owner", "key " + creator + " is owned by " + (owner.isEmpty() ? "nobody" : owner)
                    + ", not by the issuer " + issuerId));
            return false;
        }
        checks.add(Ob2Check.passed("key-owner", "key " + creator + " is owned by the issuer " + issuerId));
        return true;
    }

    private void checkRevocationList(Ob2Assertion assertion, ObjectNode issuer, List<Ob2Check> checks) {
        if (!issuer.path("revocationList").isTextual()) {
            checks.add(Ob2Check.passed("revocation", "the issuer publishes no revocation list"));
            return;
        }
        String url = issuer.get("revocationList").asText();
        ObjectNode list = fetchJson(url, "revocation", checks);
        if (list == null) {
            return;
        }
        for (JsonNode entry : list.path("revokedAssertions")) {
            String id = entry.isTextual() ? entry.asText() : entry.path("id").asText();
            if (id.equals(assertion.id()) || id.equals(assertion.json().path("uid").asText(null))) {
                checks.add(Ob2Check.failed("revocation", "the assertion is in the issuer's revocation list " + url
                        + revocationReason(entry)));
                return;
            }
        }
        checks.add(Ob2Check.passed("revocation", "the assertion is not in the issuer's revocation list " + url));
    }

    private void checkExpiry(Ob2Assertion assertion, List<Ob2Check> checks) {
        if (assertion.expires() == null) {
            checks.add(Ob2Check.passed("expiry", "the assertion does not expire"));
            return;
        }
        try {
            Instant expires = OffsetDateTime.parse(assertion.expires()).toInstant();
            checks.add(clock.instant().isAfter(expires)
                    ? Ob2Check.failed("expiry", "the assertion expired at " + expires)
                    : Ob2Check.passed("expiry", "the assertion expires at " + expires));
        } catch (DateTimeParseException e) {
            checks.add(Ob2Check.failed("expiry", "expires is not a date-time: " + assertion.expires()));
        }
    }

    private FetchedDocument fetch(String url, String check, List<Ob2Check> checks) {
        try {
            return fetcher.fetch(URI.create(url));
        } catch (MicrocredException | IllegalArgumentException e) {
            checks.add(Ob2Check.failed(check, "cannot fetch " + url + ": " + e.getMessage()));
            return null;
        }
    }

    private ObjectNode fetchJson(String url, String check, List<Ob2Check> checks) {
        FetchedDocument doc = fetch(url, check, checks);
        if (doc == null) {
            return null;
        }
        if (doc.status() < 200 || doc.status() >= 300) {
            checks.add(Ob2Check.failed(check, "fetching " + url + " answered HTTP " + doc.status()));
            return null;
        }
        try {
            return Json.parseObject(doc.bodyBytes());
        } catch (MicrocredException e) {
            checks.add(Ob2Check.failed(check, url + " is not a JSON object: " + e.getMessage()));
            return null;
        }
    }

    static PublicKey rsaKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static List<String> missing(JsonNode node, String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (!node.hasNonNull(n) || (node.get(n).isTextual() && node.get(n).asText().isBlank())) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static String origin(URI uri) {
        int port = uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + (port < 0 ? "" : ":" + port);
    }

    private static String revocationReason(JsonNode node) {
        return node.path("revocationReason").isTextual() ? " (" + node.get("revocationReason").asText() + ")" : "";
    }
}
