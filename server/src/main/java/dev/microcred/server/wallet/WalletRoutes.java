package dev.microcred.server.wallet;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.baking.BakedCredential;
import dev.microcred.credentials.baking.BakedImages;
import dev.microcred.credentials.baking.DefaultBadge;
import dev.microcred.credentials.baking.PngBaker;
import dev.microcred.credentials.baking.SvgBaker;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.server.Platform;
import dev.microcred.server.accounts.Page;
import dev.microcred.server.accounts.Visitor;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.http.Bodies;
import dev.microcred.server.issuing.BadgeImages;
import dev.microcred.server.issuing.ClaimTokens;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.OpaqueTokens;
import dev.microcred.server.web.CredentialPage;
import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.server.web.QrCode;
import dev.microcred.server.web.ReportView;
import dev.microcred.server.web.WebRoutes;
import dev.microcred.store.AchievementImage;
import dev.microcred.store.Account;
import dev.microcred.store.CredentialState;
import dev.microcred.store.RenewalLinks;
import dev.microcred.store.StoredCredential;
import dev.microcred.store.WalletImport;
import dev.microcred.store.WalletShare;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wallet's pages: claim links, the learner's credential list and detail (verification, downloads, sharing,
 * LinkedIn), and the share links. See {@link dev.microcred.server.wallet} for how sharing relates to the issuer's
 * public page. Immutable and thread-safe.
 */
public final class WalletRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WalletRoutes.class);
    private static final int MAX_TOKEN = 200;
    /** The largest credential or image a learner may import. */
    static final int MAX_IMPORT_BYTES = 2 << 20;
    private static final String IMAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final Platform p;

    public WalletRoutes(Platform platform) {
        this.p = Objects.requireNonNull(platform, "platform");
    }

    public void register(Javalin app) {
        app.get("/claim/{token}", this::claimPage);
        app.post("/claim/{token}", this::claim);
        app.get("/wallet", this::list);
        app.get("/wallet/{id}", this::detail);
        app.get("/wallet/{id}/credential.json", this::json);
        app.get("/wallet/{id}/credential.jwt", this::jwt);
        app.get("/wallet/{id}/receipt", this::receipt);
        app.get("/wallet/{id}/credential.zip", this::export);
        app.get("/wallet/{id}/badge.png", this::png);
        app.get("/wallet/{id}/badge.svg", this::svg);
        app.get("/wallet/{id}/qr.svg", this::qr);
        app.post("/wallet/{id}/visibility", this::visibility);
        app.get("/share/{token}", this::share);
        app.post("/wallet/import", this::importCredential);
        app.get("/wallet/imports/{id}", this::imported);
    }

    // ---- claim

    private StoredCredential byClaimToken(String token) {
        return p.db().read(c -> claimable(c, token)).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                "this claim link is unknown or was used already: the credential may be in your wallet"));
    }

    /** The unclaimed credential of a claim link's token, by the id the token names (or by its hash alone). */
    private Optional<StoredCredential> claimable(Connection c, String token) throws SQLException {
        if (token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        Optional<String> id = ClaimTokens.credentialId(token);
        return id.isPresent() ? p.store().credentials().byClaimToken(c, id.get(), OpaqueTokens.hash(token))
                : p.store().credentials().byClaimToken(c, OpaqueTokens.hash(token));
    }

    private void claimPage(Context ctx) {
        String token = ctx.pathParam("token");
        StoredCredential k = byClaimToken(token);
        ObjectNode document = Json.parseObject(k.document());
        Visitor v = WebSignIn.visitor(ctx);
        String here = "/claim/" + token;
        Html action = v.signedIn()
                ? Forms.post(here, v.csrfToken(), List.of(attr("id", "claim")),
                        Forms.submit("Add to my wallet"))
                : el("p", List.of(attr("id", "sign-in")), Html.text("To claim it, "),
                        el("a", List.of(attr("href", "/login?next=" + encode(here))), Html.text("sign in")),
                        Html.text(" or "),
                        el("a", List.of(attr("href", "/signup?next=" + encode(here))),
                                Html.text("create an account")),
                        Html.text(" with the email address the credential was sent to."));
        Page.send(ctx, 200, "Claim " + title(document), Page.card(
                el("p", List.of(attr("class", "muted")), Html.text("A credential was issued to you")),
                el("h1", List.of(attr("id", "title")), Html.text(title(document))),
                el("p", Html.text("Issued by "), el("strong", List.of(attr("id", "issuer")),
                        Html.text(issuerName(document)))),
                el("p", Html.text(document.path("credentialSubject").path("achievement").path("description")
                        .asText(""))),
                action));
    }

    private void claim(Context ctx) {
        Account account = WebSignIn.visitor(ctx).require();
        String token = ctx.pathParam("token");
        String hash = emailHash(account);
        String id = p.db().inTransaction(c -> {
            StoredCredential k = claimable(c, token).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                    "this claim link is unknown or was used already: the credential may be in your wallet"));
            if (!hash.equals(k.recipientHash())) {
                throw new MicrocredException(Problem.FORBIDDEN, "this credential was issued to another email address"
                        + " than your account's: sign in with the account of the address the claim mail went to");
            }
            if (!p.store().credentials().claim(c, k.id(), account.id(), p.clock().instant())) {
                throw new MicrocredException(Problem.CONFLICT, "this credential was claimed already");
            }
            return k.id();
        });
        LOG.info("credential claimed credential={} account={}", id, account.id());
        ctx.redirect("/wallet/" + id, HttpStatus.SEE_OTHER);
    }

    // ---- wallet

    private void list(Context ctx) {
        Account account = WebSignIn.visitor(ctx).require();
        String hash = emailHash(account);
        Map<String, StoredCredential> mine = new LinkedHashMap<>();
        p.db().read(c -> {
            p.store().credentials().byHolder(c, account.id()).forEach(k -> mine.put(k.id(), k));
            p.store().credentials().byRecipient(c, hash).stream().filter(k -> holds(account, hash, k))
                    .forEach(k -> mine.putIfAbsent(k.id(), k));
            return null;
        });
        Map<String, RenewalLinks> links = new HashMap<>();
        p.db().read(c -> {
            for (String id : mine.keySet()) {
                links.put(id, p.store().credentials().renewalLinks(c, id));
            }
            return null;
        });
        List<Html> rows = new ArrayList<>();
        for (StoredCredential k : mine.values()) {
            ObjectNode document = Json.parseObject(k.document());
            RenewalLinks chain = links.get(k.id());
            rows.add(el("tr", List.of(attr("data-credential", k.id())),
                    el("td", el("a", List.of(attr("href", "/wallet/" + k.id())), Html.text(title(document))),
                            chain(chain)),
                    el("td", Html.text(issuerName(document))),
                    el("td", List.of(attr("class", "status")), Html.text(status(k)
                            + (chain.superseded() ? ", superseded" : ""))),
                    el("td", Html.text(k.claimedAt() == null ? "not claimed yet" : "claimed"))));
        }
        Html table = rows.isEmpty()
                ? el("p", List.of(attr("id", "empty")), Html.text("No credentials yet: they appear here when they"
                        + " are issued to " + account.email() + " or claimed through a claim link."))
                : el("table", List.of(attr("id", "wallet")), el("thead", el("tr", el("th", "Credential"),
                        el("th", "Issuer"), el("th", "Status"), el("th", "Claim"))), el("tbody", Html.join(rows)));
        Html career = el("p", List.of(attr("id", "career")), Html.text("Your skills at work: "),
                el("a", List.of(attr("href", "/wallet/goal")), Html.text("career goal and pathway")), Html.text(" \u00b7 "),
                el("a", List.of(attr("href", "/wallet/portfolio")), Html.text("portfolio advice")), Html.text(" \u00b7 "),
                el("a", List.of(attr("href", "/wallet/employers")), Html.text("employers")));
        Page.send(ctx, 200, "Wallet", Html.join(Page.card(el("h1", "Your wallet"), career, table),
                imports(account, WebSignIn.visitor(ctx).csrfToken())));
    }

    private Html imports(Account account, String csrfToken) {
        List<Html> rows = new ArrayList<>();
        for (WalletImport i : p.db().read(c -> p.store().walletImports().byAccount(c, account.id()))) {
            rows.add(el("tr", el("td", el("a", List.of(attr("href", "/wallet/imports/" + i.id())),
                            Html.text(i.title()))),
                    el("td", Html.text(i.issuerName())),
                    el("td", List.of(attr("class", "outcome")), Html.text(i.outcome())),
                    el("td", Html.text(i.format()))));
        }
        Html table = rows.isEmpty() ? Html.empty()
                : el("table", List.of(attr("id", "imports")), el("thead", el("tr", el("th", "Credential"),
                        el("th", "Issuer"), el("th", "Verified on import"), el("th", "Format"))),
                        el("tbody", Html.join(rows)));
        return Page.card(el("h2", "Imported credentials"), table,
                Forms.post("/wallet/import", csrfToken, List.of(attr("id", "import"),
                                attr("enctype", "multipart/form-data")),
                        el("p", Html.text("Paste a credential (JSON or JWT), upload a file (JSON, JWT, or a baked"
                                + " PNG or SVG badge) or give its URL, up to " + (MAX_IMPORT_BYTES >> 20) + " MiB. It"
                                + " is verified and kept with the outcome.")),
                        el("p", el("textarea", List.of(attr("name", "credential"), attr("aria-label",
                                "credential")))),
                        el("p", el("input", List.of(attr("type", "file"), attr("name", "file"), attr("aria-label",
                                "file")))),
                        el("p", Html.text("Or give the credential's URL (HTTPS, a public address):")),
                        el("p", el("input", List.of(attr("type", "url"), attr("name", "url"), attr("aria-label",
                                "credential URL"), attr("placeholder", "https://...")))),
                        Forms.submit("Import")));
    }

    private void importCredential(Context ctx) {
        Account account = WebSignIn.visitor(ctx).require();
        byte[] input = upload(ctx, p);
        String document;
        if (PngBaker.isPng(input) || new String(input, 0, Math.min(input.length, 64), StandardCharsets.UTF_8)
                .strip().startsWith("<")) {
            document = BakedImages.extract(input).text().strip();
        } else {
            document = new String(input, StandardCharsets.UTF_8).strip();
        }
        VerificationReport report = p.verification().verify(input);
        ObjectNode credential = report.credential();
        WalletImport imported = new WalletImport(UUID.randomUUID().toString(), account.id(), document,
                report.format(), cut(credential == null ? "Credential" : title(credential)),
                cut(credential == null ? "unknown issuer" : issuerName(credential)), report.outcome().label(),
                p.clock().instant());
        p.db().inTransaction(c -> {
            p.store().walletImports().insert(c, imported);
            return null;
        });
        LOG.info("credential imported import={} account={} outcome={}", imported.id(), account.id(),
                imported.outcome());
        ctx.redirect("/wallet/imports/" + imported.id(), HttpStatus.SEE_OTHER);
    }

    /**
     * The uploaded file, else the pasted text, else the document at the given URL; refuses an empty form and anything
     * above {@link #MAX_IMPORT_BYTES}.
     */
    private static byte[] upload(Context ctx, Platform p) {
        Optional<byte[]> file = Bodies.file(ctx, "file", MAX_IMPORT_BYTES);
        if (file.isPresent()) {
            return file.get();
        }
        String pasted = ctx.formParam("credential");
        String url = ctx.formParam("url");
        if ((pasted == null || pasted.isBlank()) && url != null && !url.isBlank()) {
            return fetched(p, url.strip());
        }
        if (pasted == null || pasted.isBlank()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "paste a credential, choose a file or give its URL"
                    + " first");
        }
        byte[] bytes = pasted.strip().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_IMPORT_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "the credential is larger than " + MAX_IMPORT_BYTES
                    + " bytes");
        }
        return bytes;
    }

    /**
     * The credential at {@code url}, fetched only through the platform's guarded fetcher (HTTPS to public addresses,
     * size and time limits; the platform's own public credential URLs are answered from its database).
     */
    private static byte[] fetched(Platform p, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the URL is not valid: " + e.getReason());
        }
        if (url.length() > 2000 || !uri.isAbsolute() || uri.getHost() == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "give the full URL of the credential (https://...)");
        }
        FetchedDocument document = p.verification().fetch(uri);
        if (document.status() != 200) {
            throw new MicrocredException(Problem.FETCH_FAILED, "the URL answered HTTP " + document.status()
                    + ", not a credential");
        }
        byte[] bytes = document.bodyBytes();
        if (bytes.length == 0) {
            throw new MicrocredException(Problem.FETCH_FAILED, "the URL answered an empty document");
        }
        if (bytes.length > MAX_IMPORT_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "the credential is larger than " + MAX_IMPORT_BYTES
                    + " bytes");
        }
        return bytes;
    }

    private void imported(Context ctx) {
        Account account = WebSignIn.visitor(ctx).require();
        WalletImport i = p.db().read(c -> p.store().walletImports().byId(c, ctx.pathParam("id"), account.id()))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no such credential in your wallet"));
        VerificationReport report = p.verification().verify(i.document().getBytes(StandardCharsets.UTF_8));
        Page.send(ctx, 200, i.title(), Html.join(Page.card(ReportView.banner(report),
                        el("h1", List.of(attr("id", "title")), Html.text(i.title())),
                        el("p", Html.text("Issued by "), el("strong", List.of(attr("id", "issuer")),
                                Html.text(i.issuerName()))),
                        el("p", Html.text("Imported " + i.importedAt() + " as " + i.format() + "; verified then: "),
                                el("strong", List.of(attr("id", "outcome")), Html.text(i.outcome())))),
                ReportView.render(report)));
    }

    private static String cut(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }

    /** The credential {@code id} if it is in the signed-in learner's wallet; anybody else gets 404. */
    private StoredCredential mine(Context ctx, Account account) {
        String hash = emailHash(account);
        return p.db().read(c -> p.store().credentials().byId(c, ctx.pathParam("id")))
                .filter(k -> holds(account, hash, k))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no such credential in your wallet"));
    }

    private void detail(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        StoredCredential k = mine(ctx, v.require());
        ObjectNode document = Json.parseObject(k.document());
        VerificationReport report = p.verification().verify(document);
        WalletShare share = p.db().read(c -> p.store().walletShares().byCredential(c, k.id())).orElse(null);
        String title = title(document);
        String issuer = issuerName(document);
        String base = "/wallet/" + k.id();
        String publicPage = p.baseUrl() + "/credentials/" + k.id();
        List<Html> parts = new ArrayList<>();
        parts.add(Page.card(ReportView.banner(report),
                el("h1", List.of(attr("id", "title")), Html.text(title)),
                el("p", Html.text("Issued by "), el("strong", List.of(attr("id", "issuer")), Html.text(issuer))),
                el("p", Html.text("Status: "), el("strong", List.of(attr("id", "status")), Html.text(status(k))),
                        Html.text(k.claimedAt() == null ? " \u00b7 not claimed yet" : " \u00b7 claimed")),
                chain(p.db().read(c -> p.store().credentials().renewalLinks(c, k.id())))));
        parts.add(Page.card(el("h2", "Download"), el("ul", List.of(attr("id", "downloads")),
                el("li", el("a", List.of(attr("href", base + "/credential.json"), attr("download", "credential.json")),
                        Html.text("Credential (JSON)"))),
                el("li", el("a", List.of(attr("href", base + "/credential.jwt"), attr("id", "jwt"),
                        attr("download", "credential.jwt")), Html.text("Credential as a VC-JWT (Open Badges 3.0"
                        + " JWT, signed by the issuer's current key)"))),
                el("li", el("a", List.of(attr("href", base + "/credential.zip"), attr("id", "export"),
                        attr("download", "credential.zip")), Html.text("Credential with its transparency log "
                        + "receipt and the log's policy, to keep and verify offline (zip)"))),
                el("li", el("a", List.of(attr("href", base + "/badge.png"), attr("download", "badge.png")),
                        Html.text("Badge image with the credential baked in (PNG)"))),
                el("li", el("a", List.of(attr("href", base + "/badge.svg"), attr("download", "badge.svg")),
                        Html.text("Badge image with the credential baked in (SVG)"))),
                p.tlog().receipt(k.id()).isPresent()
                        ? el("li", el("a", List.of(attr("href", base + "/receipt"), attr("id", "receipt"),
                                attr("download", "credential.tlog")), Html.text("Transparency log receipt: proof that "
                                + "the issuer publicly logged this credential (verify with microcred verify "
                                + "--receipt)")))
                        : el("li", Html.text("Transparency log receipt: not ready yet (the log publishes within "
                                + "seconds)")))));
        boolean shared = share != null && share.isPublic();
        Html shareState = shared
                ? Html.join(el("p", Html.text("Anyone with this link can see it: "), el("a", List.of(attr("id",
                        "share-link"), attr("href", "/share/" + share.shareToken())), Html.text(shareUrl(share)))),
                        QrCode.of(shareUrl(share)).figure("qr", "Scan to open the share link"),
                        el("p", el("a", List.of(attr("id", "qr-download"), attr("href", base + "/qr.svg"),
                                attr("download", "credential-qr.svg")), Html.text("Download the QR code (SVG)"))))
                : el("p", List.of(attr("id", "private")), Html.text("Private: only you see it in your wallet."
                        + " Share it by link to get a link and a QR code to scan."));
        parts.add(Page.card(el("h2", "Share"), shareState,
                Forms.button(base + "/visibility", v.csrfToken(), shared ? "Make private" : "Share by link",
                        Map.of("visibility", shared ? WalletShare.PRIVATE : WalletShare.PUBLIC)),
                el("p", Html.text("The issuer's page of this credential stays public: "),
                        el("a", List.of(attr("href", "/credentials/" + k.id())), Html.text(publicPage))),
                el("p", el("a", List.of(attr("id", "linkedin"), attr("rel", "noopener"), attr("href",
                        LinkedIn.addToProfile(title, issuer, k.issuedAt(), publicPage, k.id()))),
                        Html.text("Add to LinkedIn profile")))));
        parts.add(ReportView.render(report));
        Page.send(ctx, 200, title, Html.join(parts));
    }

    private void json(Context ctx) {
        StoredCredential k = mine(ctx, WebSignIn.visitor(ctx).require());
        ctx.header("Content-Disposition", "attachment; filename=\"credential.json\"");
        ctx.status(200).contentType("application/json").result(k.document());
    }

    /**
     * The credential as an OB 3.0 VC-JWT ({@link dev.microcred.server.issuing.JwtForms}): made and logged on the
     * first download, the same bytes afterwards. {@code application/jwt} (RFC 7519 §10.3.1): OB 3.0 VC-JWTs carry
     * {@code typ: JWT}, not the {@code vc+jwt} of VC-JOSE-COSE.
     */
    private void jwt(Context ctx) {
        StoredCredential k = mine(ctx, WebSignIn.visitor(ctx).require());
        String jwt = p.issuance().jwtForms().of(k);
        ctx.header("Content-Disposition", "attachment; filename=\"credential.jwt\"");
        ctx.status(200).contentType("application/jwt").result(jwt);
    }

    /** The credential's transparency log receipt (c2sp.org/tlog-proof), to keep and verify offline with it. */
    private void receipt(Context ctx) {
        StoredCredential k = mine(ctx, WebSignIn.visitor(ctx).require());
        String receipt = p.tlog().receipt(k.id()).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                "the credential's log entry is not covered by a published checkpoint yet: try again shortly"));
        ctx.header("Content-Disposition", "attachment; filename=\"credential.tlog\"");
        ctx.status(200).contentType("text/plain; charset=utf-8").result(receipt);
    }

    /** The credential with its receipt (when published) and the log's policy, as one zip ({@link WalletExport}). */
    private void export(Context ctx) {
        StoredCredential k = mine(ctx, WebSignIn.visitor(ctx).require());
        byte[] zip = WalletExport.zip(k.document(), p.tlog().receipt(k.id()), p.tlog().policyText());
        ctx.header("Content-Disposition", "attachment; filename=\"credential.zip\"");
        ctx.status(200).contentType("application/zip").result(zip);
    }

    private void png(Context ctx) {
        StoredCredential k = mine(ctx, WebSignIn.visitor(ctx).require());
        ObjectNode document = Json.parseObject(k.document());
        byte[] base = uploadedImage(k, document, BadgeImages.PNG).map(i -> i.content().toArray())
                .orElseGet(() -> DefaultBadge.png(title(document), issuerName(document)));
        byte[] image = PngBaker.bake(base, BakedCredential.of(BakedCredential.Spec.OB3, k.document()));
        ctx.header("Content-Disposition", "attachment; filename=\"badge.png\"");
        ctx.status(200).contentType("image/png").result(image);
    }

    private void svg(Context ctx) {
        StoredCredential k = mine(ctx, WebSignIn.visitor(ctx).require());
        ObjectNode document = Json.parseObject(k.document());
        String svg = new String(uploadedImage(k, document, BadgeImages.SVG).map(i -> i.content().toArray())
                .orElseGet(() -> DefaultBadge.svg(title(document), issuerName(document))), StandardCharsets.UTF_8);
        String baked = SvgBaker.bake(svg, BakedCredential.of(BakedCredential.Spec.OB3, k.document()));
        ctx.header("Content-Disposition", "attachment; filename=\"badge.svg\"");
        ctx.header("Content-Security-Policy", IMAGE_POLICY);
        ctx.status(200).contentType("image/svg+xml").result(baked.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The image the issuer uploaded for the credential's achievement, when the credential names exactly that image
     * (issued after the upload, and not replaced since: the URL carries the image's digest) and it is of
     * {@code mediaType}: a PNG bakes into the PNG download, an SVG into the SVG one; otherwise the generated default
     * badge is baked.
     */
    private Optional<AchievementImage> uploadedImage(StoredCredential k, ObjectNode document, String mediaType) {
        String named = document.path("credentialSubject").path("achievement").path("image").path("id").asText("");
        if (k.achievementId() == null || !named.startsWith(p.baseUrl() + "/issuers/")) {
            return Optional.empty();
        }
        return p.achievements().image(k.achievementId())
                .filter(i -> i.mediaType().equals(mediaType))
                .filter(i -> named.endsWith("/achievements/" + k.achievementId() + "/image?v="
                        + i.digest().substring(0, 16)));
    }

    /** The QR code of the share link, as an SVG file; only while the credential is shared. */
    private void qr(Context ctx) {
        StoredCredential k = mine(ctx, WebSignIn.visitor(ctx).require());
        WalletShare share = p.db().read(c -> p.store().walletShares().byCredential(c, k.id()))
                .filter(WalletShare::isPublic)
                .orElseThrow(() -> new MicrocredException(Problem.CONFLICT, "this credential is private: share it by"
                        + " link first, then its QR code opens the share link"));
        String svg = QrCode.of(shareUrl(share)).svg(360, "QR code of the share link of "
                + title(Json.parseObject(k.document())));
        ctx.header("Content-Disposition", "attachment; filename=\"credential-qr.svg\"");
        ctx.header("Content-Security-Policy", IMAGE_POLICY);
        ctx.status(200).contentType("image/svg+xml").result(svg.getBytes(StandardCharsets.UTF_8));
    }

    private String shareUrl(WalletShare share) {
        return p.baseUrl() + "/share/" + share.shareToken();
    }

    private void visibility(Context ctx) {
        Account account = WebSignIn.visitor(ctx).require();
        StoredCredential k = mine(ctx, account);
        String wanted = ctx.formParam("visibility");
        if (!WalletShare.PRIVATE.equals(wanted) && !WalletShare.PUBLIC.equals(wanted)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "visibility must be private or public");
        }
        p.db().inTransaction(c -> {
            Optional<WalletShare> now = p.store().walletShares().byCredential(c, k.id());
            if (now.isPresent() && now.get().visibility().equals(wanted)) {
                return null;
            }
            String token = WalletShare.PUBLIC.equals(wanted) ? OpaqueTokens.create("share") : null;
            p.store().walletShares().put(c, new WalletShare(k.id(), account.id(), wanted, token,
                    p.clock().instant()));
            return null;
        });
        LOG.info("wallet visibility credential={} visibility={}", k.id(), wanted);
        ctx.redirect("/wallet/" + k.id(), HttpStatus.SEE_OTHER);
    }

    private void share(Context ctx) {
        String token = ctx.pathParam("token");
        StoredCredential k = (token.length() > MAX_TOKEN ? Optional.<WalletShare>empty()
                : p.db().read(c -> p.store().walletShares().byToken(c, token)))
                .filter(WalletShare::isPublic)
                .flatMap(s -> p.db().read(c -> p.store().credentials().byId(c, s.credentialId())))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no credential is shared at this link"));
        ObjectNode document = Json.parseObject(k.document());
        WebRoutes.html(ctx, 200, CredentialPage.render(k.id(), document, p.verification().verify(document),
                Page.menu(WebSignIn.visitor(ctx)), p.baseUrl() + "/share/" + token));
    }

    // ---- helpers

    /** A credential's place in its renewal chain: "superseded by" the renewal, "renews" the older one. */
    private static Html chain(RenewalLinks links) {
        List<Html> parts = new ArrayList<>();
        if (links.renewedBy() != null) {
            parts.add(el("span", List.of(attr("class", "muted renewed-by")), Html.text(" \u00b7 superseded by its "),
                    el("a", List.of(attr("href", "/wallet/" + links.renewedBy())), Html.text("renewal"))));
        }
        if (links.renews() != null) {
            parts.add(el("span", List.of(attr("class", "muted renews")), Html.text(" \u00b7 renews "),
                    el("a", List.of(attr("href", "/wallet/" + links.renews())), Html.text("an earlier credential"))));
        }
        return Html.join(parts);
    }

    /** Whether {@code k} is in the wallet of {@code account}: claimed by it, or unclaimed and issued to its email. */
    static boolean holds(Account account, String emailHash, StoredCredential k) {
        return account.id().equals(k.holderAccountId())
                || (k.holderAccountId() == null && emailHash.equals(k.recipientHash()));
    }

    private static String emailHash(Account account) {
        return new Issuance.Recipient(account.email(), null).hash();
    }

    private String status(StoredCredential k) {
        if (k.state() == CredentialState.REVOKED) {
            return "revoked";
        }
        if (k.state() == CredentialState.SUSPENDED) {
            return "suspended";
        }
        return k.isExpired(p.clock().instant()) ? "expired" : "valid";
    }

    static String title(ObjectNode credential) {
        JsonNode achievement = credential.path("credentialSubject").path("achievement");
        return achievement.path("name").asText(credential.path("name").asText("Credential"));
    }

    static String issuerName(ObjectNode credential) {
        JsonNode issuer = credential.path("issuer");
        return issuer.isTextual() ? issuer.asText() : issuer.path("name").asText(issuer.path("id").asText());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
