package dev.microcred.credentials.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.SharedData;
import dev.microcred.credentials.json.Json;
import java.net.URI;
import org.junit.jupiter.api.Test;

class StatusEntryTest {
    private static final String VALIDATOR = "conformance-vectors/open-badges-3.0/validator-samples/";

    @Test
    void readsTheDccEntryWithItsIndexAsAString() {
        var entries = StatusEntry.parseAll(SharedData.json(
                "data/credentials/dcc-vc-test-fixtures/v2--ed25519--didKey--noRegistry-revokedStatus-notExpired.json"));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("BitstringStatusListEntry");
            assertThat(e.statusPurpose()).isEqualTo("revocation");
            assertThat(e.statusListIndex()).isEqualTo(8);
            assertThat(e.statusSize()).isEqualTo(1);
            assertThat(e.statusListCredential()).hasToString("https://raw.githubusercontent.com/digitalcredentials/"
                    + "verifier-core/refs/heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj");
        });
    }

    @Test
    void toleratesAnIndexWrittenAsANumber() {
        var entries = StatusEntry.parseAll(SharedData.json(VALIDATOR + "bit-string-list/credential-status-revoked.json"));
        assertThat(entries).singleElement().extracting(StatusEntry::statusListIndex).isEqualTo(23L);
    }

    @Test
    void readsLegacyStatusList2021Entries() {
        var entries = StatusEntry.parseAll(SharedData.json("data/credentials/blockcerts/v3--cert-rl-status-list-2021.json"));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("StatusList2021Entry");
            assertThat(e.statusListIndex()).isEqualTo(23_546);
        });
    }

    @Test
    void readsArraysOfEntries() {
        var credential = Json.parseObject("""
                {"credentialStatus": [
                  {"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "94567",
                   "statusListCredential": "https://example.com/credentials/status/3"},
                  {"id": "https://example.com/credentials/status/4#23452", "type": "BitstringStatusListEntry",
                   "statusPurpose": "suspension", "statusListIndex": "23452",
                   "statusListCredential": "https://example.com/credentials/status/4"}]}""");
        assertThat(StatusEntry.parseAll(credential)).extracting(StatusEntry::statusPurpose, StatusEntry::statusListIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("revocation", 94_567L),
                        org.assertj.core.groups.Tuple.tuple("suspension", 23_452L));
        assertThat(StatusEntry.parseAll(Json.object())).isEmpty();
    }

    @Test
    void writesTheIndexAsADecimalString() {
        StatusEntry entry = StatusEntry.of("revocation", 94_567, URI.create("https://example.com/status/3"));
        var json = entry.toJson();
        assertThat(json.get("statusListIndex").isTextual()).isTrue();
        assertThat(json.get("statusListIndex").asText()).isEqualTo("94567");
        assertThat(StatusEntry.parse(json)).isEqualTo(entry);
    }

    @Test
    void reportsUnsupportedStatusTypes() {
        assertThatThrownBy(() -> StatusEntry.parseAll(SharedData.json(VALIDATOR + "credential-status-revoked.json")))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining("1EdTechRevocationList")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.UNSUPPORTED);
    }

    @Test
    void refusesMalformedEntriesNamingTheMember() {
        String base = "{\"credentialStatus\": {\"type\": \"BitstringStatusListEntry\", \"statusPurpose\": \"revocation\", "
                + "\"statusListCredential\": \"https://example.com/s/1\", \"statusListIndex\": %s}}";
        for (String badIndex : new String[] {"\"-1\"", "\"12a\"", "-3", "1.5", "null", "\"\""}) {
            assertThatThrownBy(() -> StatusEntry.parseAll(Json.parseObject(String.format(base, badIndex))))
                    .as(badIndex)
                    .isInstanceOf(MicrocredException.class)
                    .hasMessageContaining("credentialStatus.statusListIndex");
        }
        assertThatThrownBy(() -> StatusEntry.parseAll(Json.parseObject(
                "{\"credentialStatus\": [{\"type\": \"BitstringStatusListEntry\", \"statusListIndex\": \"1\","
                        + " \"statusListCredential\": \"https://example.com/s/1\"}]}")))
                .hasMessageContaining("credentialStatus[0].statusPurpose");
        assertThatThrownBy(() -> StatusEntry.parseAll(Json.parseObject(
                "{\"credentialStatus\": {\"type\": \"BitstringStatusListEntry\", \"statusPurpose\": \"revocation\","
                        + " \"statusListIndex\": \"1\", \"statusListCredential\": \"relative/path\"}}")))
                .hasMessageContaining("not an absolute URL");
    }
}
