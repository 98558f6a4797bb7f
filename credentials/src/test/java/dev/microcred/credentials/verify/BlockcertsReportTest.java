package dev.microcred.credentials.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.testing.ManifestFetcher;
import dev.microcred.credentials.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Blockcerts certificates in the verifier's report: the proof, anchor, issuer-key and status steps. */
class BlockcertsReportTest {
    private static final Instant AT = Instant.parse("2026-11-29T00:00:00Z");
    private static final String V2_REVOCATION_LIST = "https://www.blockcerts.org/samples/2.0/revocation-list-testnet.json";
    private static final String V2_ID = "urn:uuid:bbba8553-8ec1-445f-82c9-a57251dd731c";

    private static ObjectNode sample(String file) throws Exception {
        return Json.parseObject(Files.readAllBytes(SharedData.path("data/credentials/blockcerts/" + file)));
    }

    private static VerificationReport verify(ObjectNode certificate, ManifestFetcher fetcher) {
        CredentialVerifier verifier = new CredentialVerifier(fetcher, jwk -> {
            throw new MicrocredException(Problem.UNSUPPORTED, "no JWK keys");
        }, Clock.fixed(AT, ZoneOffset.UTC));
        return verifier.verify(certificate, AT);
    }

    private static ManifestFetcher revocationList(String revoked) {
        return new ManifestFetcher().serve(V2_REVOCATION_LIST, ("{\"@context\":\"https://w3id.org/openbadges/v2\","
                + "\"id\":\"" + V2_REVOCATION_LIST + "\",\"type\":\"RevocationList\",\"revokedAssertions\":["
                + revoked + "]}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mocknetCertificateIsValidWithTheAnchorAsAWarning() throws Exception {
        VerificationReport report = verify(sample("v2--mocknet-valid-2.0.json"), revocationList(""));

        assertThat(report.outcome()).as(Json.write(report.toJson())).isEqualTo(Outcome.VALID);
        assertThat(report.checks()).extracting(Check::name).containsExactly(CredentialVerifier.PARSE,
                CredentialVerifier.CONTEXT, CredentialVerifier.SCHEMA, CredentialVerifier.PROOF,
                CredentialVerifier.ANCHOR, CredentialVerifier.ISSUER_KEY, CredentialVerifier.STATUS,
                CredentialVerifier.VALIDITY, CredentialVerifier.ENDORSEMENTS);
        assertThat(report.check(CredentialVerifier.PROOF)).get().extracting(Check::status)
                .isEqualTo(Check.Status.PASSED);
        assertThat(report.check(CredentialVerifier.ANCHOR)).get().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Check.Status.WARNING);
            assertThat(c.implies()).isNull();
            assertThat(c.detail()).startsWith("mock chain: not anchored on a real blockchain");
        });
        assertThat(report.check(CredentialVerifier.ISSUER_KEY)).get().extracting(Check::status)
                .isEqualTo(Check.Status.SKIPPED);
        assertThat(report.check(CredentialVerifier.STATUS)).get().extracting(Check::status)
                .isEqualTo(Check.Status.PASSED);
    }

    @Test
    void revokedV2CertificateIsRevoked() throws Exception {
        VerificationReport report = verify(sample("v2--mocknet-valid-2.0.json"),
                revocationList("{\"id\":\"" + V2_ID + "\",\"revocationReason\":\"Issued in error.\"}"));

        assertThat(report.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(report.check(CredentialVerifier.STATUS)).get().extracting(Check::detail).asString()
                .contains("Issued in error.");
    }

    @Test
    void testnetCertificateCannotBeCheckedOfflineButItsReceiptIsVerified() throws Exception {
        VerificationReport report = verify(sample("v3--testnet-v3-did.json"), new ManifestFetcher());

        assertThat(report.outcome()).isEqualTo(Outcome.CANNOT_CHECK);
        assertThat(report.check(CredentialVerifier.PROOF)).get().extracting(Check::status)
                .isEqualTo(Check.Status.PASSED);
        assertThat(report.check(CredentialVerifier.ANCHOR)).get().satisfies(c -> {
            assertThat(c.implies()).isEqualTo(Outcome.CANNOT_CHECK);
            assertThat(c.detail()).contains("Bitcoin testnet", "microcred does not query blockchains");
            assertThat(c.values()).containsEntry("anchor[0]",
                    "blink:btc:testnet:140ee9382a5c84433b9c89a5d9fea26c47415838b5841deb0c36a8a4b9121f2e");
        });
    }

    @Test
    void modifiedCertificateIsTampered() throws Exception {
        ObjectNode certificate = sample("v3--testnet-v3-did.json");
        ((ObjectNode) certificate.get("credentialSubject").get("claim")).put("name", "V4 issuance");

        VerificationReport report = verify(certificate, new ManifestFetcher());

        assertThat(report.outcome()).isEqualTo(Outcome.TAMPERED);
        assertThat(report.check(CredentialVerifier.ANCHOR)).get().extracting(Check::status)
                .isEqualTo(Check.Status.SKIPPED);
    }

    @Test
    void unknownProofFormIsUnsupported() throws Exception {
        ObjectNode certificate = sample("v3--testnet-v3-did.json");
        ((ObjectNode) certificate.get("proof")).put("type", "ChainedProof2021");

        assertThat(verify(certificate, new ManifestFetcher()).outcome()).isEqualTo(Outcome.UNSUPPORTED);
    }
}
