package dev.microcred.server.witness;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.tlog.checkpoint.Checkpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkpoint a witness last cosigned for each origin, kept in a directory: one file per origin, named
 * {@code <hex SHA-256 of the origin>.checkpoint}, holding
 *
 * <pre>
 * microcred-witness-state/v1
 * &lt;checkpoint note text: origin, size, base64 root&gt;
 * sha256 &lt;hex SHA-256 of the lines above&gt;
 * </pre>
 *
 * Each update is written to a temporary file, forced to disk, renamed over the old file atomically and the
 * directory forced, so a crash leaves the old state or the new one. {@link #open} refuses a damaged file (torn,
 * truncated, edited, or not named after its origin) with a one-line message instead of forgetting the origin:
 * a witness that forgot its state could be made to cosign a fork. Leftover temporary files are incomplete writes
 * that were never committed and are removed.
 *
 * <p>Thread-safe for reads; the caller serializes the check-then-{@link #record} of one origin (tlog-witness
 * requires it to be atomic).
 */
public final class WitnessState {
    static final String HEADER = "microcred-witness-state/v1\n";
    static final String SUFFIX = ".checkpoint";
    private static final String TEMP = ".tmp-";

    private final Path dir;
    private final Map<String, Checkpoint> latest = new ConcurrentHashMap<>();

    private WitnessState(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if needed) the state directory and loads every origin's state. */
    public static WitnessState open(Path dir) {
        WitnessState state = new WitnessState(dir);
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(TEMP)) {
                        Files.deleteIfExists(file);
                    } else if (name.endsWith(SUFFIX)) {
                        Checkpoint checkpoint = read(file);
                        state.latest.put(checkpoint.origin(), checkpoint);
                    }
                }
            }
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot read the witness state in " + dir + ": "
                    + e.getMessage(), e);
        }
        return state;
    }

    /** The checkpoint last cosigned for {@code origin}, if any. */
    public Optional<Checkpoint> latest(String origin) {
        return Optional.ofNullable(latest.get(origin));
    }

    /** How many origins have a state. */
    public int size() {
        return latest.size();
    }

    /** Persists {@code checkpoint} as the latest of its origin (durably, atomically), then remembers it. */
    public void record(Checkpoint checkpoint) throws IOException {
        Path target = dir.resolve(fileName(checkpoint.origin()));
        Path temp = dir.resolve(TEMP + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(encode(checkpoint).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
            forceDirectory();
        } finally {
            Files.deleteIfExists(temp);
        }
        latest.put(checkpoint.origin(), checkpoint);
    }

    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory for syncing; the rename itself is still atomic there
        }
    }

    /** The file name of an origin's state: the hex SHA-256 of the origin, so any origin text is a safe name. */
    static String fileName(String origin) {
        return Sha256.hex(origin.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    static String encode(Checkpoint checkpoint) {
        String body = HEADER + checkpoint.text();
        return body + "sha256 " + Sha256.hex(body.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    private static Checkpoint read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int last = text.lastIndexOf("sha256 ");
        if (!text.startsWith(HEADER) || last < 0 || !text.endsWith("\n")) {
            throw damaged(file, "it is truncated or not a witness state file");
        }
        String body = text.substring(0, last);
        String digest = text.substring(last + 7, text.length() - 1);
        if (!digest.equals(Sha256.hex(body.getBytes(StandardCharsets.UTF_8)))) {
            throw damaged(file, "its checksum does not match its content (torn or edited)");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(body.substring(HEADER.length()));
        } catch (MicrocredException e) {
            throw damaged(file, e.getMessage());
        }
        if (!file.getFileName().toString().equals(fileName(checkpoint.origin()))) {
            throw damaged(file, "it holds the state of another origin");
        }
        return checkpoint;
    }

    private static MicrocredException damaged(Path file, String why) {
        return new MicrocredException(Problem.MALFORMED_INPUT, "witness state file " + file + " is damaged: " + why
                + "; restore it from a backup (removing it makes the witness forget that log, which lets it be "
                + "shown a fork)");
    }
}
