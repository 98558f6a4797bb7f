package dev.microcred.server.web;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A QR code (ISO/IEC 18004) of a URL, drawn as SVG by this class: the module matrix comes from ZXing's encoder
 * (byte mode, UTF-8, error correction level M), and each row's runs of dark modules become one path, with the
 * four-module quiet zone the standard asks for (§7.3.8). Nothing is fetched: pages show it inline, and
 * {@link #svg()} is a standalone image file. Immutable and thread-safe.
 */
public final class QrCode {
    /** Quiet zone around the symbol, in modules (ISO/IEC 18004 §7.3.8). */
    static final int QUIET_ZONE = 4;
    /** Longer text does not fit a scannable code at level M; links are much shorter. */
    static final int MAX_TEXT_BYTES = 1000;

    private final String text;
    private final BitMatrix modules;

    private QrCode(String text, BitMatrix modules) {
        this.text = text;
        this.modules = modules;
    }

    /** The QR code of {@code text} (a URL). */
    public static QrCode of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("QR text must have 1-" + MAX_TEXT_BYTES + " bytes");
        }
        try {
            QRCode code = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET,
                    StandardCharsets.UTF_8.name()));
            ByteMatrix m = code.getMatrix();
            BitMatrix modules = new BitMatrix(m.getWidth(), m.getHeight());
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y) == 1) {
                        modules.set(x, y);
                    }
                }
            }
            return new QrCode(text, modules);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode this text as a QR code", e);
        }
    }

    /** What the code holds. */
    public String text() {
        return text;
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return modules.getWidth();
    }

    /** Whether the module at column {@code x}, row {@code y} (from 0, without the quiet zone) is dark. */
    public boolean dark(int x, int y) {
        return modules.get(x, y);
    }

    /** The dark modules as one SVG path: per row, {@code M x y h n v1 h -n z} for each run of dark modules. */
    String path() {
        StringBuilder d = new StringBuilder();
        int n = size();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && modules.get(x, y)) {
                    x++;
                }
                int run = x - start;
                d.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return d.toString();
    }

    private String body(String viewBoxAttribute, int pixels, String title) {
        int side = size() + 2 * QUIET_ZONE;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" " + viewBoxAttribute + "=\"0 0 " + side + " " + side
                + "\" width=\"" + pixels + "\" height=\"" + pixels + "\" shape-rendering=\"crispEdges\""
                + " role=\"img\" aria-label=\"" + Html.escape(title) + "\">"
                + "<title>" + Html.escape(title) + "</title>"
                + "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path() + "\"/></svg>";
    }

    /** A standalone SVG image (an XML document) of {@code pixels} per side. */
    public String svg(int pixels, String title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body("viewBox", pixels, title) + "\n";
    }

    /**
     * The code inline in a page, in a figure with the link below it ({@code id} on the figure). The HTML parser
     * adjusts {@code viewbox} to SVG's {@code viewBox} (HTML §13.2.6.1, "adjust SVG attributes").
     */
    public Html figure(String id, String caption) {
        return Html.el("figure", java.util.List.of(Html.attr("id", id), Html.attr("class", "qr"),
                        Html.attr("data-qr-text", text)),
                Html.trusted(body("viewbox", 180, "QR code: " + text)),
                Html.el("figcaption", java.util.List.of(Html.attr("class", "muted")), Html.text(caption)));
    }
}
