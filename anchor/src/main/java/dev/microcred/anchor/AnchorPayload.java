package dev.microcred.anchor;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The data of an anchoring transaction, version 1: 48 bytes,
 * <pre>
 * "mctlog/1"            8 bytes, ASCII: the tag and format version (6d 63 74 6c 6f 67 2f 31)
 * SHA-256(note text)    32 bytes: of the checkpoint's note text (origin, size and root lines; no signatures)
 * tree size             8 bytes, unsigned big-endian
 * </pre>
 *
 * @param checkpoint SHA-256 of the checkpoint note text
 * @param size       the checkpoint's tree size
 */
public record AnchorPayload(Hash checkpoint, long size) {
    /** The tag that starts every version-1 payload. */
    public static final String TAG = "mctlog/1";
    /** The length of a version-1 payload. */
    public static final int LENGTH = 8 + Hash.LENGTH + 8;
    private static final byte[] TAG_BYTES = TAG.getBytes(StandardCharsets.US_ASCII);

    public AnchorPayload {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (size < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "negative tree size");
        }
    }

    /** The payload of a checkpoint. */
    public static AnchorPayload of(CheckpointDigest digest) {
        return new AnchorPayload(digest.sha256(), digest.checkpoint().size());
    }

    /** Reads a payload from transaction data; throws {@link Problem#MALFORMED_INPUT} if it is not one. */
    public static AnchorPayload parse(byte[] data) {
        if (data.length != LENGTH || !Arrays.equals(data, 0, TAG_BYTES.length, TAG_BYTES, 0, TAG_BYTES.length)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not an anchor payload (\"" + TAG
                    + "\", 32-byte hash, 8-byte size)");
        }
        long size = ByteBuffer.wrap(data, 8 + Hash.LENGTH, 8).getLong();
        if (size < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "anchor payload: tree size above 2^63 - 1");
        }
        return new AnchorPayload(Hash.of(data, 8), size);
    }

    /** Reads a payload from {@code 0x}-prefixed hex transaction data, as JSON-RPC writes it. */
    public static AnchorPayload parseHex(String data) {
        if (data == null || !data.matches("0x([0-9a-fA-F]{2})*") || data.length() != 2 + 2 * LENGTH) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not an anchor payload: " + abbreviate(data));
        }
        return parse(HexFormat.of().parseHex(data, 2, data.length()));
    }

    /** The 48 bytes. */
    public byte[] toArray() {
        return ByteBuffer.allocate(LENGTH).put(TAG_BYTES).put(checkpoint.toArray()).putLong(size).array();
    }

    /** The bytes as {@code 0x} and lower-case hex, as JSON-RPC writes transaction data. */
    public String hex() {
        return "0x" + HexFormat.of().formatHex(toArray());
    }

    private static String abbreviate(String data) {
        return data == null ? "none" : data.length() > 24 ? data.substring(0, 24) + "... (" + data.length()
                + " characters)" : data;
    }
}
