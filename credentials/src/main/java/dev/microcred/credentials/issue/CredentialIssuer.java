package dev.microcred.credentials.issue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.dataintegrity.DataIntegrity;
import dev.microcred.credentials.dataintegrity.ProofOptions;
import dev.microcred.credentials.jose.VcJwt;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.AchievementSubject;
import dev.microcred.credentials.ob3.OpenBadgeCredential;
import dev.microcred.credentials.ob3.Profile;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.KeyType;
import dev.microcred.crypto.Signer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs Open Badges 3.0 credentials for one issuer with one key. The issuer's id must control the key's
 * verification method: with a {@code did:key} issuer (see {@link #withDidKey}) that holds by construction.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Ed25519PrivateKey key = Ed25519PrivateKey.generate();
 * CredentialIssuer issuer = CredentialIssuer.withDidKey(key, "Example Academy");
 * Achievement badge = Achievement.of("https://example.org/badges/1", "Data Literacy",
 *         "Reads and questions data.", Criteria.narrative("Passed the final assessment."));
 * SignedCredential vc = issuer.issue(badge, "learner@example.org", CredentialFormat.LDP_RDFC, null);
 * }</pre>
 */
public final class CredentialIssuer {
    private final Profile issuer;
    private final Signer signer;
    private final String verificationMethod;
    private final Clock clock;

    /**
     * @param issuer the issuer profile put in every credential
     * @param signer the key that signs
     * @param verificationMethod the id of the key's verification method ({@code did:...#...} or a URL), or null to
     *     embed the public key in VC-JWTs as a {@code jwk} header (then the key is not bound to the issuer)
     */
    public CredentialIssuer(Profile issuer, Signer signer, String verificationMethod, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.verificationMethod = verificationMethod;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An issuer identified by the {@code did:key} of {@code signer} (Ed25519 or P-256). */
    public static CredentialIssuer withDidKey(Signer signer, String name) {
        String did = DidKey.of(signer.publicKey());
        return new CredentialIssuer(Profile.of(did, name, null, null), signer,
                DidKey.verificationMethodId(signer.publicKey()), Clock.systemUTC());
    }

    public Profile profile() {
        return issuer;
    }

    /**
     * Issues {@code achievement} to {@code recipient}: an email address (put in the credential as a salted
     * SHA-256 identity hash) or a DID, valid from now until {@code validUntil} (null: no expiry).
     */
    public SignedCredential issue(Achievement achievement, String recipient, CredentialFormat format,
                                  Instant validUntil) {
        AchievementSubject subject = recipient.startsWith("did:")
                ? AchievementSubject.forId(recipient, achievement)
                : AchievementSubject.forEmail(recipient, achievement, new java.security.SecureRandom());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        OpenBadgeCredential unsigned = OpenBadgeCredential.unsigned("urn:uuid:" + UUID.randomUUID(), issuer, subject,
                now, validUntil == null ? null : validUntil.truncatedTo(ChronoUnit.SECONDS));
        return sign(unsigned.toJson(), format);
    }

    /** Signs an unsigned credential (any VC 2.0 or 1.1 credential) in {@code format}. */
    public SignedCredential sign(ObjectNode unsigned, CredentialFormat format) {
        if (signer.publicKey().type() != format.keyType()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, format.label() + " needs a "
                    + format.keyType().name().toLowerCase().replace("p256", "P-256") + " key, not "
                    + signer.publicKey().type().name().toLowerCase());
        }
        if (format.isJwt()) {
            String jws = verificationMethod == null
                    ? VcJwt.issueWithEmbeddedKey(unsigned, signer)
                    : VcJwt.issue(unsigned, signer, verificationMethod);
            return new SignedCredential(format, unsigned, jws);
        }
        if (verificationMethod == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "a Data Integrity proof needs a verification method");
        }
        ProofOptions options = ProofOptions.of(format.cryptosuite(), verificationMethod)
                .withCreated(clock.instant());
        ObjectNode signed = DataIntegrity.standard().sign(unsigned, options, (Ed25519PrivateKey) signer);
        return new SignedCredential(format, signed, Json.write(signed));
    }

    /** The verification method that signs, or null when VC-JWTs embed the key. */
    public String verificationMethod() {
        return verificationMethod;
    }

    KeyType keyType() {
        return signer.publicKey().type();
    }
}
