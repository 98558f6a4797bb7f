package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** keygen → issue → bake → unbake → verify, as a user runs them. */
class IssueCommandTest {
    @TempDir
    Path dir;
    Path pass;

    @BeforeEach
    void passphrase() throws Exception {
        pass = Files.writeString(dir.resolve("pass.txt"), "correct horse battery staple\n");
    }

    private Path keygen(String type) {
        Path key = dir.resolve(type + ".key");
        CliRun run = CliRun.of("keygen", "--type", type, "--out", key.toString(), "--passphrase-file", pass.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return key;
    }

    @ParameterizedTest
    @CsvSource({"ed25519,ldp-rdfc", "ed25519,ldp-jcs", "ed25519,jwt-eddsa", "p256,jwt-es256"})
    void issuesEveryFormatAndItVerifies(String type, String format) {
        Path key = keygen(type);
        Path out = dir.resolve("vc." + format);
        CliRun issue = CliRun.of("issue", "--key", key.toString(), "--passphrase-file", pass.toString(),
                "--issuer-name", "Example Academy", "--name", "Data Literacy", "--description", "Reads data.",
                "--criteria", "Passed the final assessment.", "--email", "learner@example.org", "--format", format,
                "--out", out.toString());
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        assertThat(issue.err()).contains("issued urn:uuid:");
        CliRun verify = CliRun.of("verify", "--offline", out.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).startsWith("VALID  \"Data Literacy\" issued by Example Academy");
    }

    @Test
    void rsaIssuesRs256WithAnIssuerIdAndTheKeyInTheHeader() {
        Path key = keygen("rsa");
        Path out = dir.resolve("vc.jwt");
        CliRun noId = CliRun.of("issue", "--key", key.toString(), "--passphrase-file", pass.toString(),
                "--issuer-name", "X", "--name", "N", "--description", "D", "--criteria", "C", "--did", "did:example:a",
                "--format", "jwt-rs256");
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.err()).contains("an RSA key has no did:key");
        CliRun issue = CliRun.of("issue", "--key", key.toString(), "--passphrase-file", pass.toString(),
                "--issuer-name", "X", "--issuer-id", "https://issuer.example/profile", "--name", "N",
                "--description", "D", "--criteria", "C", "--did", "did:example:a", "--format", "jwt-rs256",
                "--out", out.toString());
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        CliRun verify = CliRun.of("verify", "--offline", out.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("warn  issuer-key");
    }

    @Test
    void bakesIntoGeneratedPngAndSvgAndUnbakes() throws Exception {
        Path key = keygen("ed25519");
        Path json = dir.resolve("vc.json");
        Path png = dir.resolve("badge.png");
        Path svg = dir.resolve("badge.svg");
        Path achievement = Files.writeString(dir.resolve("achievement.json"), """
                {"id": "https://example.org/achievements/1", "type": ["Achievement"], "name": "Welding I",
                 "description": "Safe MIG welding.", "criteria": {"narrative": "Three assessed welds."}}
                """);
        Path recipient = Files.writeString(dir.resolve("recipient.json"), "{\"id\": \"did:example:learner\"}");
        CliRun issue = CliRun.of("issue", "--key", key.toString(), "--passphrase-file", pass.toString(),
                "--issuer-name", "Example Academy", "--achievement", achievement.toString(),
                "--recipient", recipient.toString(), "--out", json.toString(), "--bake", png.toString());
        assertThat(issue.exitCode()).as(issue.err()).isZero();
        assertThat(CliRun.of("verify", "--offline", png.toString()).exitCode()).isZero();
        CliRun bake = CliRun.of("bake", json.toString(), "--image", png.toString(), "--out", svg.toString());
        assertThat(bake.exitCode()).as(bake.err()).isEqualTo(2); // a PNG image cannot become an SVG file name
        Path plainSvg = Files.writeString(dir.resolve("plain.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>");
        bake = CliRun.of("bake", json.toString(), "--image", plainSvg.toString(), "--out", svg.toString());
        assertThat(bake.exitCode()).as(bake.err()).isZero();
        CliRun unbake = CliRun.of("unbake", svg.toString());
        assertThat(unbake.exitCode()).isZero();
        assertThat(unbake.out()).contains("\"Welding I\"").contains("\"proof\"");
        assertThat(CliRun.of("verify", "--offline", svg.toString()).out()).startsWith("VALID");
        Path noCredential = Files.write(dir.resolve("empty.png"), dev.microcred.credentials.baking.DefaultBadge
                .png("x", "y"));
        CliRun nothing = CliRun.of("unbake", noCredential.toString());
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("microcred: ").contains("no baked credential");
    }

    @Test
    void wrongPassphraseAndBadFlagsAreOneLineErrors() throws Exception {
        Path key = keygen("ed25519");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not it");
        CliRun run = CliRun.of("issue", "--key", key.toString(), "--passphrase-file", wrong.toString(),
                "--issuer-name", "X", "--name", "N", "--description", "D", "--criteria", "C", "--email", "a@b.org");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
        assertThat(run.err()).startsWith("microcred: ").doesNotContain("Exception");
        assertThat(CliRun.of("issue", "--key", key.toString(), "--passphrase-file", pass.toString(),
                "--issuer-name", "X", "--name", "N", "--description", "D", "--criteria", "C", "--email", "nope")
                .err()).contains("not an email address");
        assertThat(CliRun.of("issue", "--key", key.toString(), "--passphrase-file", pass.toString(),
                "--issuer-name", "X", "--name", "N", "--description", "D", "--criteria", "C", "--email", "a@b.org",
                "--format", "ldp-bbs").err()).contains("unknown format ldp-bbs");
        assertThat(CliRun.of("issue", "--key", key.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("keygen", "--out", key.toString(), "--passphrase-file", pass.toString()).err())
                .contains("exists");
        assertThat(CliRun.of("keygen", "--type", "dsa", "--out", dir.resolve("k2").toString(),
                "--passphrase-file", pass.toString()).err()).contains("unknown key type dsa");
    }

    @Test
    void keyFilesAreEncryptedAndPrivate() throws Exception {
        Path key = keygen("ed25519");
        String text = Files.readString(key);
        assertThat(text).startsWith("-----BEGIN MICROCRED PRIVATE KEY-----").contains("protection: passphrase");
        assertThat(Files.getPosixFilePermissions(key)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }
}
