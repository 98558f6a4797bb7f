package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.microcred.core.Sha256;
import dev.microcred.tlog.entry.Anchor;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.note.SignedNote;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code microcred tlog anchor} and {@code microcred tlog verify-anchor} against the local Hardhat node of CI
 * ({@code MICROCRED_TEST_EVM_URL}; skipped without it): a checkpoint of a log built with the tlog module is anchored
 * from the command line and verified, then the negative answers (exit 1) and bad input (exit 2).
 */
class TlogAnchorCommandsIT {
    // Hardhat's well-known development account 0 (its key is public; it holds test ether on local nodes only)
    static final String ACCOUNT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    static final String ACCOUNT_0_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @TempDir
    static Path dir;
    static String rpc;
    static TestLog log;
    static Path checkpoint;
    static Path keyFile;
    static Path entryFile;
    static String entryText;

    @BeforeAll
    static void anchorFromTheCommandLine() throws Exception {
        rpc = System.getenv("MICROCRED_TEST_EVM_URL");
        assumeTrue(rpc != null && !rpc.isBlank(), "MICROCRED_TEST_EVM_URL is not set (CI starts a Hardhat node)");
        log = new TestLog("log.example/cli-anchor").appendText("entry", 25);
        checkpoint = Files.writeString(dir.resolve("checkpoint"), log.checkpoint().format());
        keyFile = Files.writeString(dir.resolve("anchor.key"), ACCOUNT_0_KEY + "\n");
        entryFile = dir.resolve("anchor.entry");
        CliRun run = CliRun.of("tlog", "anchor", "--rpc", rpc, "--chain", "eip155:31337", "--key-file",
                keyFile.toString(), "--checkpoint", checkpoint.toString(), "--out", entryFile.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        entryText = run.out();
        assertThat(run.err()).contains("anchored log.example/cli-anchor at size 25 on eip155:31337 in transaction 0x")
                .contains(ACCOUNT_0).doesNotContain(ACCOUNT_0_KEY.substring(2, 20));
    }

    @Test
    void anchorPrintsTheAnchorEntryOfTheCheckpoint() throws Exception {
        Anchor entry = (Anchor) LogEntry.parse(entryText);
        assertThat(Files.readString(entryFile)).isEqualTo(entryText);
        assertThat(entry.log()).isEqualTo("log.example/cli-anchor");
        assertThat(entry.size()).isEqualTo(25);
        SignedNote note = SignedNote.parse(Files.readString(checkpoint));
        assertThat(entry.checkpoint().hex()).isEqualTo(Sha256.hex(note.text().getBytes(StandardCharsets.UTF_8)));
        assertThat(entry.chain()).isEqualTo("eip155:31337");
    }

    @Test
    void verifyAnchorAcceptsTheEntryAsFileOrText() {
        CliRun file = verify("--anchor", entryFile.toString(), "--chain", "eip155:31337", "--sender", ACCOUNT_0,
                "--key", log.key.verifier().toString());
        assertThat(file.exitCode()).as(file.out() + file.err()).isZero();
        assertThat(file.out()).startsWith("valid: checkpoint log.example/cli-anchor at size 25 is anchored on"
                + " eip155:31337 in transaction ").contains("confirmation(s), sent by " + ACCOUNT_0);
        CliRun text = verify("--anchor", entryText.strip());
        assertThat(text.exitCode()).as(text.out() + text.err()).isZero();
    }

    @Test
    void negativeAnswersExitOne() throws Exception {
        CliRun chain = verify("--anchor", entryFile.toString(), "--chain", "eip155:1");
        assertThat(chain.exitCode()).isEqualTo(1);
        assertThat(chain.out()).startsWith("invalid (wrong-chain): the anchor is on eip155:31337, not eip155:1");

        CliRun sender = verify("--anchor", entryFile.toString(), "--sender", ACCOUNT_1);
        assertThat(sender.exitCode()).isEqualTo(1);
        assertThat(sender.out()).startsWith("invalid (wrong-sender)");

        CliRun deep = verify("--anchor", entryFile.toString(), "--min-confirmations", "1000000");
        assertThat(deep.exitCode()).isEqualTo(1);
        assertThat(deep.out()).startsWith("invalid (too-few-confirmations)");

        Path grown = Files.writeString(dir.resolve("grown"), log.appendText("more", 3).checkpoint().format());
        CliRun other = CliRun.of("tlog", "verify-anchor", "--rpc", rpc, "--checkpoint", grown.toString(),
                "--anchor", entryFile.toString());
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.out()).startsWith("invalid (entry-mismatch)");

        Anchor entry = (Anchor) LogEntry.parse(entryText);
        String missing = new Anchor(entry.log(), entry.size(), entry.checkpoint(), entry.chain(),
                "0x" + Sha256.hex("nothing".getBytes(StandardCharsets.US_ASCII)), entry.time()).format();
        CliRun notFound = verify("--anchor", missing);
        assertThat(notFound.exitCode()).isEqualTo(1);
        assertThat(notFound.out()).startsWith("invalid (not-found)");

        CliRun unsigned = verify("--anchor", entryFile.toString(), "--key", new TestLog("log.example/cli-anchor")
                .key.verifier().toString());
        assertThat(unsigned.exitCode()).isEqualTo(1);
        assertThat(unsigned.out()).startsWith("invalid (bad-signature)");
    }

    @Test
    void badInputOrNoAnswerExitsTwo() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun unreachable = CliRun.of("tlog", "verify-anchor", "--rpc", "http://127.0.0.1:" + closed,
                "--checkpoint", checkpoint.toString(), "--anchor", entryFile.toString());
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).startsWith("microcred: the JSON-RPC node at http://127.0.0.1:" + closed
                + " is unreachable").doesNotContain("\tat ");

        Anchor entry = (Anchor) LogEntry.parse(entryText);
        String onMainnet = new Anchor(entry.log(), entry.size(), entry.checkpoint(), "eip155:1", entry.tx(),
                entry.time()).format();
        CliRun cannot = verify("--anchor", onMainnet);
        assertThat(cannot.exitCode()).isEqualTo(2);
        assertThat(cannot.err()).contains("serves eip155:31337: it cannot check an anchor on eip155:1");

        assertThat(verify("--anchor", "microcred/tlog-entry/v1\ntype anchor\nlog x\n").exitCode()).isEqualTo(2);
        assertThat(verify("--anchor", dir.resolve("no-such-file").toString()).exitCode()).isEqualTo(2);
        assertThat(verify("--anchor", entryFile.toString(), "--chain", "mainnet").exitCode()).isEqualTo(2);
        assertThat(verify("--anchor", entryFile.toString(), "--sender", "0x12").exitCode()).isEqualTo(2);
        assertThat(verify("--anchor", entryFile.toString(), "--min-confirmations", "0").exitCode()).isEqualTo(2);
        CliRun remote = CliRun.of("tlog", "verify-anchor", "--rpc", "http://rpc.example:8545", "--checkpoint",
                checkpoint.toString(), "--anchor", entryFile.toString());
        assertThat(remote.exitCode()).isEqualTo(2);
        assertThat(remote.err()).contains("plain http is allowed to a loopback address only");
        Path notCheckpoint = Files.writeString(dir.resolve("not-a-checkpoint"), "hello\n");
        assertThat(CliRun.of("tlog", "verify-anchor", "--rpc", rpc, "--checkpoint", notCheckpoint.toString(),
                "--anchor", entryFile.toString()).exitCode()).isEqualTo(2);

        CliRun wrongChain = CliRun.of("tlog", "anchor", "--rpc", rpc, "--chain", "eip155:1", "--key-file",
                keyFile.toString(), "--checkpoint", checkpoint.toString());
        assertThat(wrongChain.exitCode()).isEqualTo(2);
        assertThat(wrongChain.err()).contains("serves eip155:31337, not the configured eip155:1");
        assertThat(wrongChain.out()).isEmpty();
        Path badKey = Files.writeString(dir.resolve("bad.key"), "0x1234\n");
        CliRun noKey = CliRun.of("tlog", "anchor", "--rpc", rpc, "--chain", "eip155:31337", "--key-file",
                badKey.toString(), "--checkpoint", checkpoint.toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("neither").doesNotContain("1234");
        CliRun cheap = CliRun.of("tlog", "anchor", "--rpc", rpc, "--chain", "eip155:31337", "--key-file",
                keyFile.toString(), "--checkpoint", checkpoint.toString(), "--max-fee-gwei", "0.000000001");
        assertThat(cheap.exitCode()).isEqualTo(2);
        assertThat(cheap.err()).contains("above the configured cap");
    }

    private static CliRun verify(String... more) {
        String[] args = new String[6 + more.length];
        String[] base = {"tlog", "verify-anchor", "--rpc", rpc, "--checkpoint", checkpoint.toString()};
        System.arraycopy(base, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.of(args);
    }
}
