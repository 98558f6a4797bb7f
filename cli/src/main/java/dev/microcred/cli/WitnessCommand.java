package dev.microcred.cli;

import dev.microcred.server.witness.WitnessServer;
import dev.microcred.server.witness.WitnessState;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.KeyFile;
import dev.microcred.crypto.Signer;
import dev.microcred.tlog.note.Ed25519NoteVerifier;
import dev.microcred.tlog.note.NoteVerifier;
import dev.microcred.tlog.witness.Ed25519Cosigner;
import dev.microcred.tlog.witness.Witness;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code microcred witness}: runs a C2SP tlog-witness server until interrupted. */
@Command(name = "witness", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a transparency-log witness (C2SP tlog-witness).",
        description = {"Serve POST /add-checkpoint (c2sp.org/tlog-witness): cosign (tlog-cosignature/v1, Ed25519)",
            "each checkpoint of the --log logs that is signed by the log and consistent with the last one this",
            "witness cosigned. The last cosigned checkpoint of each log is kept in --state, written atomically.",
            "The witness key is --key, or STATE/witness.key, generated (encrypted as keygen does) on first start.",
            "Prints the bound address and the witness's verifier key, then serves until interrupted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:bad usage, unreadable or damaged state, key or port"})
final class WitnessCommand implements Callable<Integer> {
    static final String KEY_FILE = "witness.key";

    @Spec
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "DIR", required = true,
            description = "the state directory (one file per log, and witness.key unless --key is given)")
    Path state;

    @Option(names = "--log", paramLabel = "ORIGIN=VKEY", required = true,
            description = {"a log to witness: its origin and its Ed25519 note verifier key (repeatable)"})
    List<String> logs = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "microcred-witness",
            description = "the witness name in its cosignatures and verifier key; default ${DEFAULT-VALUE}")
    String name;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "the TCP port; 0 (the default) takes a free one, printed on start")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "the address to listen on; default ${DEFAULT-VALUE}")
    String bind;

    @Option(names = "--key", paramLabel = "FILE", description = "the witness's Ed25519 key file (keygen)")
    Path keyFile;

    @Mixin
    KeyProtection protection;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, List<NoteVerifier>> logKeys = logKeys();
        if (port < 0 || port > 65535) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--port is 0 to 65535, not " + port);
        }
        WitnessState witnessState = WitnessState.open(state);
        Ed25519Cosigner cosigner = new Ed25519Cosigner(name, witnessKey(), Clock.systemUTC());
        Witness witness = new Witness(cosigner, logKeys);
        WitnessServer server;
        try {
            server = WitnessServer.start(new InetSocketAddress(address(), port), witness, logKeys.keySet(),
                    witnessState);
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot listen on " + bind + ":" + port + ": "
                    + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "witness-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("witness " + name + " listening on " + server.uri() + " (port " + server.port() + ")");
        out.println("verifier key: " + cosigner.verifier().verifierKey().format());
        out.println("logs: " + String.join(", ", logKeys.keySet()) + "; state: " + state + " ("
                + witnessState.size() + " log(s) seen)");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    private Map<String, List<NoteVerifier>> logKeys() {
        Map<String, List<NoteVerifier>> keys = new LinkedHashMap<>();
        for (String log : logs) {
            int eq = log.indexOf('=');
            if (eq <= 0 || eq == log.length() - 1) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "--log takes ORIGIN=VKEY, got: " + log);
            }
            Ed25519NoteVerifier key = Ed25519NoteVerifier.parse(log.substring(eq + 1).strip());
            keys.computeIfAbsent(log.substring(0, eq), origin -> new ArrayList<>()).add(key);
        }
        return keys;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--bind: unknown address " + bind, e);
        }
    }

    /** The key from --key, or from STATE/witness.key, generated there on first start. */
    private Ed25519PrivateKey witnessKey() throws IOException {
        Path file = keyFile != null ? keyFile : state.resolve(KEY_FILE);
        if (keyFile == null && !Files.exists(file)) {
            Ed25519PrivateKey key = Ed25519PrivateKey.generate();
            KeygenCommand.write(file, protection.seal(key, false).text(), false);
            spec.commandLine().getErr().println("generated the witness key in " + file);
            return key;
        }
        Signer signer = protection.open(KeyFile.parse(Files.readString(Input.path(file))));
        if (!(signer instanceof Ed25519PrivateKey key)) {
            throw new MicrocredException(Problem.INVALID_KEY, file + " is not an Ed25519 key: a witness cosigns "
                    + "with Ed25519 (tlog-cosignature/v1)");
        }
        return key;
    }
}
