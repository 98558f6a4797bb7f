package dev.microcred.credentials.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.baking.BakedImages;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.testing.ManifestFetcher;
import dev.microcred.credentials.SharedData;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample credential in shared/data/credentials/manifest.json, judged as the manifest says, at the date
 * the manifest was evaluated. Supporting documents (DID documents, status lists, OB 2.0 badge classes) are
 * served at the URLs the manifest names, from the same files.
 */
class SampleManifestTest {
    static Stream<Arguments> samples() throws Exception {
        JsonNode manifest = Json.parse(Files.readAllBytes(SharedData.path("data/credentials/manifest.json")));
        List<Arguments> args = new ArrayList<>();
        for (JsonNode item : manifest.get("items")) {
            if ("sample".equals(item.get("role").asText())) {
                args.add(Arguments.of(item.get("file").asText(), item.get("spec").asText(),
                        item.get("expected").asText(), manifest.get("dates_evaluated_as_of").asText()));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} ({2})")
    @MethodSource("samples")
    void judgedAsTheManifestSays(String file, String spec, String expected, String asOf) throws Exception {
        Instant at = Instant.parse(asOf + "T00:00:00Z");
        byte[] input = Files.readAllBytes(SharedData.path("data/credentials/" + file));
        ManifestFetcher fetcher = new ManifestFetcher();
        if (spec.equals("OB 2.0")) {
            // as in the source suite: a hosted assertion is served at its own id
            String text = file.endsWith(".png") ? BakedImages.extract(input).text()
                    : new String(input, java.nio.charset.StandardCharsets.UTF_8);
            if (text.strip().startsWith("{")) {
                String id = Json.parse(text).path("id").asText("");
                if (id.startsWith("http")) {
                    fetcher.serve(id, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        CredentialVerifier verifier = new CredentialVerifier(fetcher, jwk -> {
            throw new MicrocredException(Problem.UNSUPPORTED, "JWK keys not available");
        }, Clock.fixed(at, ZoneOffset.UTC));
        VerificationReport report = verifier.verify(input, at);
        String why = file + ": " + Json.write(report.toJson());
        Known known = KNOWN.get(file);
        if (known != null) {
            assertThat(report.outcome()).as(known.reason() + " — " + why).isEqualTo(known.outcome());
            if (known.check() != null) {
                assertThat(report.check(known.check())).as(why).hasValueSatisfying(c ->
                        assertThat(c.detail()).as(known.reason()).contains(known.detail()));
            }
            return;
        }
        Warned warned = WARNED.get(file);
        if (warned != null) {
            assertThat(report.check(warned.check())).as(why).hasValueSatisfying(c -> {
                assertThat(c.status()).isEqualTo(Check.Status.WARNING);
                assertThat(c.detail()).contains(warned.detail());
            });
        }
        switch (expected) {
            case "valid", "not stated (assumed valid)" -> assertThat(report.outcome()).as(why).isEqualTo(Outcome.VALID);
            case "expired" -> assertThat(report.outcome()).as(why).isEqualTo(Outcome.EXPIRED);
            case "revoked" -> assertThat(report.outcome()).as(why).isEqualTo(Outcome.REVOKED);
            case "tampered" -> assertThat(report.outcome()).as(why).isEqualTo(Outcome.TAMPERED);
            case "n/a (unsigned)" -> {
                // unsigned templates, or signed with a pre-release context: never valid
                assertThat(report.outcome()).as(why).isEqualTo(Outcome.INVALID);
            }
            default -> {
                if (expected.startsWith("invalid")) {
                    // the source suite only asserts that the validator reports errors
                    assertThat(report.valid()).as(why).isFalse();
                } else {
                    // "not stated": the report must still be complete and explain itself
                    assertThat(report.checks()).as(why).isNotEmpty();
                }
            }
        }
    }


    /**
     * Samples whose outcome differs from the manifest's, each with the reason; {@code check} names the step that
     * decides it and {@code detail} a fragment its detail must contain, so the stated reason is asserted too.
     */
    private record Known(Outcome outcome, String check, String detail, String reason) {
    }

    private static final String TESTNET = "anchored on Bitcoin testnet";

    /** Samples judged as the manifest says, with a warning the report must carry ({@code check}, a detail fragment). */
    private record Warned(String check, String detail) {
    }

    private static final java.util.Map<String, Warned> WARNED = java.util.Map.of(
            // @context lists VC 2.0 and Data Integrity v2, which define DataIntegrityProof identically
            // (jsonld.ContextProcessing); the manifest's "valid" holds, with the mock chain's anchor warning
            "blockcerts/v3--mocknet-vc-v2-data-integrity-proof.json",
            new Warned(CredentialVerifier.ANCHOR, "mock chain: not anchored on a real blockchain"));

    private static final java.util.Map<String, Known> KNOWN = java.util.Map.ofEntries(
            java.util.Map.entry("1edtech-validator/ob30/simple.jwt", new Known(Outcome.CANNOT_CHECK, null, null,
                    "the JWS names no key (neither kid nor jwk) and the issuer's profile"
                            + " https://example.edu/issuers/565049 is not among the shared documents")),
            java.util.Map.entry("blockcerts/v2--mocknet-valid-2.0.json", new Known(Outcome.CANNOT_CHECK,
                    CredentialVerifier.STATUS, "revocation-list-testnet.json answered HTTP 404",
                    "hash, Merkle proof and (mock) anchor check out, but the issuer's revocation list"
                            + " https://www.blockcerts.org/samples/2.0/revocation-list-testnet.json is not among the"
                            + " shared documents, so revocation cannot be checked offline")),
            java.util.Map.entry("blockcerts/v3--testnet-v3-did.json", new Known(Outcome.CANNOT_CHECK,
                    CredentialVerifier.ANCHOR, TESTNET, "hash and Merkle proof verify; the Merkle root is anchored on"
                            + " Bitcoin testnet and microcred does not query blockchains (the manifest's note: offline"
                            + " verifiers can only check the local hash and the Merkle proof)")),
            java.util.Map.entry("blockcerts/v3--cert-rl-status-list-2021.json", new Known(Outcome.CANNOT_CHECK,
                    CredentialVerifier.ANCHOR, TESTNET, "hash and Merkle proof verify; the Merkle root is anchored on"
                            + " Bitcoin testnet and microcred does not query blockchains")));
}
