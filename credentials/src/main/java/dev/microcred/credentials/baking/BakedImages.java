package dev.microcred.credentials.baking;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;

/**
 * Extracts a baked credential from an image whose format is not known in advance: a PNG (by its signature) or
 * an SVG (XML text). Stateless and thread-safe.
 */
public final class BakedImages {
    private BakedImages() {
    }

    /**
     * The credential baked into {@code image}.
     *
     * @throws MicrocredException {@code BAD_IMAGE} when the image is neither PNG nor SVG, is corrupt, or holds no
     *     credential; {@code TOO_LARGE} above 10 MiB
     */
    public static BakedCredential extract(byte[] image) {
        if (PngBaker.isPng(image)) {
            return PngBaker.extract(image);
        }
        if (looksLikeXml(image)) {
            return SvgBaker.extract(image);
        }
        throw new MicrocredException(Problem.BAD_IMAGE, "not a PNG or SVG image");
    }

    private static boolean looksLikeXml(byte[] image) {
        int i = 0;
        if (image.length >= 3 && (image[0] & 0xff) == 0xEF && (image[1] & 0xff) == 0xBB && (image[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < image.length && Character.isWhitespace(image[i])) {
            i++;
        }
        return i < image.length && image[i] == '<';
    }
}
