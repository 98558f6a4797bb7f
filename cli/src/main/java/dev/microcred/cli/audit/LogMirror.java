package dev.microcred.cli.audit;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.note.SignedNote;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * A local copy of a log's tiles and entry bundles under their tlog-tiles paths, and the last checkpoint the
 * audit verified ({@code checkpoint}). Every tlog-tiles path names immutable content (a partial tile has its
 * width in its path), so what is here is never fetched again. Files are written to a temporary name and renamed,
 * so an interrupted run leaves whole files only. Not thread-safe.
 */
public final class LogMirror {
    static final String CHECKPOINT = "checkpoint";
    private final Path dir;
    private final TileClient client;
    private int fetched;
    private int reused;

    public LogMirror(Path dir, TileClient client) {
        this.dir = dir;
        this.client = client;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot create the mirror directory " + dir, e);
        }
    }

    /** The content at {@code path}: from the mirror, or fetched (and kept only if {@code keep}). */
    byte[] read(String path, int maxBytes, boolean keep) {
        Path file = file(path);
        try {
            if (Files.isRegularFile(file)) {
                reused++;
                return Files.readAllBytes(file);
            }
            byte[] bytes = client.get(path, maxBytes);
            fetched++;
            if (keep) {
                write(file, bytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot use the mirror file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** The content at {@code path}, always from the network (the checkpoint, which changes). */
    byte[] fetch(String path, int maxBytes) {
        byte[] bytes = client.get(path, maxBytes);
        fetched++;
        return bytes;
    }

    /** Forgets a mirrored file found corrupt, so the next run fetches it again. */
    void forget(String path) {
        try {
            Files.deleteIfExists(file(path));
        } catch (IOException e) {
            // the next run will report the same mismatch
        }
    }

    /** The checkpoint the last successful audit verified, if any. */
    Optional<SignedNote> lastCheckpoint() {
        Path file = dir.resolve(CHECKPOINT);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SignedNote.parse(Files.readAllBytes(file)));
        } catch (IOException | MicrocredException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the mirror's last checkpoint " + file
                    + " cannot be read: " + e.getMessage());
        }
    }

    void saveCheckpoint(SignedNote note) {
        save(CHECKPOINT, note.format());
    }

    /** Keeps {@code text} under {@code name} in the mirror directory (evidence of a fork, the last checkpoint). */
    Path save(String name, String text) {
        Path file = dir.resolve(name);
        try {
            write(file, text.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    int fetched() {
        return fetched;
    }

    int reused() {
        return reused;
    }

    private Path file(String path) {
        Path file = dir.resolve(path).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "not a path inside the mirror: " + path);
        }
        return file;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
