package dev.microcred.credentials.verify;

/**
 * What a verifier input looks like from its first bytes: a JSON document, a compact JWS, a PNG or an SVG
 * image. Anything else is {@link #UNKNOWN}.
 */
public enum InputKind {
    JSON, JWT, PNG, SVG, UNKNOWN;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Sniffs {@code data}: the PNG signature, an XML/SVG start, a JSON object, or three base64url parts. */
    public static InputKind sniff(byte[] data) {
        if (data.length >= PNG_SIGNATURE.length) {
            boolean png = true;
            for (int i = 0; i < PNG_SIGNATURE.length; i++) {
                png &= data[i] == PNG_SIGNATURE[i];
            }
            if (png) {
                return PNG;
            }
        }
        int i = 0;
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            i = 3; // UTF-8 byte order mark
        }
        while (i < data.length && Character.isWhitespace(data[i])) {
            i++;
        }
        if (i >= data.length) {
            return UNKNOWN;
        }
        if (data[i] == '{') {
            return JSON;
        }
        if (data[i] == '<') {
            String head = new String(data, i, Math.min(data.length - i, 4096), java.nio.charset.StandardCharsets.UTF_8);
            return head.contains("<svg") ? SVG : UNKNOWN;
        }
        return looksLikeJws(data, i) ? JWT : UNKNOWN;
    }

    private static boolean looksLikeJws(byte[] data, int from) {
        int dots = 0;
        int end = data.length;
        while (end > from && Character.isWhitespace(data[end - 1])) {
            end--;
        }
        for (int i = from; i < end; i++) {
            byte b = data[i];
            if (b == '.') {
                dots++;
            } else if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-' || b == '_')) {
                return false;
            }
        }
        return dots == 2;
    }
}
