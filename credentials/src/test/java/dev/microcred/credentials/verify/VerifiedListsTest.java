package dev.microcred.credentials.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.issue.CredentialFormat;
import dev.microcred.credentials.issue.CredentialIssuer;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.AchievementSubject;
import dev.microcred.credentials.ob3.Criteria;
import dev.microcred.credentials.ob3.OpenBadgeCredential;
import dev.microcred.credentials.ob3.Profile;
import dev.microcred.credentials.status.StatusEntry;
import dev.microcred.credentials.status.StatusList;
import dev.microcred.credentials.status.StatusListCredential;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.Multikey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A verifier reuses a status list it verified only for the same bytes and within the list's {@code ttl}: a changed
 * list (a revocation, a forgery) is verified at once; a list the verifier may no longer trust (its key left the DID
 * document) stops verifying once the ttl has passed, and at once when the list sets no ttl.
 */
class VerifiedListsTest {
    private static final String DID = "did:web:academy.example";
    private static final URI DID_DOCUMENT = URI.create("https://academy.example/.well-known/did.json");
    private static final URI LIST = URI.create("https://academy.example/status/revocation/1");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final long INDEX = 4_242;

    private final Ed25519PrivateKey credentialKey = Ed25519PrivateKey.generate();
    private final Ed25519PrivateKey listKey = Ed25519PrivateKey.generate();
    private final Profile profile = Profile.of(DID, "Example Academy", null, null);
    private final CredentialIssuer credentialSigner = new CredentialIssuer(profile, credentialKey, DID + "#key-1",
            Clock.systemUTC());
    private final CredentialIssuer listSigner = new CredentialIssuer(profile, listKey, DID + "#key-2",
            Clock.systemUTC());
    private final Map<URI, byte[]> served = new ConcurrentHashMap<>();
    private final Fetcher fetcher = uri -> served.containsKey(uri)
            ? new FetchedDocument(uri, 200, "application/json", Bytes.of(served.get(uri)))
            : new FetchedDocument(uri, 404, null, Bytes.of(new byte[0]));
    private final CredentialVerifier verifier = new CredentialVerifier(fetcher, jwk -> null, Clock.systemUTC());

    private ObjectNode credential() {
        Achievement achievement = Achievement.of("https://academy.example/a/1", "Forklift Safety",
                "Operates a forklift safely.", Criteria.narrative("Practical test."));
        OpenBadgeCredential unsigned = OpenBadgeCredential.unsigned("urn:uuid:0b6c1f0e-3c1a-4f5e-9d2a-7a1b2c3d4e5f",
                profile, AchievementSubject.forId("did:example:learner", achievement),
                Instant.parse("2026-01-01T00:00:00Z"), null);
        ObjectNode status = StatusEntry.of("revocation", INDEX, LIST).toJson();
        return credentialSigner.sign(unsigned.withCredentialStatus(status).toJson(), CredentialFormat.LDP_RDFC)
                .credential();
    }

    private void publishDidDocument(List<Ed25519PrivateKey> keys) {
        ObjectNode doc = Json.object();
        doc.putArray("@context").add("https://www.w3.org/ns/did/v1").add("https://w3id.org/security/multikey/v1");
        doc.put("id", DID);
        for (Ed25519PrivateKey k : keys) {
            String id = DID + (k == credentialKey ? "#key-1" : "#key-2");
            ObjectNode m = doc.withArray("verificationMethod").addObject();
            m.put("id", id);
            m.put("type", "Multikey");
            m.put("controller", DID);
            m.put("publicKeyMultibase", Multikey.encode(k.publicKey()));
            doc.withArray("assertionMethod").add(id);
        }
        served.put(DID_DOCUMENT, Json.write(doc).getBytes(StandardCharsets.UTF_8));
    }

    private void publishList(StatusList bits, Duration ttl, CredentialIssuer signer) {
        ObjectNode unsigned = new StatusListCredential(LIST, DID, "revocation", bits,
                Instant.parse("2026-01-01T00:00:00Z"), null, ttl).toJson();
        served.put(LIST, signer.sign(unsigned, CredentialFormat.LDP_RDFC).text().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reusesAVerifiedListWithinItsTtlOnly() {
        ObjectNode vc = credential();
        publishDidDocument(List.of(credentialKey, listKey));
        publishList(StatusList.empty(), Duration.ofMinutes(5), listSigner);
        assertThat(verifier.verify(vc, NOW).outcome()).isEqualTo(Outcome.VALID);

        // the list's key leaves the DID document; the same list bytes stay trusted for their ttl, then not
        publishDidDocument(List.of(credentialKey));
        assertThat(verifier.verify(vc, NOW.plus(Duration.ofMinutes(4))).outcome()).isEqualTo(Outcome.VALID);
        VerificationReport late = verifier.verify(vc, NOW.plus(Duration.ofMinutes(6)));
        assertThat(late.outcome()).isEqualTo(Outcome.CANNOT_CHECK);
        assertThat(late.check("status").orElseThrow().detail()).contains("does not verify");
    }

    @Test
    void aListWithoutTtlIsVerifiedEveryTime() {
        ObjectNode vc = credential();
        publishDidDocument(List.of(credentialKey, listKey));
        publishList(StatusList.empty(), null, listSigner);
        assertThat(verifier.verify(vc, NOW).outcome()).isEqualTo(Outcome.VALID);

        publishDidDocument(List.of(credentialKey));
        assertThat(verifier.verify(vc, NOW.plusSeconds(1)).outcome()).isEqualTo(Outcome.CANNOT_CHECK);
    }

    @Test
    void aChangedListIsVerifiedAtOnce() {
        ObjectNode vc = credential();
        publishDidDocument(List.of(credentialKey, listKey));
        publishList(StatusList.empty(), Duration.ofMinutes(5), listSigner);
        assertThat(verifier.verify(vc, NOW).outcome()).isEqualTo(Outcome.VALID);

        publishList(StatusList.empty().with(INDEX, true), Duration.ofMinutes(5), listSigner);
        assertThat(verifier.verify(vc, NOW.plusSeconds(1)).outcome()).isEqualTo(Outcome.REVOKED);

        // a list "clearing" the bit again, signed by an impostor under the issuer's key id: new bytes, full check
        CredentialIssuer impostor = new CredentialIssuer(profile, Ed25519PrivateKey.generate(), DID + "#key-2",
                Clock.systemUTC());
        publishList(StatusList.empty(), Duration.ofMinutes(5), impostor);
        assertThat(verifier.verify(vc, NOW.plusSeconds(2)).outcome()).isEqualTo(Outcome.CANNOT_CHECK);
    }
}
