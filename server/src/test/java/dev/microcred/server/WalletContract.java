package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.credentials.baking.BakedCredential;
import dev.microcred.credentials.baking.PngBaker;
import dev.microcred.credentials.baking.SvgBaker;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.issuing.ClaimTokens;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.OpaqueTokens;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCredential;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The wallet over real HTTP: claim links (once, by the right account, with CSRF), the learner's list and detail,
 * downloads whose baked images carry the credential, sharing by link, and escaping. Run on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WalletContract {
    static final String PASSWORD = "wallet password 123";
    static final String EVIL = "<script>alert(1)</script> & Co";
    static final Pattern SHARE = Pattern.compile("href=\"(/share/[^\"]+)\"");

    @AutoClose
    TestServer server;
    Platform p;
    Issuer issuer;
    StoredAchievement achievement;

    abstract String jdbcUrl();

    @BeforeAll
    void start() {
        server = TestServer.start(jdbcUrl());
        p = server.platform();
        issuer = p.issuers().create(new IssuerRegistry.NewIssuer("wallet-" + UUID.randomUUID().toString()
                .substring(0, 8), "Wallet <b>Academy</b>", null, null, null, "key"));
        achievement = p.achievements().create(issuer, Json.parseObject("""
                {"name": %s, "description": "d", "criteria": "c", "eqfLevel": 4}
                """.formatted(Json.write(Json.parse("\"" + EVIL.replace("\"", "\\\"") + "\"")))));
    }


    static String email() {
        return "w" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    WebUser learner(String email) {
        WebUser u = new WebUser(server.baseUrl());
        u.get("/signup");
        Http.Response r = u.post("/signup", Map.of("email", email, "name", "Learner", "password", PASSWORD,
                "role", "learner"));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        u.get("/wallet");
        return u;
    }

    Issuance.Issued issue(String email) {
        return p.issuance().issue(issuer, achievement, new Issuance.Recipient(email, null), null, null);
    }

    static String path(String claimUrl) {
        return claimUrl.substring(claimUrl.indexOf("/claim/"));
    }

    StoredCredential stored(String id) {
        return p.db().read(c -> p.store().credentials().byId(c, id)).orElseThrow();
    }

    @Test
    void claimsOnceIntoTheWallet() {
        String email = email();
        Issuance.Issued issued = issue(email);
        String claim = path(issued.claimUrl());
        String id = issued.stored().id();

        Http.Response anonymous = new WebUser(server.baseUrl()).get(claim);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("/login?next=%2Fclaim%2F").contains("/signup?next=%2Fclaim%2F")
                .doesNotContain("<script>alert");

        WebUser u = learner(email);
        assertThat(u.get(claim).body()).contains("id=\"claim\"");
        Http.Response claimed = u.post(claim, Map.of());
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(303);
        assertThat(claimed.raw().headers().firstValue("Location")).hasValue("/wallet/" + id);
        StoredCredential k = stored(id);
        assertThat(k.claimedAt()).isNotNull();
        assertThat(k.holderAccountId()).isNotNull();

        assertThat(u.post(claim, Map.of()).status()).as("a claim link works once").isEqualTo(404);
        assertThat(u.get(claim).status()).isEqualTo(404);
        Http.Response wallet = u.get("/wallet");
        assertThat(wallet.status()).isEqualTo(200);
        assertThat(wallet.body()).contains("/wallet/" + id).contains("claimed").contains("valid")
                .contains("&lt;script&gt;").doesNotContain("<script>alert");
    }

    @Test
    void claimLinksNameTheirCredentialAndOnlyTheirSecretOpensIt() {
        Issuance.Issued first = issue(email());
        Issuance.Issued second = issue(email());
        String token = path(first.claimUrl()).substring("/claim/".length());
        assertThat(token).startsWith("claim_" + first.stored().id());
        assertThat(ClaimTokens.credentialId(token)).hasValue(first.stored().id());
        WebUser anonymous = new WebUser(server.baseUrl());
        assertThat(anonymous.get("/claim/" + token).status()).isEqualTo(200);
        // the first credential's secret under the second's id, and a changed secret, open nothing
        String secret = token.substring(("claim_" + first.stored().id()).length());
        assertThat(anonymous.get("/claim/claim_" + second.stored().id() + secret).status()).isEqualTo(404);
        String changed = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(anonymous.get("/claim/" + changed).status()).isEqualTo(404);
    }

    @Test
    void claimLinksOfTheOlderFormStillWork() {
        // links sent before tokens named their credential: "claim_" and the secret, found by the token's hash
        String email = email();
        Issuance.Issued issued = issue(email);
        String older = OpaqueTokens.create("claim");
        p.db().inTransaction(c -> {
            try (var update = c.prepareStatement("UPDATE credential SET claim_token_hash = ? WHERE id = ?")) {
                update.setString(1, OpaqueTokens.hash(older));
                update.setString(2, issued.stored().id());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            return null;
        });
        assertThat(ClaimTokens.credentialId(older)).isEmpty();
        WebUser u = learner(email);
        assertThat(u.get("/claim/" + older).body()).contains("id=\"claim\"");
        Http.Response claimed = u.post("/claim/" + older, Map.of());
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(303);
        assertThat(stored(issued.stored().id()).holderAccountId()).isNotNull();
    }

    @Test
    void signUpFromAClaimLinkComesBackToIt() {
        String email = email();
        String claim = path(issue(email).claimUrl());
        WebUser u = new WebUser(server.baseUrl());
        assertThat(u.get("/signup?next=" + java.net.URLEncoder.encode(claim, java.nio.charset.StandardCharsets.UTF_8))
                .body()).contains("value=\"" + claim + "\"");
        Http.Response r = u.post("/signup", Map.of("email", email, "name", "L", "password", PASSWORD,
                "role", "learner", "next", claim));
        assertThat(r.raw().headers().firstValue("Location")).hasValue(claim);
    }

    @Test
    void anotherAccountCannotClaim() {
        Issuance.Issued issued = issue(email());
        WebUser other = learner(email());
        String claim = path(issued.claimUrl());
        other.get(claim);
        Http.Response r = other.post(claim, Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("another email address");
        assertThat(stored(issued.stored().id()).claimedAt()).isNull();
    }

    @Test
    void claimingNeedsTheCsrfToken() {
        String email = email();
        Issuance.Issued issued = issue(email);
        WebUser u = learner(email);
        Http.Response r = u.post(path(issued.claimUrl()), Map.of("csrf", "forged"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(stored(issued.stored().id()).claimedAt()).isNull();
    }

    @Test
    void anotherLearnerSeesNothingOfMine() {
        String email = email();
        String id = issue(email).stored().id();
        WebUser mine = learner(email);
        WebUser other = learner(email());
        assertThat(mine.get("/wallet/" + id).status()).isEqualTo(200);
        assertThat(mine.get("/wallet").body()).contains("/wallet/" + id).contains("not claimed yet");
        for (String suffix : new String[] {"", "/credential.json", "/badge.png", "/badge.svg"}) {
            assertThat(other.get("/wallet/" + id + suffix).status()).as(suffix).isEqualTo(404);
        }
        assertThat(other.post("/wallet/" + id + "/visibility", Map.of("visibility", "public")).status())
                .isEqualTo(404);
        assertThat(other.get("/wallet").body()).doesNotContain(id);
        assertThat(new WebUser(server.baseUrl(), false).get("/wallet/" + id).status()).isEqualTo(401);
    }

    @Test
    void downloadsCarryTheCredential() {
        String email = email();
        Issuance.Issued issued = issue(email);
        String id = issued.stored().id();
        WebUser u = learner(email);
        String document = stored(id).document();

        Http.Response json = u.get("/wallet/" + id + "/credential.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(Json.parse(json.body())).isEqualTo(Json.parse(document));

        HttpResponse<byte[]> png = u.getBytes("/wallet/" + id + "/badge.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("image/png"));
        BakedCredential fromPng = PngBaker.extract(png.body());
        assertThat(fromPng.spec()).isEqualTo(BakedCredential.Spec.OB3);
        assertThat(Json.parse(fromPng.text())).isEqualTo(Json.parse(document));
        assertThat(p.verification().verify(png.body()).valid()).isTrue();

        HttpResponse<byte[]> svg = u.getBytes("/wallet/" + id + "/badge.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        BakedCredential fromSvg = SvgBaker.extract(svg.body());
        assertThat(Json.parse(fromSvg.text())).isEqualTo(Json.parse(document));
        assertThat(p.verification().verify(svg.body()).valid()).isTrue();
    }

    @Test
    void detailEscapesAndLinksToLinkedIn() {
        String email = email();
        String id = issue(email).stored().id();
        WebUser u = learner(email);
        String body = u.get("/wallet/" + id).body();
        assertThat(body).doesNotContain("<script>alert").doesNotContain("<b>Academy")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co")
                .contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name="
                        + "%3Cscript%3Ealert%281%29%3C%2Fscript%3E+%26+Co&amp;organizationName=Wallet+%3Cb%3E"
                        + "Academy%3C%2Fb%3E&amp;issueYear=")
                .contains("&amp;certId=" + id);
    }

    @Test
    void sharingByLinkIsPrivateByDefaultAndCanBeWithdrawn() {
        String email = email();
        String id = issue(email).stored().id();
        WebUser u = learner(email);
        assertThat(u.get("/wallet/" + id).body()).contains("id=\"private\"").doesNotContain("/share/");

        assertThat(u.post("/wallet/" + id + "/visibility", Map.of("visibility", "public")).status()).isEqualTo(303);
        Matcher m = SHARE.matcher(u.get("/wallet/" + id).body());
        assertThat(m.find()).isTrue();
        String share = m.group(1);
        Http.Response shared = new WebUser(server.baseUrl()).get(share);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.body()).contains("&lt;script&gt;alert(1)").doesNotContain("<script>alert");

        assertThat(u.post("/wallet/" + id + "/visibility", Map.of("visibility", "private")).status())
                .isEqualTo(303);
        assertThat(new WebUser(server.baseUrl()).get(share).status()).isEqualTo(404);
        assertThat(new WebUser(server.baseUrl()).get("/credentials/" + id).status())
                .as("the issuer's page stays public").isEqualTo(200);
        assertThat(u.post("/wallet/" + id + "/visibility", Map.of("visibility", "everyone")).status())
                .isEqualTo(400);
    }

    /** The inline QR figure {@code id="qr"} of a page, drawn and decoded. */
    static String qrOf(String page) {
        int start = page.indexOf("<figure id=\"qr\"");
        assertThat(start).as("a QR figure on the page").isNotNegative();
        return dev.microcred.server.web.QrImages.decode(dev.microcred.server.web.QrImages.draw(
                page.substring(start, page.indexOf("</figure>", start)), 4));
    }

    @Test
    void theSharedCredentialHasAQrCodeOfItsShareLink() {
        String email = email();
        String id = issue(email).stored().id();
        WebUser u = learner(email);
        assertThat(u.get("/wallet/" + id).body()).doesNotContain("<figure id=\"qr\"");
        Http.Response privateQr = u.get("/wallet/" + id + "/qr.svg");
        assertThat(privateQr.status()).isEqualTo(409);
        assertThat(privateQr.body()).contains("share it by link first");

        u.post("/wallet/" + id + "/visibility", Map.of("visibility", "public"));
        String detail = u.get("/wallet/" + id).body();
        Matcher m = SHARE.matcher(detail);
        assertThat(m.find()).isTrue();
        String shareUrl = server.baseUrl() + m.group(1);
        assertThat(qrOf(detail)).isEqualTo(shareUrl);

        HttpResponse<byte[]> svg = u.getBytes("/wallet/" + id + "/qr.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(svg.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'");
        String file = new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(file).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(dev.microcred.server.web.QrImages.decode(dev.microcred.server.web.QrImages.draw(file, 3)))
                .isEqualTo(shareUrl);

        Http.Response shared = new WebUser(server.baseUrl()).get(m.group(1));
        assertThat(qrOf(shared.body())).isEqualTo(shareUrl);
        Http.Response issuerPage = new WebUser(server.baseUrl()).get("/credentials/" + id);
        assertThat(qrOf(issuerPage.body())).isEqualTo(server.baseUrl() + "/credentials/" + id);

        u.post("/wallet/" + id + "/visibility", Map.of("visibility", "private"));
        assertThat(u.get("/wallet/" + id + "/qr.svg").status()).as("withdrawn with the link").isEqualTo(409);
        WebUser other = learner(email());
        assertThat(other.get("/wallet/" + id + "/qr.svg").status()).isEqualTo(404);
    }

    @Test
    void revokedAndExpiredShowTheirStatus() {
        String email = email();
        String expired = p.issuance().issue(issuer, achievement, new Issuance.Recipient(email, null),
                p.clock().instant().minusSeconds(7200), p.clock().instant().minusSeconds(3600)).stored().id();
        String revoked = issue(email).stored().id();
        p.status().change(issuer, revoked, dev.microcred.server.issuing.StatusRegistry.Change.REVOKE, "test");
        String valid = issue(email).stored().id();
        WebUser u = learner(email);
        assertThat(u.get("/wallet/" + expired).body()).contains("id=\"status\">expired<");
        assertThat(u.get("/wallet/" + revoked).body()).contains("id=\"status\">revoked<");
        assertThat(u.get("/wallet/" + valid).body()).contains("id=\"status\">valid<");
    }

    /** Posts a multipart form (CSRF field, then {@code fields}, then the file) as {@code u}. */
    static Http.Response upload(WebUser u, String path, Map<String, String> fields, String filename, byte[] file) {
        String boundary = "----wallet" + UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("csrf", u.csrf());
        all.putAll(fields);
        all.forEach((k, v) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n"));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(file);
        text.accept("\r\n--" + boundary + "--\r\n");
        return u.send(u.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    @Test
    void importsVerifyAndKeepTheirOutcome() {
        String email = email();
        String id = issue(email).stored().id();
        WebUser u = learner(email);
        byte[] png = u.getBytes("/wallet/" + id + "/badge.png").body();
        String document = stored(id).document();

        Http.Response pasted = u.post("/wallet/import", Map.of("credential", document));
        assertThat(pasted.status()).as(pasted.body()).isEqualTo(303);
        String pastedPage = pasted.raw().headers().firstValue("Location").orElseThrow();
        Http.Response page = u.get(pastedPage);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"outcome\">valid<").contains("&lt;script&gt;alert(1)")
                .doesNotContain("<script>alert");

        String tampered = document.replace("\"d\"", "\"tampered\"");
        assertThat(tampered).isNotEqualTo(document);
        Http.Response bad = u.post("/wallet/import", Map.of("credential", tampered));
        assertThat(bad.status()).isEqualTo(303);
        String badPage = bad.raw().headers().firstValue("Location").orElseThrow();
        assertThat(u.get(badPage).body()).contains("id=\"outcome\">tampered<");

        u.get("/wallet");
        Http.Response uploaded = upload(u, "/wallet/import", Map.of(), "badge.png", png);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(303);
        String uploadedPage = uploaded.raw().headers().firstValue("Location").orElseThrow();
        assertThat(u.get(uploadedPage).body()).contains("png+json").contains("id=\"outcome\">valid<");
        assertThat(u.get("/wallet").body()).contains(pastedPage).contains(badPage).contains(uploadedPage);

        WebUser other = learner(email());
        assertThat(other.get(pastedPage).status()).isEqualTo(404);
        assertThat(other.get("/wallet").body()).doesNotContain(pastedPage);
    }

    @Test
    void importRefusesForgeriesEmptyFormsAndHugeFiles() {
        WebUser u = learner(email());
        assertThat(u.post("/wallet/import", Map.of("credential", "{}", "csrf", "forged")).status()).isEqualTo(403);
        assertThat(u.post("/wallet/import", Map.of("credential", " ")).status()).isEqualTo(400);
        assertThat(u.post("/wallet/import", Map.of("credential", "not a credential")).status()).isEqualTo(400);
        u.get("/wallet");
        Http.Response huge = upload(u, "/wallet/import", Map.of(), "big.json", new byte[(2 << 20) + 1]);
        assertThat(huge.status()).isEqualTo(413);
    }
}
