package dev.microcred.credentials.jose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.Jwk;
import dev.microcred.crypto.PublicKey;
import dev.microcred.crypto.Signer;
import dev.microcred.crypto.VerificationMethod;
import java.io.ByteArrayOutputStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Open Badges 3.0 VC-JWT (OB 3.0 §8.2 "JSON Web Token Proof Format"): issues and verifies a credential as a
 * compact JWS whose payload is the credential itself plus the registered claims {@code iss} (issuer id),
 * {@code jti} (credential id), {@code nbf} (validFrom), {@code sub} (credentialSubject.id) and {@code exp}
 * (validUntil). The header is {@code {"alg":..,"kid":..,"typ":"JWT"}}: OB 3.0 names {@code typ} {@code JWT}
 * (VC-JOSE-COSE's {@code vc+jwt} is a different format). Verification also accepts the VC 1.1 form, with the
 * credential in a {@code vc} claim and {@code iss}/{@code nbf}/{@code exp}/{@code jti} mapped from
 * {@code issuer}/{@code issuanceDate}/{@code expirationDate}/{@code id}.
 *
 * <p>"Rejected" (bad signature, a claim that disagrees with its field, {@code alg: none}, an algorithm that does
 * not fit the key) is a {@link VcJwtVerification} with {@code verified == false}. "Could not process" is a
 * {@link MicrocredException}: malformed JWS or payload ({@code MALFORMED_INPUT}), too large ({@code TOO_LARGE}),
 * an algorithm microcred does not implement ({@code UNSUPPORTED}), a key that cannot be found
 * ({@code KEY_NOT_FOUND}) or is malformed ({@code INVALID_KEY}). Stateless and thread-safe.
 */
public final class VcJwt {
    /** The {@code typ} header value OB 3.0 gives its VC-JWTs. */
    public static final String TYP = "JWT";

    /** The JWT claims that the payload adds to the credential (RFC 7519 §4.1 registered names). */
    private static final List<String> REGISTERED = List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private VcJwt() {
    }

    // ------------------------------------------------------------------------------------------- issuing

    /**
     * Signs {@code credential} as an OB 3.0 VC-JWT, naming the key with {@code kid} (a DID URL or URL that
     * resolves to {@code signer}'s public key). The credential needs an issuer id; {@code jti}, {@code sub},
     * {@code nbf} and {@code exp} are added when {@code id}, {@code credentialSubject.id}, {@code validFrom} and
     * {@code validUntil} are present. The credential must not already use a registered JWT claim name at its
     * top level ({@code INVALID_REQUEST}). The credential is serialized once and not modified.
     */
    public static String issue(ObjectNode credential, Signer signer, String kid) {
        Objects.requireNonNull(kid, "kid");
        return sign(credential, signer, "{\"alg\":" + quote(signer.jwsAlgorithm()) + ",\"kid\":" + quote(kid)
                + ",\"typ\":\"" + TYP + "\"}");
    }

    /**
     * Signs {@code credential} with the public key embedded in the header as a {@code jwk} (RFC 7515 §4.1.3),
     * as the OB 3.0 specification's own examples do. A verifier must still bind that key to the issuer.
     */
    public static String issueWithEmbeddedKey(ObjectNode credential, Signer signer) {
        StringBuilder jwk = new StringBuilder("{");
        for (Map.Entry<String, String> member : Jwk.of(signer.publicKey()).members().entrySet()) {
            jwk.append(jwk.length() > 1 ? "," : "").append(quote(member.getKey())).append(':')
                    .append(quote(member.getValue()));
        }
        jwk.append('}');
        return sign(credential, signer, "{\"alg\":" + quote(signer.jwsAlgorithm()) + ",\"typ\":\"" + TYP
                + "\",\"jwk\":" + jwk + "}");
    }

    private static String sign(ObjectNode credential, Signer signer, String header) {
        Objects.requireNonNull(credential, "credential");
        for (String claim : REGISTERED) {
            if (credential.has(claim)) {
                throw new MicrocredException(Problem.INVALID_REQUEST,
                        "the credential has a top-level \"" + claim + "\" member, which is a JWT claim name");
            }
        }
        if (credential.has("vc")) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the credential has a top-level \"vc\" member");
        }
        String issuer = issuerId(credential);
        if (issuer == null) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the credential has no issuer id");
        }
        // OB 3.0 §8.2.4.2: iss = issuer.id, jti = id, sub = credentialSubject.id, nbf = validFrom,
        // exp = validUntil (the last four when present); the claims precede the credential's own members.
        StringBuilder claims = new StringBuilder(256);
        claims.append("\"iss\":").append(quote(issuer));
        String id = text(credential.get("id"));
        if (id != null) {
            claims.append(",\"jti\":").append(quote(id));
        }
        String subject = subjectId(credential);
        if (subject != null) {
            claims.append(",\"sub\":").append(quote(subject));
        }
        appendDate(claims, "nbf", credential, "validFrom");
        appendDate(claims, "exp", credential, "validUntil");
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(credential);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
        byte[] claimBytes = claims.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream payload = new ByteArrayOutputStream(body.length + claimBytes.length + 2);
        payload.write('{');
        payload.write(claimBytes, 0, claimBytes.length);
        if (body.length > 2) {
            payload.write(',');
        }
        payload.write(body, 1, body.length - 1);
        return CompactJws.sign(header, payload.toByteArray(), signer);
    }

    private static void appendDate(StringBuilder claims, String claim, ObjectNode credential, String field) {
        JsonNode value = credential.get(field);
        if (value == null) {
            return;
        }
        Long seconds = value.isTextual() ? epochSeconds(value.asText()) : null;
        if (seconds == null) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "the credential's " + field + " is not an XML Schema date-time");
        }
        claims.append(",\"").append(claim).append("\":").append(seconds);
    }

    // ------------------------------------------------------------------------------------------- decoding

    /**
     * Takes a VC-JWT apart and compares its claims with the credential's fields, without checking the
     * signature. The payload must be a JSON object holding a credential ({@code @context}) or a {@code vc}
     * claim; otherwise {@link Problem#MALFORMED_INPUT}.
     */
    public static DecodedVcJwt decode(String compactJws) {
        CompactJws jws = CompactJws.parse(compactJws);
        ObjectNode payload = Json.parseObject(jws.payloadView());
        ObjectNode claims = Json.object();
        JsonNode vc = payload.get("vc");
        boolean vcClaim = vc != null;
        ObjectNode credential;
        if (vcClaim) {
            if (!vc.isObject()) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "the JWT vc claim is not a JSON object");
            }
            credential = (ObjectNode) vc;
            payload.remove("vc");
            claims = payload;
        } else {
            if (!payload.has("@context")) {
                throw new MicrocredException(Problem.MALFORMED_INPUT,
                        "the JWT payload is not a credential (no @context and no vc claim)");
            }
            for (String name : REGISTERED) {
                JsonNode value = payload.remove(name);
                if (value != null) {
                    claims.set(name, value);
                }
            }
            credential = payload;
        }
        return new DecodedVcJwt(jws, claims, credential, vcClaim, claimChecks(claims, credential, vcClaim));
    }

    /**
     * The claim/field consistency checks. OB 3.0: iss = issuer id (required), jti = id, nbf = validFrom,
     * sub = credentialSubject.id, exp = validUntil; a claim without its field, or a claim that differs from its
     * field, fails; a field without its claim passes (the payload is signed as a whole, so the field applies). VC 1.1 form: nbf = issuanceDate (validFrom if there is none), exp = expirationDate (or
     * validUntil), and a field the issuer left out is restored from its claim (VC-JWT 1.1 §6.3.1).
     */
    private static List<JwtCheck> claimChecks(ObjectNode claims, ObjectNode credential, boolean vcClaim) {
        List<JwtCheck> checks = new ArrayList<>(5);
        String nbfField = "validFrom";
        String expField = "validUntil";
        Set<String> restored = Set.of();
        if (vcClaim) {
            nbfField = credential.has("issuanceDate") || !credential.has("validFrom") ? "issuanceDate" : "validFrom";
            expField = credential.has("expirationDate") || !credential.has("validUntil")
                    ? "expirationDate" : "validUntil";
            restored = restore(claims, credential);
        }
        checks.add(issCheck(claims.get("iss"), issuerId(credential), credential.has("issuer")));
        checks.add(textCheck("jti", claims.get("jti"), "id", text(credential.get("id"))));
        checks.add(dateCheck("nbf", claims.get("nbf"), nbfField, credential.get(nbfField)));
        checks.add(textCheck("sub", claims.get("sub"), "credentialSubject.id", subjectId(credential)));
        checks.add(dateCheck("exp", claims.get("exp"), expField, credential.get(expField)));
        if (vcClaim) {
            for (int i = 0; i < checks.size(); i++) {
                JwtCheck c = checks.get(i);
                if (c.passed() && restored.contains(c.name())) {
                    checks.set(i, JwtCheck.pass(c.name(), c.detail() + " (field restored from the claim)"));
                }
            }
        }
        return checks;
    }

    /** VC-JWT 1.1 §6.3.1: a field absent from vc is taken from the claim that replaced it. */
    private static Set<String> restore(ObjectNode claims, ObjectNode credential) {
        Set<String> restored = new HashSet<>();
        String iss = text(claims.get("iss"));
        if (iss != null && !credential.has("issuer")) {
            credential.put("issuer", iss);
            restored.add("iss");
        }
        String jti = text(claims.get("jti"));
        if (jti != null && !credential.has("id")) {
            credential.put("id", jti);
            restored.add("jti");
        }
        Long nbf = numericDate(claims.get("nbf"));
        if (nbf != null && !credential.has("issuanceDate") && !credential.has("validFrom")) {
            credential.put("issuanceDate", Instant.ofEpochSecond(nbf).toString());
            restored.add("nbf");
        }
        Long exp = numericDate(claims.get("exp"));
        if (exp != null && !credential.has("expirationDate") && !credential.has("validUntil")) {
            credential.put("expirationDate", Instant.ofEpochSecond(exp).toString());
            restored.add("exp");
        }
        String sub = text(claims.get("sub"));
        if (sub != null && credential.get("credentialSubject") instanceof ObjectNode subject && !subject.has("id")) {
            subject.put("id", sub);
            restored.add("sub");
        }
        return restored;
    }

    private static JwtCheck issCheck(JsonNode claim, String issuer, boolean hasIssuer) {
        if (claim == null) {
            return JwtCheck.fail("iss", "the JWT has no iss claim (OB 3.0 requires iss = the issuer id)");
        }
        if (!claim.isTextual()) {
            return JwtCheck.fail("iss", "the iss claim is not a string");
        }
        if (issuer == null) {
            return JwtCheck.fail("iss", hasIssuer ? "the credential's issuer has no id" : "the credential has no issuer");
        }
        return claim.asText().equals(issuer)
                ? JwtCheck.pass("iss", "iss equals the issuer id " + issuer)
                : JwtCheck.fail("iss", "iss " + claim.asText() + " differs from the issuer id " + issuer);
    }

    private static JwtCheck textCheck(String name, JsonNode claim, String field, String value) {
        if (claim == null && value == null) {
            return JwtCheck.pass(name, "neither the " + name + " claim nor " + field + " is present");
        }
        if (claim == null) {
            // the whole payload is signed: an absent claim cannot contradict the field, which applies
            return JwtCheck.pass(name, "no " + name + " claim; the credential's " + field + " " + value + " applies");
        }
        if (!claim.isTextual()) {
            return JwtCheck.fail(name, "the " + name + " claim is not a string");
        }
        if (value == null) {
            return JwtCheck.fail(name, "the " + name + " claim " + claim.asText() + " has no " + field + " to match");
        }
        return claim.asText().equals(value)
                ? JwtCheck.pass(name, name + " equals " + field + " " + value)
                : JwtCheck.fail(name, name + " " + claim.asText() + " differs from " + field + " " + value);
    }

    private static JwtCheck dateCheck(String name, JsonNode claim, String field, JsonNode value) {
        if (claim == null && value == null) {
            return JwtCheck.pass(name, "neither the " + name + " claim nor " + field + " is present");
        }
        if (claim == null) {
            return JwtCheck.pass(name, "no " + name + " claim; the credential's " + field + " " + value.asText()
                    + " applies");
        }
        Long seconds = numericDate(claim);
        if (seconds == null) {
            return JwtCheck.fail(name, "the " + name + " claim is not a NumericDate");
        }
        if (value == null) {
            return JwtCheck.fail(name, "the " + name + " claim " + seconds + " has no " + field + " to match");
        }
        Long expected = value.isTextual() ? epochSeconds(value.asText()) : null;
        if (expected == null) {
            return JwtCheck.fail(name, field + " is not an XML Schema date-time");
        }
        // RFC 7519 §2 NumericDate: seconds since the epoch; a fractional date-time is compared by whole seconds.
        return seconds.equals(expected)
                ? JwtCheck.pass(name, name + " " + seconds + " equals " + field + " " + value.asText())
                : JwtCheck.fail(name, name + " " + seconds + " differs from " + field + " " + value.asText()
                        + " (" + expected + ")");
    }

    // ------------------------------------------------------------------------------------------- verifying

    /**
     * Verifies a VC-JWT: algorithm, key, key controller, signature and every claim against its field. The key is
     * found from the {@code kid} header through {@code keys} (a kid starting with {@code #} is relative to the
     * issuer id), else from an embedded {@code jwk} header, else by resolving the issuer id through {@code keys}.
     */
    public static VcJwtVerification verify(String compactJws, KeyResolver keys) {
        Objects.requireNonNull(keys, "keys");
        DecodedVcJwt decoded = decode(compactJws);
        CompactJws jws = decoded.jws();
        List<JwtCheck> checks = new ArrayList<>(9);
        List<String> warnings = new ArrayList<>(1);
        String issuer = issuerId(decoded.credential());
        String iss = text(decoded.claims().get("iss"));

        // RFC 8725 §3.1 / §2.1: an unsecured JWS is never accepted, whatever the rest says.
        if (JwsAlgorithm.NONE.equals(jws.algorithm())) {
            checks.add(JwtCheck.fail("alg", "alg none (an unsecured JWS) is never accepted"));
            checks.addAll(decoded.claimChecks());
            return new VcJwtVerification(false, checks, warnings, decoded, VcJwtVerification.KeySource.NONE, null,
                    null);
        }
        JwsAlgorithm alg = JwsAlgorithm.of(jws.algorithm());
        checks.add(JwtCheck.pass("alg", "alg " + alg.jwsName()));

        ObjectNode header = jws.headerView();
        String kid = text(header.get("kid"));
        JsonNode jwkHeader = header.get("jwk");
        VcJwtVerification.KeySource source;
        String keyId;
        PublicKey key;
        String controller = null;
        if (kid != null) {
            source = VcJwtVerification.KeySource.KID;
            String base = iss != null ? iss : issuer;
            keyId = kid.startsWith("#") && base != null ? base + kid : kid;
            VerificationMethod vm = resolve(keys, keyId, "the JWS kid " + keyId);
            key = vm.publicKey();
            controller = vm.controller();
            if (jwkHeader != null && !JwkJson.publicKey(jwkHeader).equals(key)) {
                checks.add(JwtCheck.fail("key", "the jwk header is not the key that kid " + keyId + " names"));
            }
        } else if (jwkHeader != null) {
            source = VcJwtVerification.KeySource.JWK;
            key = JwkJson.publicKey(jwkHeader);
            keyId = "jwk:" + Jwk.of(key).thumbprint();
            warnings.add("the key is embedded in the JWS header (jwk, RFC 7638 thumbprint "
                    + Jwk.of(key).thumbprint() + "): it is not bound to the issuer by this check");
        } else {
            source = VcJwtVerification.KeySource.ISSUER;
            String base = iss != null ? iss : issuer;
            if (base == null) {
                throw new MicrocredException(Problem.KEY_NOT_FOUND,
                        "the JWS header names no key (neither kid nor jwk) and there is no issuer id to resolve");
            }
            VerificationMethod vm = resolve(keys, base,
                    "the issuer " + base + " to a key (the JWS header has neither kid nor jwk)");
            keyId = vm.id();
            key = vm.publicKey();
            controller = vm.controller();
        }

        boolean keyFits = key.type() == alg.keyType();
        String jwkAlg = jwkHeader == null ? null : text(jwkHeader.get("alg"));
        if (!keyFits) {
            checks.add(JwtCheck.fail("key", "alg " + alg.jwsName() + " needs a " + alg.keyType() + " key, but "
                    + keyId + " is a " + key.type() + " key"));
        } else if (jwkAlg != null && !jwkAlg.equals(alg.jwsName())) {
            keyFits = false;
            checks.add(JwtCheck.fail("key", "the jwk header is for alg " + jwkAlg + ", not " + alg.jwsName()));
        } else if (checks.stream().noneMatch(c -> c.name().equals("key"))) {
            checks.add(JwtCheck.pass("key", key.type() + " key " + keyId));
        }

        if (controller != null) {
            // The key must belong to the issuer: its controller is the issuer id (OB 3.0 §8.2.4.3 step 4).
            checks.add(issuer != null && issuer.equals(controller)
                    ? JwtCheck.pass("key-controller", "the key's controller is the issuer " + issuer)
                    : JwtCheck.fail("key-controller", "the key's controller " + controller
                            + " is not the issuer " + issuer));
        }

        if (keyFits) {
            checks.add(jws.verify(alg, key)
                    ? JwtCheck.pass("signature", alg.jwsName() + " signature verified")
                    : JwtCheck.fail("signature", alg.jwsName() + " signature does not verify with " + keyId));
        } else {
            checks.add(JwtCheck.fail("signature", "not checked: no key that fits alg " + alg.jwsName()));
        }
        checks.addAll(decoded.claimChecks());
        boolean verified = checks.stream().allMatch(JwtCheck::passed);
        return new VcJwtVerification(verified, checks, warnings, decoded, source, keyId, key);
    }

    private static VerificationMethod resolve(KeyResolver keys, String id, String what) {
        VerificationMethod vm;
        try {
            vm = keys.resolve(id);
        } catch (MicrocredException e) {
            throw new MicrocredException(e.problem(), "cannot resolve " + what + ": " + e.getMessage(), e);
        }
        if (vm == null) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND, "cannot resolve " + what);
        }
        return vm;
    }

    // ------------------------------------------------------------------------------------------- fields

    /** The issuer id: {@code issuer} as a string, or {@code issuer.id}. */
    static String issuerId(ObjectNode credential) {
        JsonNode issuer = credential.get("issuer");
        if (issuer == null) {
            return null;
        }
        return issuer.isTextual() ? issuer.asText() : text(issuer.get("id"));
    }

    /** {@code credentialSubject.id} of the one subject (an object, or an array of exactly one object). */
    static String subjectId(ObjectNode credential) {
        JsonNode subject = credential.get("credentialSubject");
        if (subject != null && subject.isArray() && subject.size() == 1) {
            subject = subject.get(0);
        }
        return subject != null && subject.isObject() ? text(subject.get("id")) : null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** RFC 7519 §2 NumericDate as whole seconds (a fractional value is floored); null if not a number. */
    private static Long numericDate(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        try {
            return node.decimalValue().setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /**
     * Seconds since the epoch of an XML Schema dateTime (floored). VC 2.0 requires a time zone offset; a value
     * without one (VC 1.1 allowed it) is read as UTC.
     */
    static Long epochSeconds(String dateTime) {
        try {
            return OffsetDateTime.parse(dateTime).toEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(dateTime).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String quote(String s) {
        return "\"" + new String(QUOTE.quoteAsString(s)) + "\"";
    }

}
