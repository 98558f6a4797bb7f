package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.tlog.note.Ed25519NoteSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code microcred witness} refuses bad configuration and damaged state with one line and exit code 2. */
class WitnessCommandTest {
    @TempDir
    Path dir;

    private final String vkey = Ed25519NoteSigner.generate("log.test").verifier().verifierKey().format();

    @Test
    void damagedStateStopsTheStartWithAClearMessage() throws Exception {
        Files.writeString(dir.resolve("0".repeat(64) + ".checkpoint"), "microcred-witness-state/v1\nlog.test\n1");
        CliRun run = CliRun.of("witness", "--state", dir.toString(), "--log", "log.test=" + vkey);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("microcred: witness state file").contains("is damaged")
                .doesNotContain("\n");
    }

    @Test
    void badLogOptionIsBadUsage() {
        CliRun noOrigin = CliRun.of("witness", "--state", dir.toString(), "--log", vkey);
        assertThat(noOrigin.exitCode()).isEqualTo(2);
        CliRun badKey = CliRun.of("witness", "--state", dir.toString(), "--log", "log.test=log.test+00000000+AAAA");
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.err()).startsWith("microcred: ");
        CliRun missing = CliRun.of("witness", "--log", "log.test=" + vkey);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--state");
    }
}
