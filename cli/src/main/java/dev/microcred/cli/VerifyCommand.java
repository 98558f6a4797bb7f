package dev.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.server.tlog.ReceiptCheck;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.jose.JwkJson;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.schema.SchemaValidator;
import dev.microcred.credentials.verify.Check;
import dev.microcred.credentials.verify.CredentialVerifier;
import dev.microcred.credentials.verify.Outcome;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.server.net.GuardedHttpFetcher;
import dev.microcred.tlog.policy.Policy;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code microcred verify}: verifies a credential and explains every step. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Verify a credential and explain every check.", sortOptions = false,
        description = {"Verify a credential: Open Badges 3.0 / VC 2.0 or 1.1 JSON, a VC-JWT, or a baked PNG or SVG.",
            "Prints every check (parse, context, schema, proof, issuer-key, status, validity, endorsements, and",
            "with --receipt and --policy, tlog).",
            "did:web documents and status lists are fetched over HTTPS from public addresses only, unless",
            "--offline or --offline-map say otherwise; JSON-LD contexts are bundled and never fetched."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid", "1:invalid, tampered, revoked, suspended, expired, not-yet-valid or unsupported",
            "2:could not check (a key or status list could not be had), or bad input"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "the credential; - reads standard input")
    String input;

    @Option(names = "--json", description = "print the report as JSON: {\"outcome\", \"checks\": [{\"name\", "
            + "\"outcome\", \"detail\"}]}")
    boolean json;

    @Option(names = "--offline-map", paramLabel = "URL_PREFIX=PATH",
            description = {"answer fetches of URLs starting with URL_PREFIX from local files (repeatable): PATH is a",
                "directory in which the rest of the URL is resolved, or a file served for exactly that URL"})
    List<String> offlineMaps = new ArrayList<>();

    @Option(names = "--offline", description = "never use the network (URLs not covered by --offline-map fail)")
    boolean offline;

    @ArgGroup(exclusive = false)
    Receipt receipt;

    /** {@code --receipt} and {@code --policy} come together. */
    static final class Receipt {
        @Option(names = "--receipt", paramLabel = "FILE", required = true,
                description = {"also check this tlog-proof receipt (c2sp.org/tlog-proof): the credential's issuance",
                    "entry is in a log of --policy, under a checkpoint cosigned by its quorum; adds a tlog check"})
        Path file;

        @Option(names = "--policy", paramLabel = "FILE", required = true,
                description = "the tlog-policy (c2sp.org/tlog-policy) the receipt must satisfy: log key, witnesses, quorum")
        Path policy;
    }

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "judge validity and status at this time (ISO 8601, e.g. 2030-01-01T00:00:00Z)")
    String at;

    @Override
    public Integer call() {
        // a cold start spends a third of its time compiling the OB 3.0 schema: do it on the other core meanwhile
        Thread warmUp = new Thread(() -> SchemaValidator.bundled().warmUp(), "schema-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        Instant when = parseInstant(at);
        Policy policy = receipt == null ? null : Policy.parse(readText(receipt.policy));
        String receiptText = receipt == null ? null : readText(receipt.file);
        byte[] data = Input.read(input, System.in);
        List<OfflineMapFetcher.Mapping> mappings = offlineMaps.stream().map(OfflineMapFetcher::parse).toList();
        Fetcher network = offline ? Fetcher.NONE : new GuardedHttpFetcher();
        Fetcher fetcher = mappings.isEmpty() ? network : new OfflineMapFetcher(mappings, network);
        CredentialVerifier verifier = new CredentialVerifier(fetcher, JwkJson::publicKey, Clock.systemUTC());
        VerificationReport report = verifier.verify(data, when);
        if (receipt != null) {
            report = ReceiptCheck.append(report, data, receiptText, policy);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.writePretty(report.toJson()));
        } else {
            print(report, out);
        }
        return exitCode(report.outcome());
    }

    private static String readText(Path path) {
        return new String(Input.read(Input.path(path).toString(), System.in), StandardCharsets.UTF_8);
    }

    static int exitCode(Outcome outcome) {
        return switch (outcome) {
            case VALID -> ExitCode.OK;
            case CANNOT_CHECK -> ExitCode.CANNOT_PROCESS;
            default -> ExitCode.NEGATIVE;
        };
    }

    static Instant parseInstant(String text) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "--at takes an ISO 8601 date-time with offset, e.g. 2030-01-01T00:00:00Z; got: " + text);
        }
    }

    /** The readable report: a headline, then one line per check. */
    static void print(VerificationReport report, PrintWriter out) {
        out.println(report.outcome().label().toUpperCase(Locale.ROOT) + headline(report.credential()));
        int width = report.checks().stream().mapToInt(c -> c.name().length()).max().orElse(8);
        for (Check c : report.checks()) {
            String mark = switch (c.status()) {
                case PASSED -> "ok  ";
                case FAILED -> "FAIL";
                case WARNING -> "warn";
                case SKIPPED -> "skip";
            };
            out.printf("  %s  %-" + width + "s  %s%n", mark, c.name(), c.detail());
        }
    }

    private static String headline(ObjectNode credential) {
        if (credential == null) {
            return "";
        }
        JsonNode achievement = credential.path("credentialSubject").path("achievement");
        String title = achievement.path("name").asText(credential.path("name").asText(""));
        JsonNode issuer = credential.path("issuer");
        String issuerName = issuer.isTextual() ? issuer.asText() : issuer.path("name").asText(issuer.path("id").asText(""));
        StringBuilder line = new StringBuilder();
        if (!title.isEmpty()) {
            line.append("  \"").append(title).append('"');
        }
        if (!issuerName.isEmpty()) {
            line.append(" issued by ").append(issuerName);
        }
        return line.toString();
    }
}
