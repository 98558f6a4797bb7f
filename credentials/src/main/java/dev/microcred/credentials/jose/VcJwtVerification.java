package dev.microcred.credentials.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.crypto.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link VcJwt#verify}: verified or not, every check with its reason (in order: {@code alg},
 * {@code key}, {@code key-controller}, {@code signature}, then one per claim: {@code iss}, {@code jti},
 * {@code nbf}, {@code sub}, {@code exp}), warnings that do not make it fail, the decoded credential, where the
 * key came from, its id and the key itself ({@code keyId} and {@code key} are null when {@code alg} is
 * {@code none}). "Not verified" is a normal answer; what could not be processed at all was
 * an exception instead. The validity window (now against {@code nbf}/{@code exp}) is not judged here: the
 * credential verifier does that with its clock. The trees belong to this value: do not modify them.
 */
public record VcJwtVerification(boolean verified, List<JwtCheck> checks, List<String> warnings,
        DecodedVcJwt decoded, KeySource keySource, String keyId, PublicKey key) {

    /** Where the verification key came from. */
    public enum KeySource {
        /** The verification method the {@code kid} header names, through the caller's {@link KeyResolver}. */
        KID,
        /** The {@code jwk} header: the key travels with the JWS and is not bound to the issuer by itself. */
        JWK,
        /** Neither header was present: the issuer id ({@code iss}) resolved through the {@link KeyResolver}. */
        ISSUER,
        /** No key was used ({@code alg} is {@code none}). */
        NONE
    }

    public VcJwtVerification {
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(keySource, "keySource");
    }

    /** The credential (for the {@code vc} form, with fields restored from claims). */
    public ObjectNode credential() {
        return decoded.credential();
    }

    /** The first failed check, if any. */
    public Optional<JwtCheck> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }

    /** The check named {@code name}. */
    public Optional<JwtCheck> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
