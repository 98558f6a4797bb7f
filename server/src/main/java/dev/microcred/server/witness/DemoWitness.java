package dev.microcred.server.witness;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.server.issuing.KeyRing;
import dev.microcred.tlog.note.NoteVerifier;
import dev.microcred.tlog.witness.Ed25519Cosigner;
import dev.microcred.tlog.witness.Witness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The demo's own witness: a {@link WitnessServer} in the server's process on a free loopback port, witnessing the
 * instance's log only, its state under {@code <data>/witness} (persisted atomically, so a restarted demo keeps
 * what it cosigned) and its key in {@code <data>/witness/witness.key}, sealed under the key-encryption key
 * ({@link KeyRing}). A real deployment configures independent witnesses instead. Thread-safe.
 */
public final class DemoWitness implements AutoCloseable {
    public static final String NAME = "microcred-demo-witness";
    private final WitnessServer server;
    private final Ed25519Cosigner cosigner;

    private DemoWitness(WitnessServer server, Ed25519Cosigner cosigner) {
        this.server = server;
        this.cosigner = cosigner;
    }

    /** Starts the witness of the log {@code origin} signed by {@code logKey}. */
    public static DemoWitness start(Path dataDirectory, String origin, NoteVerifier logKey, KeyRing keys) {
        Path dir = dataDirectory.resolve("witness");
        try {
            Files.createDirectories(dir);
            Ed25519Cosigner cosigner = new Ed25519Cosigner(NAME, key(dir.resolve("witness.key"), keys),
                    Clock.systemUTC());
            Witness witness = new Witness(cosigner, Map.of(origin, List.of(logKey)));
            WitnessServer server = WitnessServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    witness, List.of(origin), WitnessState.open(dir));
            return new DemoWitness(server, cosigner);
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot start the demo witness in " + dir, e);
        }
    }

    private static Ed25519PrivateKey key(Path file, KeyRing keys) throws IOException {
        if (Files.exists(file)) {
            return keys.open(Files.readString(file, StandardCharsets.US_ASCII));
        }
        Ed25519PrivateKey key = Ed25519PrivateKey.generate();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, keys.seal(key), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return key;
    }

    /** The submission prefix (add-checkpoint is under it). */
    public URI url() {
        String add = server.uri().toString();
        return URI.create(add.substring(0, add.length() - WitnessServer.PATH.length()));
    }

    /** The witness's cosignature verifier key text. */
    public String vkey() {
        return cosigner.verifier().verifierKey().format();
    }

    @Override
    public void close() {
        server.close();
    }
}
