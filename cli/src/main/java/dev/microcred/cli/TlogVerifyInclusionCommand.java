package dev.microcred.cli;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.merkle.TreeHash;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code microcred tlog verify-inclusion}: RFC 9162 §2.1.3.2 inclusion proof verification. */
@Command(name = "verify-inclusion", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Verify an RFC 9162 inclusion proof.",
        description = {"Verify that the leaf hash is the leaf at --index of the tree of --size leaves whose root is",
            "--root (RFC 9162 §2.1.3.2). Hashes: 64 hex digits or standard base64. The proof lists the audit path",
            "leaf sibling first, comma-separated; it is empty for a tree of one leaf."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the proof verifies", "1:it does not", "2:bad input (malformed hash, wrong length, ...)"})
final class TlogVerifyInclusionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Leaf leaf;

    static final class Leaf {
        @Option(names = "--leaf-hash", paramLabel = "HASH", description = "the leaf hash, SHA-256(0x00 || entry)")
        String hash;

        @Option(names = "--entry", paramLabel = "FILE", description = "the entry itself; its leaf hash is computed")
        String entry;
    }

    @Option(names = "--index", paramLabel = "N", required = true, description = "the zero-based leaf index")
    long index;

    @Option(names = "--size", paramLabel = "N", required = true, description = "the tree size")
    long size;

    @Option(names = "--root", paramLabel = "HASH", required = true, description = "the root of the tree of --size leaves")
    String root;

    @Option(names = "--proof", paramLabel = "HASH[,HASH...]", defaultValue = "",
            description = "the audit path, comma-separated (default: empty)")
    String proof;

    @Override
    public Integer call() {
        if (index < 0 || size < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "--index and --size are not negative");
        }
        Hash leafHash = leaf.hash != null ? HashArgument.parse(leaf.hash, "--leaf-hash")
                : TreeHash.leaf(Input.read(leaf.entry, System.in));
        Hash rootHash = HashArgument.parse(root, "--root");
        InclusionProof path = new InclusionProof(index, size, HashArgument.parseList(proof, "--proof"));
        PrintWriter out = spec.commandLine().getOut();
        if (path.verify(leafHash, rootHash)) {
            out.println("valid: leaf " + leafHash.hex() + " is entry " + index + " of the tree of " + size
                    + " leaves with root " + rootHash.hex());
            return ExitCode.OK;
        }
        out.println("invalid: the proof does not lead from leaf " + leafHash.hex() + " at index " + index
                + " to root " + rootHash.hex() + " of a tree of " + size + " leaves");
        return ExitCode.NEGATIVE;
    }
}
