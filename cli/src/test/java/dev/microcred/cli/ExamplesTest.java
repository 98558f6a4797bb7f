package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example credentials the README points to (docs/examples, rebuilt by make.sh) verify offline. */
class ExamplesTest {
    static Stream<Path> examples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("../docs/examples"))) {
            List<Path> list = files.filter(p -> !p.getFileName().toString().endsWith(".sh")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(5);
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void verifiesOffline(Path example) {
        CliRun run = CliRun.of("verify", "--offline", example.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("VALID  \"Data Literacy\" issued by Example Academy");
    }
}
