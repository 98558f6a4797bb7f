package dev.microcred.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code microcred tlog}: tools for auditors of the transparency log (docs/TLOG.md, "Command line"). */
@Command(name = "tlog", mixinStandardHelpOptions = true,
        header = "Check transparency-log proofs, signed notes, whole logs and chain anchors.",
        description = {"Tools for auditors and tests of C2SP transparency logs (RFC 9162 trees, signed notes,",
            "checkpoints, tlog-tiles). Hashes are accepted as 64 hex digits or as standard base64 (the form C2SP",
            "checkpoints, receipts and witness requests use)."},
        subcommands = {TlogVerifyInclusionCommand.class, TlogVerifyConsistencyCommand.class,
            TlogVerifyNoteCommand.class, TlogAuditCommand.class, TlogVerifyAnchorCommand.class,
            TlogAnchorCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid / verified", "1:invalid, inconsistent (a fork) or unexpected entries found",
            "2:bad usage or bad input, or the log could not be read"})
final class TlogCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
