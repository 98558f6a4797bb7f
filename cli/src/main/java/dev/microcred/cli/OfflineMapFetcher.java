package dev.microcred.cli;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers fetches from local files, for air-gapped verification ({@code --offline-map URL_PREFIX=PATH}).
 * A mapping whose PATH is a directory resolves the rest of the URL inside it (never outside); a mapping
 * whose PATH is a file serves that file for exactly that URL. The longest matching prefix wins; URLs that
 * no mapping covers go to the {@code fallback} fetcher. Thread-safe.
 */
final class OfflineMapFetcher implements Fetcher {
    /** The largest file served: the same limit as a JSON document fetched over the network. */
    static final long MAX_FILE_BYTES = 4 << 20;

    record Mapping(String prefix, Path path) {
    }

    private final List<Mapping> mappings;
    private final Fetcher fallback;

    OfflineMapFetcher(List<Mapping> mappings, Fetcher fallback) {
        List<Mapping> sorted = new ArrayList<>(mappings);
        sorted.sort(Comparator.comparingInt((Mapping m) -> m.prefix().length()).reversed());
        this.mappings = List.copyOf(sorted);
        this.fallback = fallback;
    }

    /** Parses one {@code URL_PREFIX=PATH} option value. */
    static Mapping parse(String option) {
        int eq = option.lastIndexOf('=');
        if (eq <= 0 || eq == option.length() - 1) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "--offline-map takes URL_PREFIX=PATH, got: " + option);
        }
        String prefix = option.substring(0, eq);
        Path path = Path.of(option.substring(eq + 1));
        if (!Files.exists(path)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--offline-map: no such file or directory: " + path);
        }
        return new Mapping(prefix, path);
    }

    @Override
    public FetchedDocument fetch(URI uri) {
        String url = uri.toString();
        for (Mapping m : mappings) {
            if (Files.isRegularFile(m.path())) {
                if (url.equals(m.prefix())) {
                    return serve(uri, m.path());
                }
            } else if (url.startsWith(m.prefix())) {
                String rest = url.substring(m.prefix().length());
                int cut = indexOfAny(rest, '?', '#');
                if (cut >= 0) {
                    rest = rest.substring(0, cut);
                }
                rest = java.net.URLDecoder.decode(rest.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
                while (rest.startsWith("/")) {
                    rest = rest.substring(1);
                }
                Path base = m.path().toAbsolutePath().normalize();
                Path file = base.resolve(rest).normalize();
                if (!file.startsWith(base)) {
                    throw new MicrocredException(Problem.FETCH_REFUSED, "offline map: " + url + " escapes " + base);
                }
                if (Files.isRegularFile(file)) {
                    return serve(uri, file);
                }
                return new FetchedDocument(uri, 404, null, Bytes.of(new byte[0]));
            }
        }
        return fallback.fetch(uri);
    }

    private static FetchedDocument serve(URI uri, Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new MicrocredException(Problem.TOO_LARGE, "offline map: " + file + " exceeds " + MAX_FILE_BYTES
                        + " bytes");
            }
            String name = file.getFileName().toString();
            String type = name.endsWith(".json") || name.endsWith(".jsonld") ? "application/json" : null;
            return new FetchedDocument(uri, 200, type, Bytes.of(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new MicrocredException(Problem.FETCH_FAILED, "offline map: cannot read " + file, e);
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
