package dev.microcred.server.tlog;

import dev.microcred.core.MicrocredException;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.HashReader;
import dev.microcred.tlog.note.NoteSignature;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.witness.AddCheckpointRequest;
import dev.microcred.tlog.witness.Cosignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks witnesses to cosign a checkpoint (C2SP tlog-witness {@code add-checkpoint}) with the JDK HTTP client: the
 * request carries the size the witness last cosigned and the consistency proof from it; a {@code 409} answer with
 * the witness's size ({@code text/x.tlog.size}) is retried once from that size; a cosignature is kept only if it
 * verifies under the witness's configured key. Thread-safe.
 */
final class WitnessClient {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessClient.class);
    private static final int MAX_RESPONSE = 64 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    WitnessClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The witness's cosignature of {@code note}, or empty when it did not cosign (it is logged why).
     *
     * @param oldSize   the size this log believes the witness last cosigned
     * @param tree      the stored hashes of the tree of the checkpoint's size
     * @param knownSize told every size the witness reports (to remember for the next request)
     */
    Optional<NoteSignature> cosign(TlogSettings.Witness witness, long oldSize, SignedNote note, HashReader tree,
                                   LongConsumer knownSize) {
        long size = Checkpoint.from(note).size();
        long old = oldSize > size ? 0 : oldSize;
        for (int attempt = 0; attempt < 2; attempt++) {
            String body = AddCheckpointRequest.of(ConsistencyProof.generate(tree, old, size), note).format();
            HttpResponse<InputStream> r;
            byte[] answer;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(witness.url() + "/add-checkpoint"))
                        .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                // read at most one byte past the limit: a longer answer is refused, never buffered whole
                try (InputStream in = r.body()) {
                    answer = in.readNBytes(MAX_RESPONSE + 1);
                }
            } catch (IOException e) {
                LOG.warn("witness unreachable witness={} error={}", witness.url(), e.getClass().getSimpleName());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (answer.length > MAX_RESPONSE) {
                LOG.warn("witness answer too large witness={} limit={}", witness.url(), MAX_RESPONSE);
                return Optional.empty();
            }
            String text = new String(answer, StandardCharsets.UTF_8);
            if (r.statusCode() == 200) {
                try {
                    for (NoteSignature line : Cosignature.parseLines(text)) {
                        if (line.isFrom(witness.key()) && witness.key().verify(note.textBytes(),
                                line.signature().toArray())) {
                            knownSize.accept(size);
                            return Optional.of(line);
                        }
                    }
                } catch (MicrocredException e) {
                    LOG.warn("witness answered a malformed cosignature witness={}", witness.url());
                    return Optional.empty();
                }
                LOG.warn("witness answered no valid cosignature under its configured key witness={}", witness.url());
                return Optional.empty();
            }
            if (r.statusCode() == 409 && r.headers().firstValue("Content-Type").orElse("")
                    .startsWith("text/x.tlog.size")) {
                long theirs;
                try {
                    theirs = Checkpoint.parseSize(text.strip(), "witness size");
                } catch (MicrocredException e) {
                    LOG.warn("witness answered 409 without a size witness={}", witness.url());
                    return Optional.empty();
                }
                knownSize.accept(theirs);
                if (theirs > size || theirs == old) {
                    LOG.warn("witness holds another view of the log witness={} theirSize={} ourSize={}",
                            witness.url(), theirs, size);
                    return Optional.empty();
                }
                LOG.info("witness asks for another old size witness={} old={} theirs={}", witness.url(), old, theirs);
                old = theirs;
                continue;
            }
            LOG.warn("witness refused the checkpoint witness={} status={} size={}", witness.url(), r.statusCode(), size);
            return Optional.empty();
        }
        return Optional.empty();
    }
}
