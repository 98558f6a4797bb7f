package dev.microcred.credentials.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.SharedData;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusCheckTest {
    private static final String VALIDATOR = "conformance-vectors/open-badges-3.0/validator-samples/";
    private static final String DCC_LIST = "data/credentials/dcc-vc-test-fixtures/support/status-list-e5WK8CbZ1GjycuPombrj.json";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
    private final StatusCheck check = StatusCheck.lenient(CLOCK);

    @Test
    void theValidatorsRevokedCredentialIsSetInItsList() {
        StatusEntry entry = StatusEntry.parseAll(SharedData.json(VALIDATOR + "bit-string-list/credential-status-revoked.json")).get(0);
        StatusResult result = check.check(entry, SharedData.json(VALIDATOR + "bit-string-list/testlist"));
        assertThat(result.isSet()).isTrue();
        assertThat(result.warnings()).isEmpty();
        StatusEntry neighbour = new StatusEntry(null, entry.type(), "revocation", 24, entry.statusListCredential(), 1);
        assertThat(check.check(neighbour, SharedData.json(VALIDATOR + "bit-string-list/testlist")).isSet()).isFalse();
    }

    @Test
    void theDccSamplesAreJudgedAsTheManifestSays() {
        // the manifest: revokedStatus sample has status_bit 1 (index 8), the validStatus sample status_bit 0 (index 7)
        Fetcher fetcher = SharedData.manifestFetcher(Map.of(
                "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj",
                DCC_LIST));
        StatusEntry revoked = StatusEntry.parseAll(SharedData.json(
                "data/credentials/dcc-vc-test-fixtures/v2--ed25519--didKey--noRegistry-revokedStatus-notExpired.json")).get(0);
        StatusEntry valid = StatusEntry.parseAll(SharedData.json(
                "data/credentials/dcc-vc-test-fixtures/v1--ed25519--didWeb--legacy-validStatus-noExpiry.json")).get(0);
        StatusResult revokedResult = check.check(revoked, fetcher);
        assertThat(revokedResult.isSet()).isTrue();
        assertThat(revokedResult.warnings()).singleElement().asString().contains("100000 entries, fewer than the 131072");
        assertThat(check.check(valid, fetcher).isSet()).isFalse();
    }

    @Test
    void readsTheLegacyStatusList2021ListOfBlockcerts() {
        StatusEntry entry = StatusEntry.parseAll(SharedData.json("data/credentials/blockcerts/v3--cert-rl-status-list-2021.json")).get(0);
        StatusResult result = check.check(entry, SharedData.json("data/credentials/blockcerts/support/status-list-2021.json"));
        assertThat(result.isSet()).as("the manifest says status_bit 0 at index 23546").isFalse();
        assertThat(result.warnings()).singleElement().asString().contains("does not state its statusPurpose");
        StatusEntry next = new StatusEntry(null, entry.type(), "revocation", 23_547, entry.statusListCredential(), 1);
        assertThat(check.check(next, SharedData.json("data/credentials/blockcerts/support/status-list-2021.json")).isSet()).isTrue();
    }

    @Test
    void theStatusListCredentialSampleParses() {
        StatusListCredential list = StatusListCredential.parse(SharedData.json(DCC_LIST));
        assertThat(list.id()).hasToString("https://testing.dcconsortium.org/status/e5WK8CbZ1GjycuPombrj");
        assertThat(list.issuer()).isEqualTo("did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q");
        assertThat(list.statusPurpose()).isEqualTo("revocation");
        assertThat(list.validFrom()).isEqualTo(Instant.parse("2025-01-09T15:20:02.183Z"));
        assertThat(list.list().length()).isEqualTo(100_000);
    }

    @Test
    void buildsAnUnsignedListCredentialThatReadsBack() {
        StatusList bits = StatusList.empty().with(List.of(7, 94_567), true);
        StatusListCredential built = new StatusListCredential(URI.create("https://issuer.example/status/1"),
                "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "suspension", bits,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), Duration.ofMinutes(5));
        ObjectNode json = built.toJson();
        assertThat(json.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(json.get("type").toString()).isEqualTo("[\"VerifiableCredential\",\"BitstringStatusListCredential\"]");
        assertThat(json.at("/credentialSubject/type").asText()).isEqualTo("BitstringStatusList");
        assertThat(json.at("/credentialSubject/id").asText()).isEqualTo("https://issuer.example/status/1#list");
        assertThat(json.at("/credentialSubject/ttl").asLong()).isEqualTo(300_000);
        assertThat(json.has("proof")).isFalse();
        assertThat(StatusListCredential.parse(Json.parseObject(Json.write(json)))).isEqualTo(built);

        StatusEntry entry = new StatusEntry(null, StatusEntry.BITSTRING_TYPE, "suspension", 94_567, built.id(), 1);
        assertThat(check.check(entry, json).isSet()).isTrue();
        assertThat(StatusCheck.strict(CLOCK).check(entry, json).warnings()).isEmpty();
    }

    @Test
    void readsAJwtSecuredListFromItsPayload() {
        ObjectNode list = SharedData.json(VALIDATOR + "bit-string-list/testlist");
        list.remove("proof");
        String jwt = b64("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\"}") + "." + b64(Json.write(list)) + "." + b64("sig");
        StatusEntry entry = StatusEntry.parseAll(SharedData.json(VALIDATOR + "bit-string-list/credential-status-revoked.json")).get(0);
        assertThat(check.check(entry, jwt).isSet()).isTrue();
        // a VC 1.1 JWT wraps the credential in a "vc" claim
        String wrapped = b64("{\"alg\":\"RS256\"}") + "." + b64("{\"iss\":\"x\",\"vc\":" + Json.write(list) + "}") + ".c2ln";
        FetchedDocument doc = new FetchedDocument(entry.statusListCredential(), 200, "application/vc+jwt",
                Bytes.of(wrapped.getBytes(StandardCharsets.UTF_8)));
        assertThat(check.check(entry, doc).isSet()).isTrue();
    }

    @Test
    void refusesAPurposeMismatch() {
        StatusEntry entry = new StatusEntry(null, StatusEntry.BITSTRING_TYPE, "suspension", 23,
                URI.create("https://example.com/credentials/status/3"), 1);
        assertThatThrownBy(() -> check.check(entry, SharedData.json(VALIDATOR + "bit-string-list/testlist")))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining("status purpose mismatch: the entry says suspension")
                .hasMessageContaining("is for revocation");
    }

    @Test
    void refusesAnIndexOutOfRange() {
        StatusEntry entry = new StatusEntry(null, StatusEntry.BITSTRING_TYPE, "revocation", 131_072,
                URI.create("https://example.com/credentials/status/3"), 1);
        assertThatThrownBy(() -> check.check(entry, SharedData.json(VALIDATOR + "bit-string-list/testlist")))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining("statusListIndex 131072 is outside the list");
    }

    @Test
    void strictModeRefusesAListShorterThanTheMinimum() {
        StatusEntry entry = new StatusEntry(null, StatusEntry.BITSTRING_TYPE, "revocation", 8,
                URI.create("https://testing.dcconsortium.org/status/e5WK8CbZ1GjycuPombrj"), 1);
        assertThatThrownBy(() -> StatusCheck.strict(CLOCK).check(entry, SharedData.json(DCC_LIST)))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining("100000 entries, fewer than the 131072");
    }

    @Test
    void warnsAboutAnExpiredList() {
        StatusListCredential expired = new StatusListCredential(URI.create("https://issuer.example/status/9"),
                "https://issuer.example", "revocation", StatusList.empty(), Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2021-01-01T00:00:00Z"), null);
        StatusEntry entry = StatusEntry.of("revocation", 5, expired.id());
        assertThat(check.check(entry, expired.toJson()).warnings()).singleElement().asString().contains("expired at 2021-01-01");
    }

    @Test
    void refusesWhatIsNotAStatusList() {
        StatusEntry entry = StatusEntry.of("revocation", 5, URI.create("https://example.com/x"));
        assertThatThrownBy(() -> check.check(entry, SharedData.json(VALIDATOR + "simple.json")))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining("type must include BitstringStatusListCredential");
        assertThatThrownBy(() -> check.check(entry, "not.a-jwt"))
                .isInstanceOf(MicrocredException.class);
        FetchedDocument gone = new FetchedDocument(entry.statusListCredential(), 404, null, Bytes.of(new byte[0]));
        assertThatThrownBy(() -> check.check(entry, gone))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.FETCH_FAILED);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
