package dev.microcred.cli;

import dev.microcred.anchor.AnchorVerification;
import dev.microcred.anchor.EvmChainId;
import dev.microcred.anchor.EvmRpc;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.entry.Anchor;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.note.NoteVerification;
import dev.microcred.tlog.note.NoteVerifier;
import dev.microcred.tlog.note.SignedNote;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code microcred tlog verify-anchor}: checks an anchor log entry against a checkpoint and an EVM node. */
@Command(name = "verify-anchor", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Verify that a checkpoint is anchored on an EVM chain.",
        description = {"Checks an anchor log entry (microcred/tlog-entry/v1, type anchor) against a checkpoint and",
            "an EVM JSON-RPC node: the entry names this checkpoint (origin, size, SHA-256 of its note text), the",
            "transaction exists on the entry's chain, succeeded, and carries the anchor payload of the checkpoint;",
            "the entry's time is its block's; optionally the sender, the chain and the number of confirmations.",
            "With --key, the checkpoint's log signature is checked first (as verify-note does)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:anchored", "1:not anchored (mismatch, wrong chain, payload, sender or time, not found,"
            + " pending, reverted, too few confirmations, bad signature)",
            "2:bad input, or could not check (node unreachable or on another chain)"})
final class TlogVerifyAnchorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rpc", paramLabel = "URL", required = true,
            description = "the JSON-RPC URL of a node of the chain (https, or http to a loopback address)")
    String rpc;

    @Option(names = "--checkpoint", paramLabel = "FILE|-", required = true,
            description = "the checkpoint: a signed note, or its bare note text; - reads standard input")
    String checkpoint;

    @Option(names = "--anchor", paramLabel = "FILE|ENTRY", required = true,
            description = "the anchor log entry: a file, or the entry text itself")
    String anchor;

    @Option(names = "--chain", paramLabel = "eip155:N", description = "the chain the anchor must be on")
    String chain;

    @Option(names = "--sender", paramLabel = "ADDRESS", description = "the account that must have sent it")
    String sender;

    @Option(names = "--min-confirmations", paramLabel = "N", defaultValue = "1",
            description = "the fewest confirmations accepted (default ${DEFAULT-VALUE}: in a block)")
    long minConfirmations;

    @Option(names = "--key", paramLabel = "VKEY", description = "a log key the checkpoint must be signed by"
            + " (repeatable)")
    List<String> keys = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "time limit per JSON-RPC call (default ${DEFAULT-VALUE})")
    int timeout;

    @Override
    public Integer call() {
        String note = new String(Input.read(checkpoint, System.in), StandardCharsets.UTF_8);
        Anchor entry = readAnchor(anchor);
        AnchorVerification.Expectations expect = new AnchorVerification.Expectations(
                Optional.ofNullable(chain).map(EvmChainId::parse), Optional.ofNullable(sender), minConfirmations);
        if (timeout < 1) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--timeout is at least 1 second");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!keys.isEmpty()) {
            List<NoteVerifier> verifiers = keys.stream().map(k -> TlogVerifyNoteCommand.verifier(k.strip())).toList();
            if (!note.contains("\n\n")) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "--key needs the signed checkpoint note, not"
                        + " its bare text");
            }
            NoteVerification signed = SignedNote.parse(note).verify(verifiers);
            if (!signed.valid()) {
                out.println("invalid (bad-signature): the checkpoint is not signed by the given key(s)");
                return ExitCode.NEGATIVE;
            }
        }
        try (EvmRpc node = EvmRpc.open(rpc, Duration.ofSeconds(timeout), EvmRpc.DEFAULT_MAX_ANSWER_BYTES)) {
            AnchorVerification v = AnchorVerification.verify(note, entry, node, expect);
            if (v.valid()) {
                out.println("valid: " + v.reason());
                return ExitCode.OK;
            }
            out.println("invalid (" + v.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-') + "): "
                    + v.reason());
            return ExitCode.NEGATIVE;
        }
    }

    /** An anchor entry from its text (starting with the entry header) or from a file. */
    static Anchor readAnchor(String fileOrText) {
        String text = fileOrText.startsWith(LogEntry.HEADER) ? fileOrText
                : new String(Input.read(fileOrText, System.in), StandardCharsets.US_ASCII);
        text = text.replace("\r\n", "\n");
        text = text.endsWith("\n") ? text : text + "\n";
        if (!(LogEntry.parse(text) instanceof Anchor a)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not an anchor entry (type anchor)");
        }
        return a;
    }
}
