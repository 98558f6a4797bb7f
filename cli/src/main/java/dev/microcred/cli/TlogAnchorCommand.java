package dev.microcred.cli;

import dev.microcred.anchor.AnchorKey;
import dev.microcred.anchor.EvmAnchor;
import dev.microcred.anchor.EvmChainId;
import dev.microcred.anchor.EvmRpc;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.entry.Anchor;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code microcred tlog anchor}: anchors a checkpoint on an EVM chain and prints the anchor log entry. */
@Command(name = "anchor", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Anchor a checkpoint on an EVM chain; print the anchor log entry.",
        description = {"Sends a zero-value transaction from the anchoring account to itself whose data is",
            "\"mctlog/1\" || SHA-256(checkpoint note text) || uint64be(tree size), waits for it to be in a block,",
            "and prints the anchor log entry (microcred/tlog-entry/v1) to append to the log. The key file holds",
            "64 hex digits or is an encrypted Ethereum key file (JSON; passphrase from --passphrase-file,",
            "--passphrase-env, MICROCRED_PASSPHRASE or the terminal)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:anchored (the entry is printed)",
            "2:bad input, or not anchored (node unreachable or on another chain, refused, fees above the cap, no"
                + " receipt in time)"})
final class TlogAnchorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rpc", paramLabel = "URL", required = true,
            description = "the JSON-RPC URL of a node of the chain (https, or http to a loopback address)")
    String rpc;

    @Option(names = "--chain", paramLabel = "eip155:N", required = true,
            description = "the chain to anchor on; the node must serve it")
    String chain;

    @Option(names = "--key-file", paramLabel = "FILE", required = true,
            description = "the anchoring account's secp256k1 key: 64 hex digits, or an Ethereum key file (JSON)")
    Path keyFile;

    @Mixin
    KeyProtection protection = new KeyProtection();

    @Option(names = "--checkpoint", paramLabel = "FILE|-", required = true,
            description = "the checkpoint: a signed note, or its bare note text; - reads standard input")
    String checkpoint;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the entry to FILE")
    Path outFile;

    @Option(names = "--max-fee-gwei", paramLabel = "GWEI", description = "the highest fee per gas to offer")
    BigDecimal maxFeeGwei;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "how long to wait for the transaction to be in a block (default ${DEFAULT-VALUE})")
    int wait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "time limit per JSON-RPC call (default ${DEFAULT-VALUE})")
    int timeout;

    @Override
    public Integer call() throws IOException {
        EvmChainId target = EvmChainId.parse(chain);
        if (timeout < 1 || wait < 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--timeout is at least 1 second, --wait at least 0");
        }
        String note = new String(Input.read(checkpoint, System.in), StandardCharsets.UTF_8);
        AnchorKey key = AnchorKey.read(Input.path(keyFile), protection::passphraseOnly);
        EvmAnchor.Settings settings = new EvmAnchor.Settings(Duration.ofSeconds(wait), Duration.ofSeconds(2),
                Optional.ofNullable(maxFeeGwei).map(TlogAnchorCommand::wei));
        try (EvmRpc node = EvmRpc.open(rpc, Duration.ofSeconds(timeout), EvmRpc.DEFAULT_MAX_ANSWER_BYTES)) {
            Anchor entry = new EvmAnchor(node, key, target, settings).anchor(note);
            if (outFile != null) {
                Files.writeString(outFile, entry.format(), StandardCharsets.US_ASCII);
            }
            spec.commandLine().getOut().print(entry.format());
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("anchored " + entry.log() + " at size " + entry.size() + " on "
                    + entry.chain() + " in transaction " + entry.tx() + " from " + key.address());
            return ExitCode.OK;
        }
    }

    private static BigInteger wei(BigDecimal gwei) {
        if (gwei.signum() <= 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--max-fee-gwei is positive");
        }
        return gwei.movePointRight(9).toBigInteger();
    }
}
