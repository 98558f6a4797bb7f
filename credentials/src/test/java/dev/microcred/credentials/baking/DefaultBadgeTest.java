package dev.microcred.credentials.baking;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class DefaultBadgeTest {
    @Test
    void svgEscapesMarkupAndStaysWellFormed() throws Exception {
        byte[] svg = DefaultBadge.svg("<script>alert(1)</script> & \"Friends\"", "Evil ' Issuer");
        String text = new String(svg, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp;");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        // and it can carry a baked credential
        String baked = SvgBaker.bake(text, BakedCredential.of(BakedCredential.Spec.OB3, "{\"a\":1}"));
        assertThat(BakedImages.extract(baked.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void pngIsARealImageThatCanCarryACredential() throws Exception {
        byte[] png = DefaultBadge.png("Data Literacy", "Example Academy");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(400);
        // the centre pixel is the badge colour, the corner transparent
        assertThat(image.getRGB(200, 60) >>> 24).isEqualTo(255);
        assertThat(image.getRGB(0, 0) >>> 24).isZero();
        byte[] baked = PngBaker.bake(png, BakedCredential.of(BakedCredential.Spec.OB3, "eyJ.eyJ.c2ln"));
        assertThat(BakedImages.extract(baked).text()).isEqualTo("eyJ.eyJ.c2ln");
    }

    @Test
    void longNamesWrapToThreeLines() {
        assertThat(DefaultBadge.wrap("Advanced Certificate in Applied Machine Learning for Healthcare Systems", 16, 3))
                .hasSize(3).last().asString().endsWith("\u2026");
        assertThat(DefaultBadge.wrap("Short", 16, 3)).containsExactly("Short");
    }
}
