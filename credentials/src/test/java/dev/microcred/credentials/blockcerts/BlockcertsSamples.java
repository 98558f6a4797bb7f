package dev.microcred.credentials.blockcerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.SharedData;
import dev.microcred.crypto.Multibase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The Blockcerts samples of shared/data/credentials/blockcerts, and receipt tampering for negative tests. */
final class BlockcertsSamples {
    private BlockcertsSamples() {
    }

    static ObjectNode load(String file) {
        try {
            return Json.parseObject(Files.readAllBytes(SharedData.path("data/credentials/blockcerts/" + file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The proofValue with one hash replaced: cert-issuer writes each hash as 64 hex digits of CBOR text, so a
     * same-length replacement of those ASCII bytes changes exactly that hash and nothing else.
     */
    static String replaceInReceipt(String proofValue, String hex, String replacement) {
        byte[] raw = Multibase.decode(proofValue);
        byte[] from = hex.getBytes(StandardCharsets.US_ASCII);
        byte[] to = replacement.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= raw.length; i++) {
            if (java.util.Arrays.equals(raw, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, raw, i, to.length);
                return Multibase.encode(Multibase.Encoding.BASE58BTC, raw);
            }
        }
        throw new IllegalArgumentException("hash not in the receipt: " + hex);
    }
}
