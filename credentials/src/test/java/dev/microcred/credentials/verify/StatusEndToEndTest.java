package dev.microcred.credentials.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.issue.CredentialFormat;
import dev.microcred.credentials.issue.CredentialIssuer;
import dev.microcred.credentials.issue.SignedCredential;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.AchievementSubject;
import dev.microcred.credentials.ob3.Criteria;
import dev.microcred.credentials.ob3.OpenBadgeCredential;
import dev.microcred.credentials.status.StatusEntry;
import dev.microcred.credentials.status.StatusList;
import dev.microcred.credentials.status.StatusListCredential;
import dev.microcred.crypto.Ed25519PrivateKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Revocation and suspension through status lists microcred builds and signs, as a verifier meets them. */
class StatusEndToEndTest {
    private static final URI REVOCATION = URI.create("https://academy.example/status/revocation/1");
    private static final URI SUSPENSION = URI.create("https://academy.example/status/suspension/1");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    private final CredentialIssuer issuer = CredentialIssuer.withDidKey(key, "Example Academy");
    private final Map<String, byte[]> served = new HashMap<>();
    private final Fetcher fetcher = uri -> served.containsKey(uri.toString())
            ? new FetchedDocument(uri, 200, "application/json", Bytes.of(served.get(uri.toString())))
            : new FetchedDocument(uri, 404, null, Bytes.of(new byte[0]));
    private final CredentialVerifier verifier = new CredentialVerifier(fetcher, jwk -> null, Clock.systemUTC());

    /**
     * The OB 3.0 JSON schema allows one {@code credentialStatus} object, so a credential points into one list:
     * revocation or suspension.
     */
    private ObjectNode credential(long index) {
        return credential(index, "revocation", REVOCATION);
    }

    private ObjectNode credential(long index, String purpose, URI list) {
        dev.microcred.credentials.ob3.Achievement achievement = dev.microcred.credentials.ob3.Achievement.of(
                "https://academy.example/a/1", "Forklift Safety", "Operates a forklift safely.",
                Criteria.narrative("Practical test."));
        OpenBadgeCredential unsigned = OpenBadgeCredential.unsigned("urn:uuid:7d2b9a52-52a6-4a55-9d21-2f1c0ad1b3a0",
                issuer.profile(), AchievementSubject.forId("did:example:learner", achievement),
                Instant.parse("2026-01-01T00:00:00Z"), null);
        ObjectNode status = StatusEntry.of(purpose, index, list).toJson();
        return issuer.sign(unsigned.withCredentialStatus(status).toJson(), CredentialFormat.LDP_RDFC).credential();
    }

    /** A credential with a revocation and a suspension entry: credentialStatus an array, as VC 2.0 allows. */
    private ObjectNode credentialWithBothEntries(long index) {
        dev.microcred.credentials.ob3.Achievement achievement = dev.microcred.credentials.ob3.Achievement.of(
                "https://academy.example/a/1", "Forklift Safety", "Operates a forklift safely.",
                Criteria.narrative("Practical test."));
        OpenBadgeCredential unsigned = OpenBadgeCredential.unsigned("urn:uuid:1c0e8f8e-5b9f-4a4b-8f6e-3f4f1e9b2a77",
                issuer.profile(), AchievementSubject.forId("did:example:learner", achievement),
                Instant.parse("2026-01-01T00:00:00Z"), null);
        com.fasterxml.jackson.databind.node.ArrayNode both = Json.mapper().createArrayNode();
        both.add(StatusEntry.of("revocation", index, REVOCATION).toJson());
        both.add(StatusEntry.of("suspension", index, SUSPENSION).toJson());
        return issuer.sign(unsigned.withCredentialStatus(both).toJson(), CredentialFormat.LDP_RDFC).credential();
    }

    @Test
    void anOpenBadgeWithRevocationAndSuspensionEntriesIsCheckedOnBothAndWarnedOnTheSchema() {
        long index = 1_234;
        ObjectNode vc = credentialWithBothEntries(index);
        publish(REVOCATION, "revocation", StatusList.empty(), issuer);
        publish(SUSPENSION, "suspension", StatusList.empty(), issuer);
        VerificationReport ok = verifier.verify(vc, NOW);
        assertThat(ok.outcome()).as(Json.write(ok.toJson())).isEqualTo(Outcome.VALID);
        Check schema = ok.check("schema").orElseThrow();
        assertThat(schema.status()).isEqualTo(Check.Status.WARNING);
        assertThat(schema.detail()).contains("single-object rule", "array of 2 entries");
        assertThat(ok.check("status").orElseThrow().detail()).contains("2 status entries checked");

        publish(SUSPENSION, "suspension", StatusList.empty().with(index, true), issuer);
        assertThat(verifier.verify(vc, NOW).outcome()).isEqualTo(Outcome.SUSPENDED);
        publish(REVOCATION, "revocation", StatusList.empty().with(index, true), issuer);
        assertThat(verifier.verify(vc, NOW).outcome()).as("revocation is checked first").isEqualTo(Outcome.REVOKED);
        publish(SUSPENSION, "suspension", StatusList.empty(), issuer);
        assertThat(verifier.verify(vc, NOW).outcome()).isEqualTo(Outcome.REVOKED);

        // the rest of the credential is held to the schema as strictly as before: an error there still fails
        ObjectNode broken = vc.deepCopy();
        ((ObjectNode) broken.get("credentialSubject")).put("type", "NotAnAchievementSubject");
        assertThat(verifier.verify(broken, NOW).check("schema").orElseThrow().status())
                .isEqualTo(Check.Status.FAILED);
    }

    private void publish(URI id, String purpose, StatusList list, CredentialIssuer signer) {
        ObjectNode unsigned = StatusListCredential.of(id, issuer.profile().id(), purpose, list,
                Instant.parse("2026-01-01T00:00:00Z")).toJson();
        SignedCredential signed = signer.sign(unsigned, CredentialFormat.LDP_RDFC);
        served.put(id.toString(), signed.text().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unsetBitsAreValidSetBitsRevokeOrSuspend() {
        long index = 94_567;
        ObjectNode revocable = credential(index);
        ObjectNode suspendable = credential(index, "suspension", SUSPENSION);
        publish(REVOCATION, "revocation", StatusList.empty(), issuer);
        publish(SUSPENSION, "suspension", StatusList.empty(), issuer);
        VerificationReport ok = verifier.verify(revocable, NOW);
        assertThat(ok.outcome()).as(Json.write(ok.toJson())).isEqualTo(Outcome.VALID);
        assertThat(ok.check("status").orElseThrow().status()).isEqualTo(Check.Status.PASSED);
        assertThat(verifier.verify(suspendable, NOW).outcome()).isEqualTo(Outcome.VALID);

        publish(SUSPENSION, "suspension", StatusList.empty().with(index, true), issuer);
        assertThat(verifier.verify(suspendable, NOW).outcome()).isEqualTo(Outcome.SUSPENDED);
        publish(SUSPENSION, "suspension", StatusList.empty(), issuer);
        assertThat(verifier.verify(suspendable, NOW).outcome()).isEqualTo(Outcome.VALID);

        publish(REVOCATION, "revocation", StatusList.empty().with(index, true), issuer);
        assertThat(verifier.verify(revocable, NOW).outcome()).isEqualTo(Outcome.REVOKED);
        // a neighbouring index is unaffected
        assertThat(verifier.verify(credential(index + 1), NOW).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void aForgedOrMissingListIsNotBelieved() {
        long index = 5;
        ObjectNode vc = credential(index);
        // a list "clearing" the bit, signed by someone else claiming to be the issuer: its proof does not hold
        CredentialIssuer impostor = new CredentialIssuer(issuer.profile(), Ed25519PrivateKey.generate(),
                issuer.verificationMethod(), Clock.systemUTC());
        publish(REVOCATION, "revocation", StatusList.empty(), impostor);
        VerificationReport forged = verifier.verify(vc, NOW);
        assertThat(forged.outcome()).isEqualTo(Outcome.CANNOT_CHECK);
        assertThat(forged.check("status").orElseThrow().detail()).contains("does not verify");

        served.remove(REVOCATION.toString());
        VerificationReport missing = verifier.verify(vc, NOW);
        assertThat(missing.outcome()).isEqualTo(Outcome.CANNOT_CHECK);
        assertThat(missing.check("status").orElseThrow().detail()).contains("HTTP 404");
    }
}
