package dev.microcred.cli;

import dev.microcred.tlog.note.Ed25519NoteVerifier;
import dev.microcred.tlog.note.NoteSignature;
import dev.microcred.tlog.note.NoteVerification;
import dev.microcred.tlog.note.NoteVerifier;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.note.VerifierKey;
import dev.microcred.tlog.witness.CosignatureVerifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code microcred tlog verify-note}: checks a C2SP signed note (a checkpoint, a cosigned checkpoint) offline. */
@Command(name = "verify-note", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Verify a C2SP signed note (e.g. a checkpoint) against verifier keys.",
        description = {"Verify the signatures of a C2SP signed note under the given verifier keys",
            "(<name>+<8 hex key ID>+<base64(type || key)>; type 0x01 Ed25519 note keys, 0x04 tlog-cosignature/v1",
            "witness keys). Signatures from keys not given are ignored, as signed-note requires. The note is valid",
            "when at least one given key verified it and no signature claiming a given key failed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid", "1:invalid (no given key signed it, or a signature failed)",
            "2:bad input (malformed note or key)"})
final class TlogVerifyNoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key", paramLabel = "VKEY", required = true, description = "a verifier key (repeatable)")
    List<String> keys = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "FILE|-", description = "the signed note; - reads standard input")
    String file;

    @Override
    public Integer call() {
        List<NoteVerifier> verifiers = new ArrayList<>();
        for (String key : keys) {
            verifiers.add(verifier(key.strip()));
        }
        SignedNote note = SignedNote.parse(Input.read(file, System.in));
        NoteVerification result = note.verify(verifiers);
        PrintWriter out = spec.commandLine().getOut();
        out.println((result.valid() ? "valid" : "invalid") + ": " + note.signatures().size() + " signature(s)");
        for (NoteVerifier v : result.verifiedBy()) {
            out.println("  ok    " + v.name() + " " + String.format("%08x", v.keyId()));
        }
        for (NoteSignature s : result.failed()) {
            out.println("  FAIL  " + s.name() + " " + String.format("%08x", s.keyId()) + " (the signature does not verify)");
        }
        for (NoteSignature s : result.unknown()) {
            out.println("  skip  " + s.name() + " " + String.format("%08x", s.keyId()) + " (unknown key, ignored)");
        }
        return result.valid() ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    static NoteVerifier verifier(String vkey) {
        VerifierKey key = VerifierKey.parse(vkey);
        return key.type() == VerifierKey.COSIGNATURE_V1 ? CosignatureVerifier.of(key) : Ed25519NoteVerifier.of(key);
    }
}
