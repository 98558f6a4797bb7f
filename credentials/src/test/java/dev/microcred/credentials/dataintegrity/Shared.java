package dev.microcred.credentials.dataintegrity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.Multibase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Test fixtures from the shared folder (system property {@code microcred.shared}). */
final class Shared {
    static final Path ROOT = Path.of(System.getProperty("microcred.shared", "../../shared"));
    static final Path EDDSA = ROOT.resolve("conformance-vectors/vc-di-eddsa/TestVectors");
    static final Path OB3 = ROOT.resolve("conformance-vectors/open-badges-3.0");

    private Shared() {
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(Path file) {
        return Json.parseObject(text(file));
    }

    /** A key from a {@code privateKeyMultibase}: multicodec ed25519-priv (0x8026, varint 0x80 0x26) + 32-byte seed. */
    static Ed25519PrivateKey privateKey(String privateKeyMultibase) {
        byte[] data = Multibase.decode(privateKeyMultibase);
        if (data.length != 34 || (data[0] & 0xff) != 0x80 || data[1] != 0x26) {
            throw new IllegalArgumentException("not an ed25519-priv multikey");
        }
        return Ed25519PrivateKey.fromSeed(Arrays.copyOfRange(data, 2, 34));
    }
}
