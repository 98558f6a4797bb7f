package dev.microcred.server.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.checkpoint.CheckpointSigner;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import dev.microcred.tlog.note.NoteSignature;
import dev.microcred.tlog.note.NoteVerifier;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.witness.AddCheckpointRequest;
import dev.microcred.tlog.witness.Cosignature;
import dev.microcred.tlog.witness.Ed25519Cosigner;
import dev.microcred.tlog.witness.Witness;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness over real HTTP on port 0: a log built with the tlog module, checkpoints signed by its key. */
class WitnessServerIT {
    static final String ORIGIN = "log.microcred.test/issuance";

    @TempDir
    Path dir;

    private final Ed25519NoteSigner logKey = Ed25519NoteSigner.generate(ORIGIN);
    private final Ed25519Cosigner cosigner = new Ed25519Cosigner("witness.test", Ed25519PrivateKey.generate(),
            Clock.systemUTC());
    private final Witness witness = new Witness(cosigner, Map.of(ORIGIN, List.<NoteVerifier>of(logKey.verifier())));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final MemoryHashStore tree = new MemoryHashStore();
    private final CheckpointSigner signer = new CheckpointSigner(logKey, Optional.empty());
    private CompactRange range = CompactRange.EMPTY;
    private WitnessServer server;

    @BeforeEach
    void start() throws Exception {
        server = start(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WitnessServer start(Path state) throws Exception {
        return WitnessServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), witness,
                List.of(ORIGIN), WitnessState.open(state));
    }

    /** Grows the log to {@code size} and returns the signed checkpoint. */
    private SignedNote grow(long size) {
        while (range.size() < size) {
            range = range.append(TreeHash.leaf(("entry " + range.size() + "\n").getBytes()), tree);
        }
        return signer.sign(Checkpoint.of(ORIGIN, range.size(), range.root()), tree);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri()).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> add(long old, SignedNote note) throws Exception {
        long size = Checkpoint.from(note).size();
        ConsistencyProof proof = ConsistencyProof.generate(tree, Math.min(old, size), size);
        return post(new AddCheckpointRequest(old, proof.hashes(), note).format());
    }

    private void assertCosigned(HttpResponse<String> response, SignedNote note) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<NoteSignature> lines = Cosignature.parseLines(response.body());
        assertThat(note.withSignatures(lines).verify(List.of(cosigner.verifier())).valid()).isTrue();
    }

    @Test
    void cosignsAGrowingLogAcrossSeveralCheckpoints() throws Exception {
        long old = 0;
        for (long size : new long[] {1, 3, 8, 300, 300, 1000}) {
            SignedNote note = grow(size);
            assertCosigned(add(old, note), note);
            old = size;
        }
        assertThat(WitnessState.open(dir).latest(ORIGIN).orElseThrow().size()).isEqualTo(1000);
    }

    @Test
    void answersEveryErrorStatus() throws Exception {
        SignedNote ten = grow(10);
        assertCosigned(add(0, ten), ten);
        SignedNote twenty = grow(20);

        HttpResponse<String> stale = add(5, twenty);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        assertThat(stale.body()).isEqualTo("10\n");

        List<Hash> proof = new ArrayList<>(ConsistencyProof.generate(tree, 10, 20).hashes());
        byte[] flipped = proof.get(0).toArray();
        flipped[0] ^= 1;
        proof.set(0, Hash.of(flipped));
        assertThat(post(new AddCheckpointRequest(10, proof, twenty).format()).statusCode()).isEqualTo(422);

        SignedNote forged = SignedNote.sign(twenty.text(), Ed25519NoteSigner.generate(ORIGIN));
        assertThat(add(10, forged).statusCode()).isEqualTo(403);

        Ed25519NoteSigner otherLog = Ed25519NoteSigner.generate("other.test/log");
        SignedNote unknown = SignedNote.sign(Checkpoint.of("other.test/log", 20, range.root()).text(), otherLog);
        assertThat(add(0, unknown).statusCode()).isEqualTo(404);

        assertThat(post("hello\n").statusCode()).isEqualTo(400);
        assertThat(post("old 30\n\n" + twenty.format()).statusCode()).isEqualTo(400);
        assertThat(post("x".repeat(WitnessServer.MAX_BODY + 1)).statusCode()).isEqualTo(413);

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(server.uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(server.uri().resolve("/checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(404);

        // none of the refused requests moved the state
        assertThat(WitnessState.open(dir).latest(ORIGIN).orElseThrow().size()).isEqualTo(10);
        assertCosigned(add(10, twenty), twenty);
    }

    @Test
    void restartKeepsTheState() throws Exception {
        SignedNote five = grow(5);
        assertCosigned(add(0, five), five);
        SignedNote nine = grow(9);
        assertCosigned(add(5, nine), nine);
        server.close();
        server = start(dir);
        SignedNote twelve = grow(12);
        HttpResponse<String> stale = add(0, twelve);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).isEqualTo("9\n");
        assertCosigned(add(9, twelve), twelve);
    }

    @Test
    void tornStateFileIsRefusedAtStart() throws Exception {
        SignedNote five = grow(5);
        assertCosigned(add(0, five), five);
        server.close();
        Path file = dir.resolve(WitnessState.fileName(ORIGIN));
        String good = Files.readString(file);
        Files.writeString(file, good.substring(0, good.length() - 20));
        assertThatThrownBy(() -> WitnessState.open(dir)).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("witness state file").hasMessageContaining("is damaged");
        Files.writeString(file, good.replace("\n5\n", "\n6\n"));
        assertThatThrownBy(() -> WitnessState.open(dir)).hasMessageContaining("checksum does not match");
        Files.writeString(file, good.substring(0, 30));
        assertThatThrownBy(() -> WitnessState.open(dir)).hasMessageContaining("truncated");
        Files.writeString(file, good);
        Files.writeString(dir.resolve(".tmp-interrupted"), "microcred-witness-state/v1\nlog");
        assertThat(WitnessState.open(dir).latest(ORIGIN).orElseThrow().size()).isEqualTo(5);
        assertThat(dir.resolve(".tmp-interrupted")).doesNotExist();
        server = start(dir);
    }

    @Test
    void concurrentAddsForOneOriginEndConsistent() throws Exception {
        List<SignedNote> notes = new ArrayList<>();
        for (long size = 1; size <= 12; size++) {
            notes.add(grow(size * 3));
        }
        List<Long> cosignedSizes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    long known = 0;
                    for (SignedNote note : notes) {
                        long size = Checkpoint.from(note).size();
                        for (int attempt = 0; attempt < 50 && known < size; attempt++) {
                            HttpResponse<String> response = add(known, note);
                            if (response.statusCode() == 200) {
                                cosignedSizes.add(size);
                                known = size;
                            } else {
                                assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                                known = Long.parseLong(response.body().strip());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }
        // each size was cosigned at most once per transition (no two threads passed the same old-size check),
        // and the state on disk is the largest checkpoint, never rolled back by a slower thread
        assertThat(cosignedSizes).doesNotHaveDuplicates().contains(36L);
        assertThat(WitnessState.open(dir).latest(ORIGIN).orElseThrow())
                .isEqualTo(Checkpoint.from(notes.get(notes.size() - 1)));
    }
}
