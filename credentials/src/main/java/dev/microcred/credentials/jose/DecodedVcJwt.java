package dev.microcred.credentials.jose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A VC-JWT taken apart without checking its signature: the parsed JWS, the registered JWT claims of its
 * payload ({@code iss}, {@code sub}, {@code aud}, {@code exp}, {@code nbf}, {@code iat}, {@code jti}), the
 * credential, whether it came in a VC 1.1 style {@code vc} claim, and the claim/field consistency checks
 * (OB 3.0 §8.2.4 / VC-JWT 1.1 §6.3.1). In the {@code vc} form, a credential field that the issuer left out
 * because its claim carries it (VC-JWT 1.1 "instead of") is restored from the claim, and the check says so.
 * The trees belong to this value: do not modify them.
 */
public record DecodedVcJwt(CompactJws jws, ObjectNode claims, ObjectNode credential, boolean vcClaim,
        List<JwtCheck> claimChecks) {
    public DecodedVcJwt {
        Objects.requireNonNull(jws, "jws");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(credential, "credential");
        claimChecks = List.copyOf(claimChecks);
    }

    /** Whether every claim agrees with its credential field. */
    public boolean claimsConsistent() {
        return claimChecks.stream().allMatch(JwtCheck::passed);
    }
}
