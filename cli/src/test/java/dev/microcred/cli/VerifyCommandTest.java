package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
    private static final Path SAMPLES = Path.of(System.getProperty("microcred.shared", "../../shared"))
            .resolve("data/credentials");
    private static final String DCC = "dcc-vc-test-fixtures/";
    private static final String LIST_URL = "https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/"
            + "heads/main/src/test-fixtures/status/e5WK8CbZ1GjycuPombrj";

    @TempDir
    Path dir;

    private static String sample(String name) {
        return SAMPLES.resolve(name).toString();
    }

    @Test
    void validCredentialExitsZeroAndListsEveryCheck() {
        CliRun run = CliRun.of("verify", "--offline", sample(DCC + "v2--ed25519--didKey--legacy-noStatus-noExpiry.json"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("VALID");
        for (String check : new String[] {"parse", "context", "schema", "proof", "issuer-key", "status", "validity",
                "endorsements"}) {
            assertThat(run.out()).contains(check);
        }
    }

    @Test
    void revokedThroughAnOfflineMappedStatusList() {
        CliRun run = CliRun.of("verify", "--offline", "--offline-map",
                LIST_URL + "=" + sample(DCC + "support/status-list-e5WK8CbZ1GjycuPombrj.json"),
                sample(DCC + "v2--ed25519--didKey--noRegistry-revokedStatus-notExpired.json"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("REVOKED");
    }

    @Test
    void unreachableStatusListCannotBeChecked() {
        CliRun run = CliRun.of("verify", "--offline", "--json",
                sample(DCC + "v2--ed25519--didKey--noRegistry-revokedStatus-notExpired.json"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("\"outcome\" : \"cannot-check\"");
    }

    @Test
    void didWebThroughADirectoryMap() {
        CliRun run = CliRun.of("verify", "--offline",
                "--offline-map", "https://digitalcredentials.github.io/vc-test-fixtures/dids/legacy/did.json="
                        + sample(DCC + "support/did-web-legacy.did.json"),
                "--offline-map", "https://digitalcredentials.github.io/vc-test-fixtures/statusLists/="
                        + dirWithList(),
                sample(DCC + "v1--ed25519--didWeb--legacy-validStatus-noExpiry.json"));
        assertThat(run.exitCode()).as(run.out()).isZero();
    }

    private String dirWithList() {
        try {
            Path lists = Files.createDirectories(dir.resolve("didkey-ed25519Signature2020"));
            Files.copy(SAMPLES.resolve(DCC + "support/status-list-e5WK8CbZ1GjycuPombrj.json"),
                    lists.resolve("e5WK8CbZ1GjycuPombrj"));
            return dir.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void atJudgesValidityAtAnotherTime() {
        String file = sample(DCC + "v2--ed25519--didKey--legacy-noStatus-expired.json");
        assertThat(CliRun.of("verify", "--offline", file).out()).startsWith("EXPIRED");
        assertThat(CliRun.of("verify", "--offline", "--at", "2010-06-01T00:00:00Z", file).exitCode()).isZero();
        CliRun bad = CliRun.of("verify", "--at", "tomorrow", file);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--at takes an ISO 8601");
    }

    @Test
    void readsStandardInput() throws Exception {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(Path.of("../docs/examples/data-literacy.png"))));
            CliRun run = CliRun.of("verify", "--offline", "--json", "-");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"format\" : \"png+json\"");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void tamperedExitsOne() {
        CliRun run = CliRun.of("verify", "--offline", sample(DCC + "v2--ed25519--didKey--legacy-noStatus-noExpiry-tampered.json"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("TAMPERED");
    }

    @Test
    void badInputIsOneLineExitTwoAndNoStackTrace() throws Exception {
        for (String content : new String[] {"{\"a\":", "hello world", "[1,2]", ""}) {
            Path f = Files.writeString(dir.resolve("in.txt"), content);
            CliRun run = CliRun.of("verify", "--offline", f.toString());
            assertThat(run.exitCode()).as(content).isEqualTo(2);
            assertThat(run.err()).as(content).startsWith("microcred: ").doesNotContain("\tat ");
            assertThat(run.err().strip().lines().count()).as(content).isEqualTo(1);
        }
        Path png = Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
            0, 0, 0, 13});
        assertThat(CliRun.of("verify", png.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("verify", dir.resolve("nope.json").toString()).err()).contains("no such file");
        assertThat(CliRun.of("verify").exitCode()).isEqualTo(2);
    }
}
