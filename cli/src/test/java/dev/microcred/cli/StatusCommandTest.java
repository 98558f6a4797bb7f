package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    private static final Path SHARED = Path.of(System.getProperty("microcred.shared", "../../shared"));
    private static final Path DCC_LIST =
            SHARED.resolve("data/credentials/dcc-vc-test-fixtures/support/status-list-e5WK8CbZ1GjycuPombrj.json");

    @TempDir
    Path dir;

    @Test
    void decodesAListCredentialAndChecksIndexes() throws Exception {
        CliRun run = CliRun.of("status", DCC_LIST.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("purpose:  revocation").contains("length:");
        // the DCC revoked fixture uses index 1 of this list; its index 0 is not set
        String revoked = Files.readString(SHARED.resolve(
                "data/credentials/dcc-vc-test-fixtures/v2--ed25519--didKey--noRegistry-revokedStatus-notExpired.json"));
        String index = revoked.replaceAll("(?s).*\"statusListIndex\"\\s*:\\s*\"?(\\d+)\"?.*", "$1");
        assertThat(CliRun.of("status", DCC_LIST.toString(), "--index", index).exitCode()).isEqualTo(1);
    }

    @Test
    void jsonSummary() {
        CliRun run = CliRun.of("status", "--json", DCC_LIST.toString(), "--index", "0");
        assertThat(run.out()).contains("\"statusPurpose\" : \"revocation\"").contains("\"value\"");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "u!!!notbase64");
        CliRun run = CliRun.of("status", bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("microcred: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
        assertThat(CliRun.of("status", dir.resolve("missing.json").toString()).err()).contains("no such file");
        assertThat(CliRun.of("status", DCC_LIST.toString(), "--index", "99999999").exitCode()).isEqualTo(2);
    }
}
