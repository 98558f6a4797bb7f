package dev.microcred.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.server.Platform;
import dev.microcred.server.http.Bearer;
import dev.microcred.server.http.Bodies;
import dev.microcred.server.issuing.AccessTokens;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.server.issuing.BadgeImages;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.KeyedIssuance;
import dev.microcred.server.issuing.Renewal;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.Scopes;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.store.AchievementImage;
import dev.microcred.store.Issuer;
import dev.microcred.store.IssuerKey;
import dev.microcred.store.Outbox;
import dev.microcred.store.OutboxMail;
import dev.microcred.store.RenewalLinks;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCredential;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/** The JSON API and the public machine documents. */
public final class ApiRoutes {
    static final String VC_MEDIA_TYPE = "application/vc";
    private final Platform p;
    private final Bearer bearer;
    private final KeyedIssuance keyed;
    private final Renewal renewal;

    public ApiRoutes(Platform platform, Bearer bearer) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.bearer = Objects.requireNonNull(bearer, "bearer");
        this.keyed = new KeyedIssuance(platform.db(), platform.store(), platform.issuance());
        this.renewal = new Renewal(platform.db(), platform.store(), platform.issuance(), platform.achievements());
    }

    public void register(Javalin app) {
        app.post("/api/issuers", this::createIssuer);
        app.get("/api/issuers", this::listIssuers);
        app.get("/api/issuers/{slug}", this::getIssuer);
        app.post("/api/issuers/{slug}/achievements", this::createAchievement);
        app.get("/api/issuers/{slug}/achievements", this::listAchievements);
        app.post("/api/issuers/{slug}/credentials", this::issue);
        app.get("/api/issuers/{slug}/credentials", this::listCredentials);
        app.get("/api/issuers/{slug}/credentials/{id}", this::getCredential);
        app.post("/api/issuers/{slug}/credentials/{id}/revoke",
                ctx -> changeStatus(ctx, StatusRegistry.Change.REVOKE));
        app.post("/api/issuers/{slug}/credentials/{id}/suspend",
                ctx -> changeStatus(ctx, StatusRegistry.Change.SUSPEND));
        app.post("/api/issuers/{slug}/credentials/{id}/unsuspend",
                ctx -> changeStatus(ctx, StatusRegistry.Change.UNSUSPEND));
        app.post("/api/issuers/{slug}/credentials/{id}/renew", this::renew);
        app.get("/api/issuers/{slug}/keys", this::listKeys);
        app.post("/api/issuers/{slug}/keys/rotate", this::rotateKey);
        app.post("/api/verify", this::verify);
        app.get("/api/admin/outbox", this::outbox);
        app.get("/issuers/{slug}/did.json", this::didDocument);
        app.get("/issuers/{slug}/status/{purpose}/{seq}", this::statusList);
        app.get("/issuers/{slug}/achievements/{id}", this::achievementDocument);
        // media: achievement images (issue 3 §5)
        app.put("/api/issuers/{slug}/achievements/{id}/image", this::putAchievementImage);
        app.get("/issuers/{slug}/achievements/{id}/image", this::achievementImage);
    }

    private void createIssuer(Context ctx) {
        bearer.require(ctx, null, Scopes.PLATFORM_ADMIN);
        ObjectNode body = Bodies.object(ctx, p.config().maxRequestBytes());
        Issuer issuer = p.issuers().create(new IssuerRegistry.NewIssuer(text(body, "slug"), text(body, "name"),
                text(body, "url"), text(body, "email"), text(body, "description"), text(body, "didMethod")));
        AccessTokens.Created token = p.tokens().create(issuer.id(), "initial issuer token", Scopes.ISSUER_ALL);
        ObjectNode out = issuerJson(issuer);
        ObjectNode t = out.putObject("apiToken");
        t.put("token", token.secret());
        ArrayNode scopes = t.putArray("scopes");
        token.token().scopes().stream().sorted().forEach(scopes::add);
        ctx.header("Location", "/api/issuers/" + issuer.slug());
        Bodies.json(ctx, 201, out);
    }

    private void listIssuers(Context ctx) {
        ArrayNode out = Json.mapper().createArrayNode();
        p.issuers().all().forEach(i -> out.add(issuerJson(i)));
        Bodies.json(ctx, 200, out);
    }

    private void getIssuer(Context ctx) {
        Bodies.json(ctx, 200, issuerJson(issuer(ctx)));
    }

    private ObjectNode issuerJson(Issuer issuer) {
        ObjectNode out = Json.object();
        out.put("id", issuer.id());
        out.put("slug", issuer.slug());
        out.put("name", issuer.name());
        out.put("did", issuer.did());
        out.put("didMethod", issuer.didMethod());
        out.set("profile", Json.parse(issuer.profile()));
        if ("web".equals(issuer.didMethod())) {
            out.put("didDocument", p.baseUrl() + "/issuers/" + issuer.slug() + "/did.json");
        }
        return out;
    }

    private void listKeys(Context ctx) {
        Issuer issuer = issuer(ctx);
        ArrayNode out = Json.mapper().createArrayNode();
        p.issuers().keys(issuer).forEach(k -> out.add(keyJson(k)));
        Bodies.json(ctx, 200, out);
    }

    private void rotateKey(Context ctx) {
        Issuer issuer = issuer(ctx);
        bearer.require(ctx, issuer, Scopes.KEYS_ROTATE);
        IssuerKey key = p.issuers().rotateKey(issuer);
        ctx.header("Location", "/api/issuers/" + issuer.slug() + "/keys");
        Bodies.json(ctx, 201, keyJson(key));
    }

    /** A key as the API shows it: public parts only. */
    static ObjectNode keyJson(IssuerKey k) {
        ObjectNode out = Json.object();
        out.put("id", k.id());
        out.put("verificationMethod", k.verificationMethod());
        out.put("type", "Multikey");
        out.put("publicKeyMultibase", k.publicKeyMultibase());
        out.put("createdAt", k.createdAt().toString());
        out.put("active", k.retiredAt() == null);
        if (k.retiredAt() != null) {
            out.put("retiredAt", k.retiredAt().toString());
        }
        return out;
    }

    private void createAchievement(Context ctx) {
        Issuer issuer = issuer(ctx);
        bearer.require(ctx, issuer, Scopes.ACHIEVEMENTS_WRITE);
        StoredAchievement a = p.achievements().create(issuer, Bodies.object(ctx, p.config().maxRequestBytes()));
        ctx.header("Location", "/issuers/" + issuer.slug() + "/achievements/" + a.id());
        Bodies.json(ctx, 201, achievementJson(a));
    }

    private void listAchievements(Context ctx) {
        Issuer issuer = issuer(ctx);
        ArrayNode out = Json.mapper().createArrayNode();
        p.achievements().of(issuer).stream().filter(a -> a.archivedAt() == null)
                .forEach(a -> out.add(achievementJson(a)));
        Bodies.json(ctx, 200, out);
    }

    private static ObjectNode achievementJson(StoredAchievement a) {
        ObjectNode out = Json.object();
        out.put("id", a.id());
        out.put("name", a.name());
        if (a.validityDays() != null) {
            out.put("validityDays", a.validityDays());
        }
        out.put("status", AchievementCatalog.statusSetting(a));
        out.set("achievement", Json.parse(a.document()));
        return out;
    }

    private void achievementDocument(Context ctx) {
        Issuer issuer = issuer(ctx);
        StoredAchievement a = p.achievements().find(issuer, ctx.pathParam("id"))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no such achievement"));
        Bodies.json(ctx, 200, Json.parse(a.document()), "application/ld+json");
    }

    /** The raw image bytes, {@code Content-Type} image/png or image/svg+xml; answers the achievement as stored. */
    private void putAchievementImage(Context ctx) {
        Issuer issuer = issuer(ctx);
        bearer.require(ctx, issuer, Scopes.ACHIEVEMENTS_WRITE);
        String id = ctx.pathParam("id");
        p.achievements().find(issuer, id)
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no achievement " + id + " of this issuer"));
        byte[] bytes = Bodies.bytes(ctx, BadgeImages.MAX_BYTES);
        StoredAchievement a = p.achievements().setImage(issuer, id, bytes, ctx.contentType() == null ? ""
                : ctx.contentType());
        Bodies.json(ctx, 200, achievementJson(a));
    }

    /**
     * The uploaded image of an achievement, public. Served with its own media type, {@code nosniff} and a policy that
     * keeps an SVG inert when opened directly; the URL in credentials carries {@code ?v=<digest>}, and such a request
     * for the current image may be cached for a year.
     */
    private void achievementImage(Context ctx) {
        Issuer issuer = issuer(ctx);
        StoredAchievement a = p.achievements().find(issuer, ctx.pathParam("id"))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no such achievement"));
        AchievementImage image = p.achievements().image(a.id()).orElseThrow(() -> new MicrocredException(
                Problem.NOT_FOUND, "no image was uploaded for this achievement: credentials show the default badge"));
        String version = ctx.queryParam("v");
        boolean current = version != null && version.length() >= 16 && image.digest().startsWith(version);
        ctx.header("Cache-Control", current ? "public, max-age=31536000, immutable" : "public, max-age=300");
        ctx.header("ETag", "\"" + image.digest() + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        ctx.status(200).contentType(image.mediaType()).result(image.content().toArray());
    }

    private void issue(Context ctx) {
        Issuer issuer = issuer(ctx);
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_ISSUE);
        ObjectNode body = Bodies.object(ctx, p.config().maxRequestBytes());
        String achievementId = text(body, "achievementId");
        if (achievementId == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "achievementId is required");
        }
        StoredAchievement achievement = p.achievements().find(issuer, achievementId)
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no achievement " + achievementId
                        + " of this issuer"));
        JsonNode r = body.path("recipient");
        if (!r.isObject()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "recipient is required: {\"email\": ...} or"
                    + " {\"id\": \"did:...\"}");
        }
        Issuance.Recipient recipient = new Issuance.Recipient(text((ObjectNode) r, "email"), text((ObjectNode) r, "id"));
        String key = idempotencyKey(ctx);
        Instant validFrom = instant(body, "validFrom");
        Instant validUntil = instant(body, "validUntil");
        StoredCredential stored;
        ObjectNode credential;
        String pageUrl;
        boolean replayed = false;
        if (key == null) {
            Issuance.Issued issued = p.issuance().issue(issuer, achievement, recipient, validFrom, validUntil);
            stored = issued.stored();
            credential = issued.credential();
            pageUrl = issued.pageUrl();
        } else {
            // draft-ietf-httpapi-idempotency-key-header: a replay answers what the first request did
            KeyedIssuance.Outcome once = keyed.issue(issuer, achievement, recipient, validFrom, validUntil,
                    "a:" + key);
            stored = once.stored();
            credential = once.replayed() ? Json.parseObject(stored.document()) : once.issued().credential();
            pageUrl = p.baseUrl() + "/credentials/" + stored.id();
            replayed = once.replayed();
        }
        if (replayed) {
            ctx.header("Idempotent-Replayed", "true");
        } else {
            p.metrics().issued("api", 1);
        }
        ObjectNode out = credentialJson(stored);
        out.put("url", pageUrl);
        out.set("credential", credential);
        ctx.header("Location", pageUrl);
        Bodies.json(ctx, 201, out);
    }

    private static String idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key != null && !KeyedIssuance.KEY.matcher(key).matches()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "Idempotency-Key is 1-150 printable ASCII"
                    + " characters");
        }
        return key;
    }

    /**
     * Renews a credential (issue 3 §9): a new credential of the same achievement to the same recipient, linked to
     * the one it renews. An {@code Idempotency-Key} is kept with the renewal ({@code r:} + key), so a replay answers
     * the renewal made the first time.
     */
    private void renew(Context ctx) {
        Issuer issuer = issuer(ctx);
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_ISSUE);
        ObjectNode body = ctx.contentLength() > 0 ? Bodies.object(ctx, p.config().maxRequestBytes()) : Json.object();
        String key = idempotencyKey(ctx);
        Renewal.Renewed renewed = renewal.renew(issuer, ctx.pathParam("id"), instant(body, "validFrom"),
                instant(body, "validUntil"), key == null ? null : "r:" + key);
        if (renewed.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        } else {
            p.metrics().issued("renewal", 1);
        }
        ObjectNode out = withLinks(credentialJson(renewed.stored()), renewed.stored());
        out.put("url", p.baseUrl() + "/credentials/" + renewed.stored().id());
        out.set("credential", renewed.credential());
        ctx.header("Location", p.baseUrl() + "/credentials/" + renewed.stored().id());
        Bodies.json(ctx, 201, out);
    }

    private void listCredentials(Context ctx) {
        Issuer issuer = issuer(ctx);
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_READ);
        int limit = Math.max(1, Math.min(500, intParam(ctx, "limit", 50)));
        int offset = Math.max(0, intParam(ctx, "offset", 0));
        ArrayNode out = Json.mapper().createArrayNode();
        p.db().read(c -> p.store().credentials().byIssuer(c, issuer.id(), limit, offset))
                .forEach(k -> out.add(credentialJson(k)));
        ctx.header("X-Total-Count", Long.toString(p.db().read(c -> p.store().credentials().countByIssuer(c,
                issuer.id()))));
        Bodies.json(ctx, 200, out);
    }

    private void getCredential(Context ctx) {
        Issuer issuer = issuer(ctx);
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_READ);
        StoredCredential k = ownCredential(issuer, ctx.pathParam("id"));
        ObjectNode out = withLinks(credentialJson(k), k);
        out.set("credential", Json.parse(k.document()));
        Bodies.json(ctx, 200, out);
    }

    private void changeStatus(Context ctx, StatusRegistry.Change change) {
        Issuer issuer = issuer(ctx);
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_STATUS);
        String reason = null;
        if (ctx.contentLength() > 0) {
            reason = text(Bodies.object(ctx, p.config().maxRequestBytes()), "reason");
        }
        StoredCredential k = p.status().change(issuer, ctx.pathParam("id"), change, reason);
        Bodies.json(ctx, 200, credentialJson(k));
    }

    private StoredCredential ownCredential(Issuer issuer, String id) {
        return p.db().read(c -> p.store().credentials().byId(c, id)).filter(k -> k.issuerId().equals(issuer.id()))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no credential " + id + " of this issuer"));
    }

    private ObjectNode credentialJson(StoredCredential k) {
        ObjectNode out = Json.object();
        out.put("id", k.id());
        out.put("url", p.baseUrl() + "/credentials/" + k.id());
        if (k.achievementId() != null) {
            out.put("achievementId", k.achievementId());
        }
        out.put("state", k.state().label());
        out.put("expired", k.isExpired(p.clock().instant()));
        out.put("claimed", k.claimedAt() != null);
        out.put("issuedAt", k.issuedAt().toString());
        out.put("validFrom", k.validFrom().toString());
        if (k.validUntil() != null) {
            out.put("validUntil", k.validUntil().toString());
        }
        if (k.statusReason() != null) {
            out.put("statusReason", k.statusReason());
        }
        return out;
    }

    /** Adds the renewal chain links of {@code k} ({@code renews}, {@code renewedBy}) to its view. */
    private ObjectNode withLinks(ObjectNode out, StoredCredential k) {
        RenewalLinks links = p.db().read(c -> p.store().credentials().renewalLinks(c, k.id()));
        if (links.renews() != null) {
            out.put("renews", links.renews());
        }
        if (links.renewedBy() != null) {
            out.put("renewedBy", links.renewedBy());
        }
        return out;
    }

    private void verify(Context ctx) {
        VerificationReport report = p.verification().verify(Bodies.bytes(ctx, p.config().maxRequestBytes()));
        Bodies.json(ctx, 200, report.toJson());
    }

    private void outbox(Context ctx) {
        bearer.require(ctx, null, Scopes.PLATFORM_ADMIN);
        ArrayNode out = Json.mapper().createArrayNode();
        int limit = Math.min(500, intParam(ctx, "limit", 100));
        Map<String, Outbox.Delivery> deliveries = p.config().smtp() == null ? Map.of()
                : p.db().read(c -> p.store().outbox().recentDeliveries(c, limit));
        for (OutboxMail m : p.db().read(c -> p.store().outbox().recent(c, limit))) {
            ObjectNode o = out.addObject();
            o.put("id", m.id());
            o.put("to", m.recipient());
            o.put("subject", m.subject());
            o.put("body", m.body());
            o.put("kind", m.kind());
            o.put("relatedId", m.relatedId());
            o.put("createdAt", m.createdAt().toString());
            if (m.sentAt() != null) {
                o.put("sentAt", m.sentAt().toString());
            }
            Outbox.Delivery d = deliveries.get(m.id());
            if (d != null) {
                ObjectNode delivery = o.putObject("delivery");
                delivery.put("attempts", d.attemptsMade());
                if (d.lastAttemptAt() != null) {
                    delivery.put("lastAttemptAt", d.lastAttemptAt().toString());
                }
                if (d.lastError() != null) {
                    delivery.put("lastError", d.lastError());
                }
                if (d.sentAt() == null && d.attempts() > 0 && d.nextAttemptAt() != null) {
                    delivery.put("nextAttemptAt", d.nextAttemptAt().toString());
                }
            }
        }
        Bodies.json(ctx, 200, out);
    }

    private void didDocument(Context ctx) {
        Bodies.json(ctx, 200, p.issuers().didDocument(issuer(ctx)), "application/did+json");
    }

    private void statusList(Context ctx) {
        Issuer issuer = issuer(ctx);
        String url = p.baseUrl() + "/issuers/" + issuer.slug() + "/status/" + ctx.pathParam("purpose") + "/"
                + ctx.pathParam("seq");
        String signed = p.status().signedList(url)
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no such status list"));
        ctx.header("Cache-Control", "public, max-age=" + StatusRegistry.TTL.toSeconds());
        ctx.status(200).contentType(VC_MEDIA_TYPE).result(signed);
    }

    Issuer issuer(Context ctx) {
        return p.issuers().require(ctx.pathParam("slug"));
    }

    static String text(ObjectNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, name + " must be a string");
        }
        return v.asText();
    }

    private static Instant instant(ObjectNode o, String name) {
        String v = text(o, name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, name + " must be an RFC 3339 date-time");
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, name + " must be an integer");
        }
    }
}
