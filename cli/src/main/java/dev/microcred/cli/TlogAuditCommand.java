package dev.microcred.cli;

import dev.microcred.cli.audit.AuditReport;
import dev.microcred.cli.audit.LogAudit;
import dev.microcred.cli.audit.LogMirror;
import dev.microcred.cli.audit.TileClient;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.note.Ed25519NoteVerifier;
import dev.microcred.tlog.policy.Policy;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code microcred tlog audit}: mirrors and verifies a log served as C2SP tlog-tiles; the stolen-key monitor. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Mirror and verify a transparency log served as C2SP tlog-tiles.",
        description = {"Fetch URL/checkpoint and check its signature under --key (and --policy: witness quorum);",
            "check it extends the checkpoint this mirror verified before (a fork is reported and exit 1); mirror",
            "URL/tile/... and URL/tile/entries/... into --mirror (resumable: what is there is not fetched again);",
            "recompute every tile hash and the root from the entries. With --issuer and --known, list the issuance",
            "entries of that issuer whose credential hash its own records do not hold (a stolen key at work).",
            "HTTPS only, except http:// to a loopback address. Progress on standard error for large logs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verified, and no unknown entries for --issuer",
            "1:bad signature or policy, fork, corrupt tile or bundle, or unknown entries for --issuer",
            "2:bad usage or input, or the log could not be read (network, HTTP status, limits)"})
final class TlogAuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "the log's tlog-tiles prefix, e.g. https://log.example/tlog")
    String url;

    @Option(names = "--key", paramLabel = "VKEY", required = true,
            description = "the log's Ed25519 note verifier key (its name is the log origin)")
    String key;

    @Option(names = "--mirror", paramLabel = "DIR", required = true,
            description = "the mirror directory: tiles, bundles and the last verified checkpoint")
    Path mirror;

    @Option(names = "--policy", paramLabel = "FILE", description = "a tlog-policy the checkpoint must satisfy")
    Path policy;

    @ArgGroup(exclusive = false)
    Monitor monitor;

    /** {@code --issuer} and {@code --known} come together. */
    static final class Monitor {
        @Option(names = "--issuer", paramLabel = "DID", required = true,
                description = "list this issuer's issuance entries that --known does not hold")
        String issuer;

        @Option(names = "--known", paramLabel = "FILE", required = true,
                description = "the issuer's records: one hex SHA-256 credential hash per line (sha256: prefix, blank"
                        + " lines and # comments allowed)")
        Path known;
    }

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "the time limit of each HTTP request; default ${DEFAULT-VALUE}")
    int timeout;

    @Option(names = "--no-progress", description = "no progress bar on standard error")
    boolean noProgress;

    @Override
    public Integer call() {
        if (timeout <= 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--timeout is a positive number of seconds");
        }
        Ed25519NoteVerifier logKey = Ed25519NoteVerifier.parse(key.strip());
        Optional<Policy> trust = policy == null ? Optional.empty()
                : Optional.of(Policy.parse(text(policy)));
        Set<Hash> records = monitor == null ? Set.of() : known(monitor.known);
        TileClient client = TileClient.of(url, Duration.ofSeconds(timeout));
        AuditReport report = LogAudit.run(new LogMirror(mirror, client), logKey, trust,
                Optional.ofNullable(monitor).map(m -> m.issuer), records, spec.commandLine().getErr(), !noProgress);
        PrintWriter out = spec.commandLine().getOut();
        if (report.verdict() != AuditReport.Verdict.VERIFIED) {
            out.println(report.verdict().name().replace('_', ' ') + ": " + report.detail());
            return ExitCode.NEGATIVE;
        }
        out.println(report.detail());
        out.println("mirror " + mirror + ": " + report.fetched() + " fetched, " + report.reused() + " reused");
        if (monitor == null) {
            return ExitCode.OK;
        }
        out.println("issuer " + monitor.issuer + ": " + report.issuances() + " issuance entries, "
                + report.unknown().size() + " not in " + monitor.known);
        for (AuditReport.Found found : report.unknown()) {
            out.println("  index " + found.index() + "  credential sha256:" + found.entry().credential().hex()
                    + "  key " + found.entry().key() + "  time " + found.entry().time());
        }
        return report.unknown().isEmpty() ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    private static String text(Path file) {
        return new String(Input.read(Input.path(file).toString(), System.in), StandardCharsets.UTF_8);
    }

    static Set<Hash> known(Path file) {
        Set<Hash> hashes = new HashSet<>();
        int number = 0;
        for (String raw : text(file).split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("sha256:")) {
                line = line.substring(7);
            }
            if (!line.matches("[0-9a-fA-F]{64}")) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, file + " line " + number
                        + ": not a hex SHA-256 hash");
            }
            hashes.add(Hash.parseHex(line.toLowerCase()));
        }
        return hashes;
    }
}
