package dev.microcred.credentials.blockcerts;

import dev.microcred.core.Bytes;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoder for the subset of CBOR (RFC 8949) that MerkleProof2019 receipts use: definite-length unsigned and
 * negative integers, byte strings, text strings, arrays and maps (major types 0–5). Items decode to {@link Long},
 * {@link Bytes}, {@link String}, {@link List} and {@link Map}. Anything else (tags, floats, simple values,
 * indefinite lengths, integers beyond a {@code long}, trailing bytes) is {@link IllegalArgumentException}: a receipt
 * never needs them. Nesting is bounded. Stateless and thread-safe.
 */
final class Cbor {
    private static final int MAX_DEPTH = 16;

    private final byte[] data;
    private int at;

    private Cbor(byte[] data) {
        this.data = data;
    }

    /** Decodes {@code data}, which must hold exactly one item. */
    static Object decode(byte[] data) {
        Cbor reader = new Cbor(data);
        Object item = reader.item(0);
        if (reader.at != data.length) {
            throw new IllegalArgumentException("CBOR: " + (data.length - reader.at) + " bytes after the item");
        }
        return item;
    }

    private Object item(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("CBOR: nested deeper than " + MAX_DEPTH);
        }
        int initial = next();
        int major = initial >>> 5;
        // RFC 8949 §3: the low 5 bits give the argument, or the number of bytes that follow holding it
        long argument = argument(initial & 0x1f);
        return switch (major) {
            case 0 -> argument;
            case 1 -> -1 - argument;
            case 2 -> Bytes.of(take(argument));
            case 3 -> utf8(take(argument));
            case 4 -> {
                List<Object> items = new ArrayList<>();
                for (long i = 0; i < argument; i++) {
                    items.add(item(depth + 1));
                }
                yield List.copyOf(items);
            }
            case 5 -> {
                Map<Object, Object> entries = new LinkedHashMap<>();
                for (long i = 0; i < argument; i++) {
                    Object key = item(depth + 1);
                    if (entries.put(key, item(depth + 1)) != null) {
                        throw new IllegalArgumentException("CBOR: duplicate map key " + key);
                    }
                }
                yield java.util.Collections.unmodifiableMap(entries);
            }
            default -> throw new IllegalArgumentException("CBOR: major type " + major + " is not used by receipts");
        };
    }

    private long argument(int info) {
        if (info < 24) {
            return info;
        }
        int length = switch (info) {
            case 24 -> 1;
            case 25 -> 2;
            case 26 -> 4;
            case 27 -> 8;
            default -> throw new IllegalArgumentException("CBOR: additional information " + info
                    + " (indefinite length or reserved) is not supported");
        };
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | next();
        }
        if (value < 0) {
            throw new IllegalArgumentException("CBOR: argument beyond a signed 64-bit integer");
        }
        return value;
    }

    private int next() {
        if (at >= data.length) {
            throw new IllegalArgumentException("CBOR: truncated");
        }
        return data[at++] & 0xff;
    }

    private byte[] take(long length) {
        if (length > data.length - at) {
            throw new IllegalArgumentException("CBOR: truncated string of " + length + " bytes");
        }
        byte[] out = java.util.Arrays.copyOfRange(data, at, at + (int) length);
        at += (int) length;
        return out;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("CBOR: text string is not UTF-8");
        }
    }
}
