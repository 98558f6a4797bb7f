package dev.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.jose.CompactJws;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.status.StatusList;
import dev.microcred.credentials.status.StatusListCredential;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code microcred status}: decodes a Bitstring Status List (a status list credential as JSON or JWT, or a
 * bare {@code encodedList}) and checks an index.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        header = "Decode a Bitstring Status List and check an index.",
        description = {"Decode a Bitstring Status List credential (JSON or JWT) or a bare encodedList value,",
            "and check whether an index is set. The list's own proof is not checked here (use verify)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:decoded; with --index: the bit is not set", "1:with --index: the bit is set",
            "2:bad input"})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE|-",
            description = "status list credential (JSON or JWT) or an encodedList value; - for standard input")
    String input;

    @Option(names = "--index", paramLabel = "N", description = "the statusListIndex to check")
    Long index;

    @Option(names = "--json", description = "print a JSON summary")
    boolean json;

    @Override
    public Integer call() {
        String text = new String(Input.read(input, System.in), StandardCharsets.UTF_8).strip();
        String purpose = null;
        String id = null;
        StatusList list;
        if (text.startsWith("{")) {
            StatusListCredential credential = StatusListCredential.parse(Json.parseObject(text));
            list = credential.list();
            purpose = credential.statusPurpose();
            id = credential.id().toString();
        } else if (text.chars().filter(c -> c == '.').count() == 2) {
            ObjectNode claims = Json.parseObject(CompactJws.parse(text).payload());
            ObjectNode vc = claims.path("vc").isObject() ? (ObjectNode) claims.get("vc") : claims;
            StatusListCredential credential = StatusListCredential.parse(vc);
            list = credential.list();
            purpose = credential.statusPurpose();
            id = credential.id().toString();
        } else {
            list = StatusList.decode(text);
        }
        if (index != null && (index < 0 || index >= list.length())) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "index " + index + " is outside the list of " + list.length() + " entries");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode summary = Json.object();
            if (id != null) {
                summary.put("id", id);
            }
            if (purpose != null) {
                summary.put("statusPurpose", purpose);
            }
            summary.put("length", list.length());
            summary.put("set", list.countSet());
            summary.put("meetsMinimumLength", list.meetsMinimumLength());
            if (index != null) {
                summary.put("index", index);
                summary.put("value", list.get(index));
            }
            out.println(Json.writePretty(summary));
        } else {
            if (id != null) {
                out.println("list:     " + id);
            }
            if (purpose != null) {
                out.println("purpose:  " + purpose);
            }
            out.println("length:   " + list.length() + " entries" + (list.meetsMinimumLength() ? ""
                    : " (below the 131,072 the specification requires)"));
            out.println("set:      " + list.countSet());
            if (index != null) {
                out.println("index " + index + ": " + (list.get(index) ? "SET" : "not set")
                        + (list.get(index) && purpose != null ? " (" + purpose + ")" : ""));
            }
        }
        return index != null && list.get(index) ? ExitCode.NEGATIVE : ExitCode.OK;
    }
}
