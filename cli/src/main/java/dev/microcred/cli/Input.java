package dev.microcred.cli;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a command's input file, or standard input for {@code -}, with a size limit. */
final class Input {
    /** The largest input any command reads: 16 MiB (a baked image is the largest legitimate input). */
    static final int MAX_BYTES = 16 << 20;

    private Input() {
    }

    static byte[] read(String fileOrDash, InputStream stdin) {
        try {
            if ("-".equals(fileOrDash)) {
                byte[] data = stdin.readNBytes(MAX_BYTES + 1);
                return checkSize(data, "standard input");
            }
            Path path = Path.of(fileOrDash);
            if (Files.isDirectory(path)) {
                throw new MicrocredException(Problem.INVALID_REQUEST, fileOrDash + " is a directory, not a file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw tooLarge(fileOrDash, Files.size(path));
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new MicrocredException(Problem.IO_ERROR, "no such file: " + fileOrDash, e);
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot read " + fileOrDash + ": " + e.getMessage(), e);
        }
    }

    /** {@code path}, checked to be a readable regular file, with a one-line message otherwise. */
    static Path path(Path path) {
        if (!Files.exists(path)) {
            throw new MicrocredException(Problem.IO_ERROR, "no such file: " + path);
        }
        if (!Files.isRegularFile(path)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, path + " is not a file");
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw tooLarge(path.toString(), Files.size(path));
            }
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot read " + path, e);
        }
        return path;
    }

    private static byte[] checkSize(byte[] data, String what) {
        if (data.length > MAX_BYTES) {
            throw tooLarge(what, data.length);
        }
        return data;
    }

    private static MicrocredException tooLarge(String what, long size) {
        return new MicrocredException(Problem.TOO_LARGE,
                what + " is " + size + "+ bytes; the limit is " + MAX_BYTES + " bytes");
    }
}
