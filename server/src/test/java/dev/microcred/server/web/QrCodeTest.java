package dev.microcred.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QrCodeTest {
    static final String SHARE = "https://credentials.example.org/share/share_3q2-Zk9vYbQ1xW0nR7tPaL5cMe8uJ4hD";

    @Test
    void theDrawnSvgDecodesToTheExactUrl() {
        QrCode code = QrCode.of(SHARE);
        String svg = code.svg(360, "QR code");
        assertThat(QrImages.decode(QrImages.draw(svg, 4))).isEqualTo(SHARE);
        assertThat(svg).startsWith("<?xml").contains("viewBox=\"0 0 " + (code.size() + 8) + " ")
                .doesNotContain("http-equiv").doesNotContain("href");
    }

    @Test
    void theInlineFigureDecodesToo() {
        String url = "http://localhost:41234/credentials/0f8fad5b-d9cb-469f-a165-70867728950e";
        String figure = QrCode.of(url).figure("qr", "caption").render();
        assertThat(QrImages.decode(QrImages.draw(figure, 3))).isEqualTo(url);
        assertThat(figure).contains("viewbox=").contains("data-qr-text=\"" + url + "\"");
    }

    @Test
    void aQuietZoneOfFourModulesSurroundsTheSymbol() {
        QrCode code = QrCode.of(SHARE);
        BufferedImage image = QrImages.draw(code.svg(100, "t"), 1);
        int side = code.size() + 2 * QrCode.QUIET_ZONE;
        assertThat(image.getWidth()).isEqualTo(side);
        for (int i = 0; i < side; i++) {
            for (int border = 0; border < QrCode.QUIET_ZONE; border++) {
                assertThat(image.getRGB(i, border) & 0xffffff).isEqualTo(0xffffff);
                assertThat(image.getRGB(border, i) & 0xffffff).isEqualTo(0xffffff);
                assertThat(image.getRGB(i, side - 1 - border) & 0xffffff).isEqualTo(0xffffff);
            }
        }
        // the finder pattern's corner module (ISO/IEC 18004 §6.3.3) is dark
        assertThat(code.dark(0, 0)).isTrue();
        assertThat(image.getRGB(QrCode.QUIET_ZONE, QrCode.QUIET_ZONE) & 0xffffff).isZero();
    }

    @Test
    void aDifferentUrlGivesADifferentCode() {
        String other = SHARE.substring(0, SHARE.length() - 1) + "E";
        assertThat(QrImages.decode(QrImages.draw(QrCode.of(other).svg(100, "t"), 4))).isEqualTo(other);
        assertThat(QrCode.of(other).svg(100, "t")).isNotEqualTo(QrCode.of(SHARE).svg(100, "t"));
    }

    @Test
    void titlesAreEscapedAndEmptyOrHugeTextIsRefused() {
        assertThat(QrCode.of(SHARE).svg(100, "<script>\"x\"")).contains("&lt;script&gt;&quot;x&quot;")
                .doesNotContain("<script>");
        assertThat(QrCode.of("https://e.example/<b>").figure("qr", "<i>").render()).doesNotContain("<b>")
                .doesNotContain("<i>");
        assertThatThrownBy(() -> QrCode.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCode.of("x".repeat(1001))).isInstanceOf(IllegalArgumentException.class);
    }
}
