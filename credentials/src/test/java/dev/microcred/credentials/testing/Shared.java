package dev.microcred.credentials.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (datasets and conformance vectors) for tests. */
public final class Shared {
    private Shared() {
    }

    public static Path root() {
        String prop = System.getProperty("microcred.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("../../shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("../shared");
        }
        if (!Files.isDirectory(p.resolve("conformance-vectors"))) {
            throw new IllegalStateException("shared folder not found (set -Dmicrocred.shared): " + p.toAbsolutePath());
        }
        return p;
    }

    public static Path data(String relative) {
        return root().resolve("data/credentials").resolve(relative);
    }

    public static Path vectors(String relative) {
        return root().resolve("conformance-vectors").resolve(relative);
    }
}
