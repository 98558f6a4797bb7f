package dev.microcred.credentials.baking;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Bakes a credential into a PNG and extracts it (Open Badges 3.0 §5.3.1, Open Badges 2.0 "Baking", CLR 2.0).
 *
 * <p>Baking writes one uncompressed {@code iTXt} chunk (PNG 1.2 §11.3.4.5) whose keyword is the spec's
 * ({@code openbadgecredential}, {@code openbadges}, {@code clrcredential}) just before {@code IEND}, after
 * removing any text chunk with the same keyword. Extraction reads {@code iTXt} (compressed or not), and the
 * {@code tEXt}/{@code zTXt} chunks older OB 1.0/2.0 bakers wrote. Every chunk CRC is checked. Stateless and
 * thread-safe.
 */
public final class PngBaker {
    /** The largest image accepted: 10 MiB. */
    public static final int MAX_IMAGE_BYTES = 10 << 20;
    /** The largest text a compressed chunk may inflate to: 2 MiB. */
    static final int MAX_TEXT_BYTES = 2 << 20;
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngBaker() {
    }

    /** Whether {@code image} starts with the PNG signature. */
    public static boolean isPng(byte[] image) {
        return image.length >= SIGNATURE.length && Arrays.equals(image, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /**
     * A copy of {@code png} carrying {@code credential} in an uncompressed {@code iTXt} chunk.
     *
     * @throws MicrocredException {@code BAD_IMAGE} when {@code png} is not a valid PNG
     */
    public static byte[] bake(byte[] png, BakedCredential credential) {
        List<Chunk> chunks = read(png);
        String keyword = credential.spec().pngKeyword();
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + credential.text().length() + 64);
        out.writeBytes(SIGNATURE);
        for (Chunk chunk : chunks) {
            if (chunk.isText() && keyword.equals(chunk.keyword())) {
                continue;
            }
            if (chunk.type().equals("IEND")) {
                write(out, "iTXt", itxt(keyword, credential.text()));
            }
            write(out, chunk.type(), chunk.data());
        }
        return out.toByteArray();
    }

    /**
     * The credential baked into {@code png}.
     *
     * @throws MicrocredException {@code BAD_IMAGE} when the image is corrupt or carries no credential
     */
    public static BakedCredential extract(byte[] png) {
        return find(png).orElseThrow(() -> new MicrocredException(Problem.BAD_IMAGE,
                "the PNG holds no baked credential (no iTXt/tEXt chunk with keyword openbadgecredential, openbadges or clrcredential)"));
    }

    /** The first credential baked into {@code png}, if any; a corrupt image is still an error. */
    public static Optional<BakedCredential> find(byte[] png) {
        for (Chunk chunk : read(png)) {
            if (chunk.isText()) {
                BakedCredential.Spec spec = BakedCredential.Spec.ofPngKeyword(chunk.keyword());
                if (spec != null) {
                    return Optional.of(BakedCredential.of(spec, chunk.text()));
                }
            }
        }
        return Optional.empty();
    }

    // iTXt: keyword 0 compression-flag compression-method language-tag 0 translated-keyword 0 text
    private static byte[] itxt(String keyword, String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.write(0); // compression flag: uncompressed
        data.write(0); // compression method
        data.write(0); // empty language tag
        data.write(0); // empty translated keyword
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc(typeBytes, data)).array());
    }

    private static long crc(byte[] type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        return crc.getValue();
    }

    /** PNG 1.2 §5.3: length (4), type (4), data, CRC (4) over type and data; IHDR first, IEND last. */
    static List<Chunk> read(byte[] png) {
        if (png.length > MAX_IMAGE_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE,
                    "image of " + png.length + " bytes exceeds the limit of " + MAX_IMAGE_BYTES);
        }
        if (!isPng(png)) {
            throw bad("not a PNG (bad signature)");
        }
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png, SIGNATURE.length, png.length - SIGNATURE.length);
        while (true) {
            if (in.remaining() < 12) {
                throw bad("truncated PNG: chunk header at byte " + in.position() + " is incomplete");
            }
            int offset = in.position();
            long length = in.getInt() & 0xffffffffL;
            byte[] type = new byte[4];
            in.get(type);
            String typeName = new String(type, StandardCharsets.ISO_8859_1);
            if (!typeName.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw bad("corrupt PNG: invalid chunk type at byte " + offset);
            }
            if (length > in.remaining() - 4) {
                throw bad("truncated PNG: chunk " + typeName + " at byte " + offset + " declares " + length
                        + " bytes, only " + Math.max(0, in.remaining() - 4) + " remain");
            }
            byte[] data = new byte[(int) length];
            in.get(data);
            long stored = in.getInt() & 0xffffffffL;
            if (stored != crc(type, data)) {
                throw bad("corrupt PNG: CRC mismatch in chunk " + typeName + " at byte " + offset);
            }
            if (chunks.isEmpty() && !typeName.equals("IHDR")) {
                throw bad("corrupt PNG: first chunk is " + typeName + ", not IHDR");
            }
            chunks.add(new Chunk(typeName, data));
            if (typeName.equals("IEND")) {
                return chunks;
            }
        }
    }

    private static MicrocredException bad(String message) {
        return new MicrocredException(Problem.BAD_IMAGE, message);
    }

    /** One PNG chunk; {@code data} is not copied (package-private, used while parsing only). */
    static final class Chunk {
        private final String type;
        private final byte[] data;

        Chunk(String type, byte[] data) {
            this.type = type;
            this.data = data;
        }

        String type() {
            return type;
        }

        byte[] data() {
            return data;
        }

        boolean isText() {
            return type.equals("iTXt") || type.equals("tEXt") || type.equals("zTXt");
        }

        String keyword() {
            int end = indexOf(data, 0, 0);
            return end < 0 ? "" : new String(data, 0, end, StandardCharsets.ISO_8859_1);
        }

        String text() {
            int k = indexOf(data, 0, 0);
            if (k < 0) {
                throw bad("corrupt PNG: " + type + " chunk without keyword terminator");
            }
            switch (type) {
                case "tEXt":
                    return new String(data, k + 1, data.length - k - 1, StandardCharsets.ISO_8859_1);
                case "zTXt":
                    if (k + 2 > data.length) {
                        throw bad("corrupt PNG: truncated zTXt chunk");
                    }
                    return new String(inflate(data, k + 2), StandardCharsets.ISO_8859_1);
                default:
                    // iTXt: keyword 0 flag method language 0 translated 0 text
                    if (k + 3 > data.length) {
                        throw bad("corrupt PNG: truncated iTXt chunk");
                    }
                    int flag = data[k + 1];
                    int lang = indexOf(data, k + 3, 0);
                    int translated = lang < 0 ? -1 : indexOf(data, lang + 1, 0);
                    if (translated < 0) {
                        throw bad("corrupt PNG: malformed iTXt chunk " + keyword());
                    }
                    if (flag == 1) {
                        return new String(inflate(data, translated + 1), StandardCharsets.UTF_8);
                    }
                    if (flag != 0) {
                        throw bad("corrupt PNG: iTXt compression flag " + flag);
                    }
                    return new String(data, translated + 1, data.length - translated - 1, StandardCharsets.UTF_8);
            }
        }

        private static int indexOf(byte[] data, int from, int value) {
            for (int i = from; i < data.length; i++) {
                if (data[i] == value) {
                    return i;
                }
            }
            return -1;
        }

        private static byte[] inflate(byte[] data, int from) {
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(data, from, data.length - from))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (out.size() + n > MAX_TEXT_BYTES) {
                        throw new MicrocredException(Problem.TOO_LARGE,
                                "compressed text chunk inflates to more than " + MAX_TEXT_BYTES + " bytes");
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            } catch (ZipException | java.io.EOFException e) {
                throw new MicrocredException(Problem.BAD_IMAGE, "corrupt PNG: compressed text is not valid deflate data", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
