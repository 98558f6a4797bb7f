package dev.microcred.credentials.baking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.SharedData;
import dev.microcred.credentials.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

class SvgBakerTest {
    private static final String PLAIN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a badge -->
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" data-note="a > b">
              <circle cx="50" cy="50" r="40" fill="#036"/>
            </svg>
            """;

    @Test
    void extractsTheJwsFromTheValidatorsBakedSvg() {
        byte[] svg = SharedData.bytes("data/credentials/1edtech-validator/ob30/simple-jwt.svg");
        BakedCredential baked = BakedImages.extract(svg);
        assertThat(baked.spec()).isEqualTo(BakedCredential.Spec.OB3);
        assertThat(baked.format()).isEqualTo(BakedCredential.Format.JWS);
        String payload = new String(Base64.getUrlDecoder().decode(baked.text().split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(Json.parseObject(payload).get("type").toString()).contains("OpenBadgeCredential");
    }

    @ParameterizedTest
    @EnumSource(BakedCredential.Spec.class)
    void bakesAndExtractsJsonAndJwsForEverySpec(BakedCredential.Spec spec) throws Exception {
        for (String text : new String[] {PngBakerTest.JSON, PngBakerTest.JWS, "{\"tricky\": \"]]> & <x/>\"}"}) {
            BakedCredential credential = BakedCredential.of(spec, text);
            String baked = SvgBaker.bake(PLAIN, credential);
            assertThat(SvgBaker.extract(baked.getBytes(StandardCharsets.UTF_8))).isEqualTo(credential);
            Document doc = parseSafely(baked);
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
            var first = doc.getDocumentElement().getElementsByTagName("*").item(0);
            assertThat(first.getLocalName()).isEqualTo(spec == BakedCredential.Spec.OB2 ? "assertion" : "credential");
            assertThat(baked).contains("<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"#036\"/>");
        }
    }

    @Test
    void bakesTheSpecifiedMarkup() {
        String json = SvgBaker.bake(PLAIN, BakedCredential.of(BakedCredential.Spec.OB3, PngBakerTest.JSON));
        assertThat(json).contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"")
                .contains("<openbadges:credential><![CDATA[" + PngBakerTest.JSON + "]]></openbadges:credential>");
        String jws = SvgBaker.bake(PLAIN, BakedCredential.of(BakedCredential.Spec.OB3, PngBakerTest.JWS));
        assertThat(jws).contains("<openbadges:credential verify=\"" + PngBakerTest.JWS + "\"></openbadges:credential>");
        assertThat(jws.indexOf("<openbadges:credential")).isLessThan(jws.indexOf("<circle"));
    }

    @Test
    void rebakingReplacesTheElementAndKeepsOneNamespaceDeclaration() {
        String once = SvgBaker.bake(PLAIN, BakedCredential.of(BakedCredential.Spec.OB3, PngBakerTest.JSON));
        BakedCredential second = BakedCredential.of(BakedCredential.Spec.OB3, PngBakerTest.JWS);
        String twice = SvgBaker.bake(once, second);
        assertThat(twice.split("<openbadges:credential", -1)).hasSize(2);
        assertThat(twice.split("xmlns:openbadges=", -1)).hasSize(2);
        assertThat(SvgBaker.extract(twice.getBytes(StandardCharsets.UTF_8))).isEqualTo(second);
        String sample = SharedData.text("data/credentials/1edtech-validator/ob30/simple-jwt.svg");
        String rebakedSample = SvgBaker.bake(sample, second);
        assertThat(rebakedSample.split("<openbadges:credential", -1)).hasSize(2);
        assertThat(SvgBaker.extract(rebakedSample.getBytes(StandardCharsets.UTF_8))).isEqualTo(second);
    }

    @Test
    void bakesASelfClosingRoot() {
        BakedCredential credential = BakedCredential.of(BakedCredential.Spec.CLR, PngBakerTest.JWS);
        String baked = SvgBaker.bake("<svg xmlns='http://www.w3.org/2000/svg'/>", credential);
        assertThat(SvgBaker.extract(baked.getBytes(StandardCharsets.UTF_8))).isEqualTo(credential);
        assertThat(baked).endsWith("</svg>");
    }

    @Test
    void readsOb2BakedSvg() {
        String ob2 = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" viewBox="0 0 1 1">
                  <openbadges:assertion verify="https://example.org/beths-robotics-badge.json"></openbadges:assertion>
                </svg>""";
        BakedCredential baked = SvgBaker.extract(ob2.getBytes(StandardCharsets.UTF_8));
        assertThat(baked).isEqualTo(new BakedCredential(BakedCredential.Spec.OB2, BakedCredential.Format.URL,
                "https://example.org/beths-robotics-badge.json"));
        assertThatThrownBy(() -> SvgBaker.bake(ob2, BakedCredential.of(BakedCredential.Spec.OB3, PngBakerTest.JWS)))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("binds the prefix openbadges");
    }

    @Test
    void refusesExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                  <openbadges:credential>&xxe;</openbadges:credential>
                </svg>""";
        assertBadImage(xxe, "DOCTYPE internal subset");
        assertThatThrownBy(() -> SvgBaker.bake(xxe, BakedCredential.of(BakedCredential.Spec.OB3, PngBakerTest.JWS)))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>""";
        assertBadImage(laughs, "DOCTYPE internal subset");
        assertBadImage("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&undeclared;</text></svg>", "undeclared");
    }

    @Test
    void anSvgWithoutACredentialSaysSo() {
        assertBadImage(PLAIN, "holds no baked credential");
        assertThat(SvgBaker.find(PLAIN.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void refusesMalformedAndNonSvgDocuments() {
        assertBadImage("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>", "malformed or unsafe SVG");
        assertBadImage("<html><body/></html>", "not an SVG");
        assertBadImage("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">"
                + "<openbadges:credential>   </openbadges:credential></svg>", "is empty");
    }

    private static void assertBadImage(String svg, String message) {
        assertThatThrownBy(() -> BakedImages.extract(svg.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.BAD_IMAGE);
    }

    private static Document parseSafely(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
