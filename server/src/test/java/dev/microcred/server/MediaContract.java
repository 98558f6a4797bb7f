package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.credentials.baking.PngBaker;
import dev.microcred.credentials.baking.SvgBaker;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.Scopes;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.StoredAchievement;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Achievement images over real HTTP (issue 3 §5): PNG and SVG uploads through the API and the console, refusals of
 * unsafe SVG, oversize and non-images with nothing stored, the public image URL and its headers, the image named in
 * credentials issued afterwards and baked into the wallet downloads. Run on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MediaContract {
    static final String SVG_BADGE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" \
            height="100" viewBox="0 0 100 100">
              <defs><linearGradient id="g"><stop offset="0" stop-color="#123456"/></linearGradient></defs>
              <circle id="media-test-marker" cx="50" cy="50" r="40" fill="url(#g)" style="stroke: url('#g')"/>
              <use xlink:href="#media-test-marker" x="1"/>
            </svg>
            """;
    static final String PASSWORD = "media password 123";
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @AutoClose
    TestServer server;
    Platform p;
    Issuer issuer;
    Issuer other;
    String token;
    String otherToken;
    WebUser staff;

    abstract String jdbcUrl();

    @BeforeAll
    void start() {
        server = TestServer.start(jdbcUrl());
        p = server.platform();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        issuer = p.issuers().create(new IssuerRegistry.NewIssuer("media-" + suffix, "Media Academy", null, null, null,
                "key"));
        other = p.issuers().create(new IssuerRegistry.NewIssuer("other-" + suffix, "Other Academy", null, null, null,
                "key"));
        token = p.tokens().create(issuer.id(), "media", Scopes.ISSUER_ALL).secret();
        otherToken = p.tokens().create(other.id(), "media other", Scopes.ISSUER_ALL).secret();
        staff = server.member(issuer, Membership.STAFF, "staff-" + suffix + "@media.example", "Staff", true);
    }


    StoredAchievement achievement() {
        return p.achievements().create(issuer, Json.parseObject("""
                {"name": "Media %s", "description": "d", "criteria": "c"}
                """.formatted(UUID.randomUUID())));
    }

    /** A PNG of {@code width}x{@code height} filled with one colour. */
    static byte[] png(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, colour.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> put(String slug, String achievementId, String bearer, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/issuers/" + slug + "/achievements/"
                        + achievementId + "/image")).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<byte[]> get(String absoluteUrl) {
        return send(HttpRequest.newBuilder(URI.create(absoluteUrl)).GET().build());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    String current(StoredAchievement a) {
        return p.achievements().find(issuer, a.id()).orElseThrow().document();
    }

    @Test
    void apiAcceptsPngAndSvgAndServesThemWithSafeHeaders() {
        StoredAchievement a = achievement();
        byte[] png = png(64, 48, new Color(12, 34, 56));
        HttpResponse<byte[]> put = put(issuer.slug(), a.id(), token, "image/png", png);
        assertThat(put.statusCode()).as(text(put)).isEqualTo(200);
        JsonNode image = Json.parse(put.body()).path("achievement").path("image");
        assertThat(image.path("type").asText()).isEqualTo("Image");
        String imageUrl = image.path("id").asText();
        assertThat(imageUrl).startsWith(server.baseUrl() + "/issuers/" + issuer.slug() + "/achievements/" + a.id()
                + "/image?v=");

        HttpResponse<byte[]> served = get(imageUrl);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get(imageUrl.substring(0, imageUrl.indexOf('?'))).headers().firstValue("Cache-Control"))
                .as("the unversioned URL is cached briefly").hasValue("public, max-age=300");

        HttpResponse<byte[]> svg = put(issuer.slug(), a.id(), token, "image/svg+xml; charset=utf-8",
                SVG_BADGE.getBytes(StandardCharsets.UTF_8));
        assertThat(svg.statusCode()).as(text(svg)).isEqualTo(200);
        String svgUrl = Json.parse(svg.body()).path("achievement").path("image").path("id").asText();
        assertThat(svgUrl).as("a replaced image gets a new URL").isNotEqualTo(imageUrl);
        HttpResponse<byte[]> servedSvg = get(svgUrl);
        assertThat(servedSvg.statusCode()).isEqualTo(200);
        assertThat(text(servedSvg)).isEqualTo(SVG_BADGE);
        assertThat(servedSvg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(servedSvg.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; style-src 'unsafe-inline'");
        assertThat(servedSvg.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(get(server.baseUrl() + "/issuers/" + issuer.slug() + "/achievements/" + achievement().id()
                + "/image").statusCode()).as("no image uploaded").isEqualTo(404);
    }

    @Test
    void unsafeSvgIsRefusedAndNothingIsStored() {
        StoredAchievement a = achievement();
        String open = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">";
        Map<String, String> unsafe = Map.of(
                "script", open + "<script>alert(1)</script></svg>",
                "onload", open.replace("<svg ", "<svg onload=\"alert(1)\" ") + "</svg>",
                "external href", open + "<image href=\"https://evil.example/x.png\"/></svg>",
                "data href", open + "<use xlink:href=\"data:image/svg+xml;base64,PHN2Zy8+\"/></svg>",
                "xxe", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + open + "<text>&x;</text></svg>",
                "foreignObject", open + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"
                        + "</foreignObject></svg>",
                "css url", open + "<rect style=\"fill: url(https://evil.example/p)\"/></svg>",
                "css import", open + "<style>@import 'https://evil.example/s.css';</style></svg>",
                "not svg", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
        unsafe.forEach((why, svg) -> {
            HttpResponse<byte[]> r = put(issuer.slug(), a.id(), token, "image/svg+xml",
                    svg.getBytes(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(why + ": " + text(r)).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).as(why).hasValue("application/problem+json");
            assertThat(Json.parse(r.body()).path("type").asText()).as(why).endsWith("bad-image");
        });
        assertThat(p.achievements().image(a.id())).isEmpty();
        assertThat(current(a)).doesNotContain("\"image\"");
    }

    @Test
    void oversizeNonImagesAndHugePngsAreRefused() {
        StoredAchievement a = achievement();
        byte[] big = new byte[600 << 10];
        Arrays.fill(big, (byte) ' ');
        HttpResponse<byte[]> tooLarge = put(issuer.slug(), a.id(), token, "image/svg+xml", big);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(put(issuer.slug(), a.id(), token, "image/png", "hello".getBytes(StandardCharsets.UTF_8))
                .statusCode()).as("text declared as PNG").isEqualTo(400);
        assertThat(put(issuer.slug(), a.id(), token, "text/plain", png(8, 8, Color.RED)).statusCode())
                .as("a media type other than PNG or SVG").isEqualTo(400);
        byte[] truncated = Arrays.copyOf(png(32, 32, Color.RED), 40);
        assertThat(put(issuer.slug(), a.id(), token, "image/png", truncated).statusCode())
                .as("a PNG that does not decode").isEqualTo(400);
        HttpResponse<byte[]> wide = put(issuer.slug(), a.id(), token, "image/png", png(3000, 1, Color.RED));
        assertThat(wide.statusCode()).isEqualTo(400);
        assertThat(text(wide)).contains("3000x1");
        assertThat(p.achievements().image(a.id())).isEmpty();
        assertThat(current(a)).doesNotContain("\"image\"");
    }

    @Test
    void anotherIssuersAchievementIsOutOfReach() {
        StoredAchievement a = achievement();
        byte[] svg = SVG_BADGE.getBytes(StandardCharsets.UTF_8);
        assertThat(put(issuer.slug(), a.id(), otherToken, "image/svg+xml", svg).statusCode())
                .as("the other issuer's token on this issuer").isEqualTo(403);
        assertThat(put(other.slug(), a.id(), otherToken, "image/svg+xml", svg).statusCode())
                .as("this issuer's achievement under the other issuer").isEqualTo(404);
        assertThat(put(issuer.slug(), a.id(), "mc_not_a_token", "image/svg+xml", svg).statusCode()).isEqualTo(401);
        assertThat(p.achievements().image(a.id())).isEmpty();
    }

    @Test
    void credentialsIssuedAfterwardsNameTheImageAndTheWalletBakesIt() {
        StoredAchievement pngAchievement = achievement();
        byte[] png = png(64, 48, new Color(12, 34, 56));
        assertThat(put(issuer.slug(), pngAchievement.id(), token, "image/png", png).statusCode()).isEqualTo(200);
        StoredAchievement svgAchievement = achievement();
        assertThat(put(issuer.slug(), svgAchievement.id(), token, "image/svg+xml",
                SVG_BADGE.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);

        String email = "learner-" + UUID.randomUUID().toString().substring(0, 8) + "@media.example";
        String pngCredential = issue(pngAchievement, email);
        String svgCredential = issue(svgAchievement, email);
        JsonNode named = Json.parse(p.db().read(c -> p.store().credentials().byId(c, pngCredential)).orElseThrow()
                .document()).path("credentialSubject").path("achievement").path("image");
        assertThat(named.path("type").asText()).isEqualTo("Image");
        assertThat(get(named.path("id").asText()).body()).isEqualTo(png);

        WebUser learner = new WebUser(server.baseUrl());
        learner.get("/signup");
        assertThat(learner.post("/signup", Map.of("email", email, "name", "Learner", "password", PASSWORD, "role",
                "learner")).status()).isEqualTo(303);

        byte[] bakedPng = learner.getBytes("/wallet/" + pngCredential + "/badge.png").body();
        assertThat(PngBaker.extract(bakedPng).text()).contains(pngCredential);
        BufferedImage decoded = decode(bakedPng);
        assertThat(decoded.getWidth()).as("the uploaded PNG, not the 400 px default").isEqualTo(64);
        assertThat(decoded.getRGB(10, 10)).isEqualTo(new Color(12, 34, 56).getRGB());
        String bakedSvg = new String(learner.getBytes("/wallet/" + svgCredential + "/badge.svg").body(),
                StandardCharsets.UTF_8);
        assertThat(bakedSvg).contains("media-test-marker");
        assertThat(SvgBaker.extract(bakedSvg.getBytes(StandardCharsets.UTF_8)).text()).contains(svgCredential);
        String defaultSvg = new String(learner.getBytes("/wallet/" + pngCredential + "/badge.svg").body(),
                StandardCharsets.UTF_8);
        assertThat(defaultSvg).as("a PNG upload leaves the SVG download on the default badge")
                .doesNotContain("media-test-marker").contains("<circle cx=\"200\"");

        assertThat(put(issuer.slug(), pngAchievement.id(), token, "image/png", png(64, 48, Color.RED)).statusCode())
                .isEqualTo(200);
        assertThat(decode(learner.getBytes("/wallet/" + pngCredential + "/badge.png").body()).getWidth())
                .as("a credential naming a replaced image bakes the default badge, never another image")
                .isEqualTo(400);
    }

    @Test
    void editingKeepsTheImage() {
        StoredAchievement a = achievement();
        assertThat(put(issuer.slug(), a.id(), token, "image/svg+xml", SVG_BADGE.getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
        p.achievements().update(issuer, a.id(), Json.parseObject("""
                {"name": "Renamed", "description": "d", "criteria": "c"}
                """));
        JsonNode image = Json.parse(current(a)).path("image");
        assertThat(image.path("id").asText()).contains("/achievements/" + a.id() + "/image?v=");
    }

    @Test
    void consoleUploadsTheImageAndExplainsRefusals() {
        StoredAchievement a = achievement();
        String edit = "/console/" + issuer.slug() + "/achievements/" + a.id() + "/edit";
        assertThat(staff.get(edit).body()).contains("id=\"image-form\"").contains("id=\"no-image\"");
        String action = "/console/" + issuer.slug() + "/achievements/" + a.id() + "/image";

        Http.Response evil = WalletContract.upload(staff, action, Map.of(), "evil.svg", ("<svg xmlns=\"http://www.w3"
                + ".org/2000/svg\" onload=\"alert(1)\"/>").getBytes(StandardCharsets.UTF_8));
        assertThat(evil.status()).isEqualTo(400);
        assertThat(evil.body()).contains("The image was not accepted").contains("event handler attribute onload")
                .doesNotContain("onload=\"alert");
        assertThat(p.achievements().image(a.id())).isEmpty();

        byte[] big = new byte[600 << 10];
        Arrays.fill(big, (byte) ' ');
        staff.get(edit);
        assertThat(WalletContract.upload(staff, action, Map.of(), "big.svg", big).status()).isEqualTo(413);

        staff.get(edit);
        Http.Response ok = WalletContract.upload(staff, action, Map.of(), "badge.svg",
                SVG_BADGE.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        assertThat(p.achievements().image(a.id())).isPresent();
        assertThat(staff.get(edit).body()).contains("id=\"current-image\"")
                .contains("/issuers/" + issuer.slug() + "/achievements/" + a.id() + "/image?v=");

        Http.Response forged = WalletContract.upload(staff, action, Map.of("csrf", "forged"), "badge.svg",
                SVG_BADGE.getBytes(StandardCharsets.UTF_8));
        assertThat(forged.status()).as("a forged CSRF token").isEqualTo(403);
    }

    @Test
    void walletImportsByUrlThroughTheGuardedFetcherOnly() {
        String email = "url-" + UUID.randomUUID().toString().substring(0, 8) + "@media.example";
        String credential = issue(achievement(), email);
        WebUser learner = new WebUser(server.baseUrl());
        learner.get("/signup");
        assertThat(learner.post("/signup", Map.of("email", "importer-" + email, "name", "Importer", "password",
                PASSWORD, "role", "learner")).status()).isEqualTo(303);
        assertThat(learner.get("/wallet").body()).contains("name=\"url\"");
        String account = p.db().read(c -> p.store().accounts().byEmail(c, "importer-" + email)).orElseThrow().id();

        Map<String, Integer> refused = Map.of(
                "https://127.0.0.1/credential.json", 400,
                "https://localhost/credential.json", 400,
                "https://[::1]/credential.json", 400,
                "http://example.org/credential.json", 400,
                "not a url", 400,
                server.baseUrl() + "/credentials/" + UUID.randomUUID(), 502);
        refused.forEach((url, status) -> {
            learner.get("/wallet");
            Http.Response r = learner.post("/wallet/import", Map.of("url", url));
            assertThat(r.status()).as(url + ": " + r.body()).isEqualTo(status);
        });
        learner.get("/wallet");
        assertThat(learner.post("/wallet/import", Map.of("url", "https://127.0.0.1/x")).body())
                .contains("non-public address");
        assertThat(imports(account)).as("nothing stored").isEmpty();

        learner.get("/wallet");
        Http.Response imported = learner.post("/wallet/import", Map.of("url", server.baseUrl() + "/credentials/"
                + credential + "/credential.json"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(303);
        Http.Response page = learner.get(imported.raw().headers().firstValue("Location").orElseThrow());
        assertThat(page.body()).contains("id=\"outcome\">valid<");
        assertThat(imports(account)).hasSize(1);
    }

    private java.util.List<dev.microcred.store.WalletImport> imports(String account) {
        return p.db().read(c -> p.store().walletImports().byAccount(c, account));
    }

    private String issue(StoredAchievement a, String email) {
        StoredAchievement fresh = p.achievements().find(issuer, a.id()).orElseThrow();
        return p.issuance().issue(issuer, fresh, new Issuance.Recipient(email, null), null, null).stored().id();
    }

    private static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
