package dev.microcred.cli;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code microcred tlog verify-consistency}: RFC 9162 §2.1.4.2 consistency proof verification. */
@Command(name = "verify-consistency", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Verify an RFC 9162 consistency proof.",
        description = {"Verify that the tree of --size2 leaves with root --root2 extends the tree of --size1 leaves",
            "with root --root1, nothing rewritten (RFC 9162 §2.1.4.2). Hashes: 64 hex digits or standard base64.",
            "The proof is empty from size 0, and between equal sizes (then the roots must be equal)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the proof verifies", "1:it does not", "2:bad input (malformed hash, wrong length, ...)"})
final class TlogVerifyConsistencyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--size1", paramLabel = "N", required = true, description = "the size of the older tree")
    long size1;

    @Option(names = "--size2", paramLabel = "N", required = true, description = "the size of the newer tree")
    long size2;

    @Option(names = "--root1", paramLabel = "HASH", required = true, description = "the root of the older tree")
    String root1;

    @Option(names = "--root2", paramLabel = "HASH", required = true, description = "the root of the newer tree")
    String root2;

    @Option(names = "--proof", paramLabel = "HASH[,HASH...]", defaultValue = "",
            description = "the consistency proof, comma-separated, in RFC 9162 §2.1.4.1 order (default: empty)")
    String proof;

    @Override
    public Integer call() {
        if (size1 < 0 || size2 < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "--size1 and --size2 are not negative");
        }
        Hash first = HashArgument.parse(root1, "--root1");
        Hash second = HashArgument.parse(root2, "--root2");
        ConsistencyProof p = new ConsistencyProof(size1, size2, HashArgument.parseList(proof, "--proof"));
        PrintWriter out = spec.commandLine().getOut();
        if (p.verify(first, second)) {
            out.println("valid: the tree of " + size2 + " leaves (root " + second.hex() + ") extends the tree of "
                    + size1 + " leaves (root " + first.hex() + ")");
            return ExitCode.OK;
        }
        out.println("invalid: the proof does not show that the tree of " + size2 + " leaves (root " + second.hex()
                + ") extends the tree of " + size1 + " leaves (root " + first.hex() + ")");
        return ExitCode.NEGATIVE;
    }
}
