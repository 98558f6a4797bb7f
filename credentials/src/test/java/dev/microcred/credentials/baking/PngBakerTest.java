package dev.microcred.credentials.baking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.SharedData;
import dev.microcred.credentials.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PngBakerTest {
    private static final String ASSETS = "data/credentials/1edtech-validator/";
    static final String JWS = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUuY29tIn0.c2lnbmF0dXJlLWJ5dGVz";
    static final String JSON = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"name\":\"Caf\u00e9 \u2713 badge\"}";

    @Test
    void extractsTheOb3CredentialFromTheValidatorsBakedPng() {
        BakedCredential baked = PngBaker.extract(SharedData.bytes(ASSETS + "ob30/simple-json.png"));
        assertThat(baked.spec()).isEqualTo(BakedCredential.Spec.OB3);
        assertThat(baked.format()).isEqualTo(BakedCredential.Format.JSON);
        var credential = Json.parseObject(baked.text());
        assertThat(credential.get("type").toString()).contains("OpenBadgeCredential");
        assertThat(credential.has("proof")).isTrue();
    }

    @Test
    void extractsTheOb2AssertionFromTheValidatorsBakedPng() {
        BakedCredential baked = BakedImages.extract(SharedData.bytes(ASSETS + "ob20/simple-badge.png"));
        assertThat(baked.spec()).isEqualTo(BakedCredential.Spec.OB2);
        assertThat(baked.format()).isEqualTo(BakedCredential.Format.JSON);
        var assertion = Json.parseObject(baked.text());
        assertThat(assertion.get("type").asText()).isEqualTo("Assertion");
        assertThat(assertion.get("@context").asText()).isEqualTo("https://w3id.org/openbadges/v2");
    }

    @Test
    void anImageWithoutACredentialSaysSo() {
        byte[] plain = SharedData.bytes(ASSETS + "ob20-assets/robotics-badge.png");
        assertThat(PngBaker.find(plain)).isEmpty();
        assertThatThrownBy(() -> PngBaker.extract(plain))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining("holds no baked credential")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.BAD_IMAGE);
    }

    @ParameterizedTest
    @EnumSource(BakedCredential.Spec.class)
    void bakesAndExtractsJsonAndJwsForEverySpec(BakedCredential.Spec spec) throws IOException {
        byte[] plain = SharedData.bytes(ASSETS + "ob20-assets/robotics-badge.png");
        for (String text : new String[] {JSON, JWS}) {
            BakedCredential credential = BakedCredential.of(spec, text);
            byte[] baked = PngBaker.bake(plain, credential);
            assertThat(PngBaker.extract(baked)).isEqualTo(credential);
            assertThat(ImageIO.read(new ByteArrayInputStream(baked))).as("still a decodable PNG").isNotNull();
            assertThat(keywordCount(baked, spec.pngKeyword())).isEqualTo(1);
            var last = PngBaker.read(baked);
            assertThat(last.get(last.size() - 2).type()).isEqualTo("iTXt");
            assertThat(last.get(last.size() - 1).type()).isEqualTo("IEND");
        }
        assertThat(BakedCredential.of(spec, JWS).format()).isEqualTo(BakedCredential.Format.JWS);
    }

    @Test
    void rebakingReplacesTheChunkWithTheSameKeyword() {
        byte[] sample = SharedData.bytes(ASSETS + "ob30/simple-json.png");
        BakedCredential replacement = BakedCredential.of(BakedCredential.Spec.OB3, JWS);
        byte[] rebaked = PngBaker.bake(sample, replacement);
        assertThat(keywordCount(rebaked, "openbadgecredential")).isEqualTo(1);
        assertThat(PngBaker.extract(rebaked)).isEqualTo(replacement);
        byte[] both = PngBaker.bake(rebaked, BakedCredential.of(BakedCredential.Spec.CLR, JSON));
        assertThat(keywordCount(both, "openbadgecredential")).isEqualTo(1);
        assertThat(keywordCount(both, "clrcredential")).isEqualTo(1);
    }

    @Test
    void readsCompressedITxtAndLegacyTExtChunks() throws IOException {
        byte[] plain = SharedData.bytes(ASSETS + "ob20-assets/robotics-badge.png");
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(deflated)) {
            z.write(JSON.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream itxt = new ByteArrayOutputStream();
        itxt.writeBytes("openbadgecredential".getBytes(StandardCharsets.ISO_8859_1));
        itxt.writeBytes(new byte[] {0, 1, 0});
        itxt.writeBytes("en\0Open Badge\0".getBytes(StandardCharsets.UTF_8));
        itxt.writeBytes(deflated.toByteArray());
        BakedCredential compressed = PngBaker.extract(insertBeforeIend(plain, "iTXt", itxt.toByteArray()));
        assertThat(compressed).isEqualTo(new BakedCredential(BakedCredential.Spec.OB3, BakedCredential.Format.JSON, JSON));

        byte[] text = "openbadges\0https://example.org/beths-robotics-badge.json".getBytes(StandardCharsets.ISO_8859_1);
        BakedCredential legacy = PngBaker.extract(insertBeforeIend(plain, "tEXt", text));
        assertThat(legacy.spec()).isEqualTo(BakedCredential.Spec.OB2);
        assertThat(legacy.format()).isEqualTo(BakedCredential.Format.URL);
        assertThat(legacy.text()).isEqualTo("https://example.org/beths-robotics-badge.json");
    }

    @Test
    void refusesATruncatedPng() {
        byte[] png = SharedData.bytes(ASSETS + "ob20/simple-badge.png");
        for (int cut : new int[] {7, 20, png.length / 2, png.length - 5}) {
            assertBadImage(Arrays.copyOf(png, cut), cut < 8 ? "not a PNG" : "truncated");
        }
    }

    @Test
    void refusesABadCrc() {
        byte[] png = SharedData.bytes(ASSETS + "ob20/simple-badge.png");
        byte[] flipped = png.clone();
        flipped[60] ^= 0x01; // inside the iTXt chunk's data
        assertBadImage(flipped, "CRC mismatch");
    }

    @Test
    void refusesWhatIsNotAPng() {
        assertBadImage("GIF89a.......".getBytes(StandardCharsets.US_ASCII), "not a PNG");
        byte[] sample = SharedData.bytes("conformance-vectors/open-badges-3.0/validator-samples/simple.1ob");
        assertThatThrownBy(() -> BakedImages.extract(new byte[] {1, 2, 3}))
                .isInstanceOf(MicrocredException.class).hasMessage("not a PNG or SVG image");
        // simple.1ob is a JSON credential, not an image
        assertThatThrownBy(() -> BakedImages.extract(sample))
                .isInstanceOf(MicrocredException.class).hasMessage("not a PNG or SVG image");
        assertThatThrownBy(() -> PngBaker.bake(sample, BakedCredential.of(BakedCredential.Spec.OB3, JWS)))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("not a PNG");
    }

    @Test
    void refusesOversizeImages() {
        byte[] huge = Arrays.copyOf(PngBaker.SIGNATURE, PngBaker.MAX_IMAGE_BYTES + 1);
        assertThatThrownBy(() -> PngBaker.extract(huge))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.TOO_LARGE);
    }

    private static void assertBadImage(byte[] image, String message) {
        assertThatThrownBy(() -> PngBaker.extract(image))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.BAD_IMAGE);
    }

    private static long keywordCount(byte[] png, String keyword) {
        return PngBaker.read(png).stream().filter(c -> c.isText() && c.keyword().equals(keyword)).count();
    }

    static byte[] insertBeforeIend(byte[] png, String type, byte[] data) {
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, iend, 12);
        return out.toByteArray();
    }
}
