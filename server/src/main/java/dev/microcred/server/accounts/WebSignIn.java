package dev.microcred.server.accounts;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.server.issuing.OpaqueTokens;
import dev.microcred.store.Account;
import dev.microcred.store.Database;
import dev.microcred.store.Store;
import dev.microcred.store.WebSession;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browser sessions and CSRF protection.
 *
 * <p>A session is a random cookie ({@value #SESSION_COOKIE}: {@code HttpOnly; SameSite=Lax; Path=/}, and
 * {@code Secure} when the server is reached over HTTPS) whose SHA-256 keys the {@code web_session} row; it lasts
 * {@link #SESSION_LIFETIME}. Each session has a random synchronizer token that every form carries in the field
 * {@value #CSRF_FIELD}; every web request that is not a GET, HEAD or OPTIONS must send it back. Before signing in, a
 * visitor gets a random pre-session cookie ({@value #ANONYMOUS_COOKIE}) and forms carry HMAC-SHA-256(key, cookie),
 * so that sign-in and the other public forms are protected too, without a database row per visitor. The machine APIs
 * ({@code /api/...}, {@code /issuers/{slug}/vcalm/...}) authenticate by bearer token only and never read these
 * cookies, so they need no CSRF token; the exceptions are the JSON APIs of the signed-in person's own data
 * ({@link #isSessionApi}: {@code /api/me/...}, {@code /api/employer/...}), which read the session cookie and take the
 * CSRF token in the {@value #CSRF_HEADER} header instead of a form field. Thread-safe.
 */
public final class WebSignIn {
    public static final String SESSION_COOKIE = "mc_session";
    public static final String ANONYMOUS_COOKIE = "mc_anon";
    public static final String CSRF_FIELD = "csrf";
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    static final String ATTRIBUTE = "microcred.visitor";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = LoggerFactory.getLogger(WebSignIn.class);

    private final Database db;
    private final Store store;
    private final AccountDirectory accounts;
    private final SecretKeySpec csrfKey;
    private final boolean secure;
    private final Clock clock;

    /**
     * @param csrfKeyMaterial secret bytes (32 or more) from which the pre-session token key is derived; the same on
     *     every node
     * @param secure whether cookies are marked {@code Secure} (the public base URL is HTTPS)
     */
    public WebSignIn(Database db, Store store, AccountDirectory accounts, byte[] csrfKeyMaterial, boolean secure,
                     Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        if (csrfKeyMaterial.length < 32) {
            throw new IllegalArgumentException("the CSRF key material must have at least 32 bytes");
        }
        MessageDigest sha = sha256();
        sha.update("microcred pre-session csrf v1\0".getBytes(StandardCharsets.US_ASCII));
        this.csrfKey = new SecretKeySpec(sha.digest(csrfKeyMaterial), "HmacSHA256");
        this.secure = secure;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether a request must carry a CSRF token: a web request that may change something. */
    public static boolean needsCsrf(Context ctx) {
        String path = ctx.path();
        return !SAFE_METHODS.contains(ctx.method().name()) && !path.startsWith("/api/")
                && !(path.startsWith("/issuers/") && path.contains("/vcalm/"));
    }

    /**
     * Whether {@code path} is a JSON API of the signed-in person's own data ({@code /api/me/...} for learners,
     * {@code /api/employer/...} for employers): it authenticates by the session cookie like a page, and a request that
     * may change something must send the session's CSRF token in the {@value #CSRF_HEADER} header (every answer of
     * these APIs carries it in the same header).
     */
    public static boolean isSessionApi(String path) {
        return path.startsWith("/api/me/") || path.startsWith("/api/employer/");
    }

    /** The header that carries the CSRF token on {@link #isSessionApi session APIs}. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /**
     * Works out who makes the request (from the session cookie), remembers it for {@link #visitor}, gives an
     * anonymous visitor a pre-session cookie when it has none, and checks the CSRF token of unsafe web requests.
     *
     * @throws MicrocredException {@code FORBIDDEN} for a missing or wrong CSRF token
     */
    public void before(Context ctx) {
        boolean sessionApi = isSessionApi(ctx.path());
        boolean machine = (ctx.path().startsWith("/api/") && !sessionApi) || ctx.path().contains("/vcalm/");
        Visitor visitor = machine ? Visitor.anonymous("") : resolve(ctx);
        ctx.attribute(ATTRIBUTE, visitor);
        if (sessionApi) {
            if (visitor.signedIn()) {
                ctx.header(CSRF_HEADER, visitor.csrfToken());
            }
            String sent = ctx.header(CSRF_HEADER);
            if (visitor.signedIn() && !SAFE_METHODS.contains(ctx.method().name()) && (sent == null
                    || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    visitor.csrfToken().getBytes(StandardCharsets.UTF_8)))) {
                LOG.info("csrf check failed account={}", visitor.account().id());
                throw new MicrocredException(Problem.FORBIDDEN, "send the session's CSRF token in the " + CSRF_HEADER
                        + " header (every answer of this API carries it)");
            }
            return;
        }
        if (needsCsrf(ctx)) {
            String sent = ctx.formParam(CSRF_FIELD);
            if (visitor.csrfToken().isEmpty() || sent == null || !MessageDigest.isEqual(
                    sent.getBytes(StandardCharsets.UTF_8), visitor.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                LOG.info("csrf check failed account={}", visitor.signedIn() ? visitor.account().id() : "(anonymous)");
                throw new MicrocredException(Problem.FORBIDDEN,
                        "the form is out of date or was not sent by this site: reload the page and try again");
            }
        }
    }

    /** The visitor {@link #before} found for this request. */
    public static Visitor visitor(Context ctx) {
        Visitor v = ctx.attribute(ATTRIBUTE);
        if (v == null) {
            throw new IllegalStateException("WebSignIn.before did not run for this request");
        }
        return v;
    }

    private Visitor resolve(Context ctx) {
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie != null && !cookie.isBlank() && cookie.length() < 200) {
            Instant now = clock.instant();
            Optional<WebSession> session = db.read(c -> store.sessions().find(c, OpaqueTokens.hash(cookie), now));
            if (session.isPresent()) {
                Optional<Account> account = db.read(c -> store.accounts().byId(c, session.get().accountId()));
                if (account.isPresent()) {
                    return new Visitor(account.get(), session.get().tokenHash(),
                            accounts.memberships(account.get().id()), session.get().csrfToken());
                }
            }
        }
        String anonymous = ctx.cookie(ANONYMOUS_COOKIE);
        if (anonymous == null || anonymous.length() < 40 || anonymous.length() > 100) {
            if (!SAFE_METHODS.contains(ctx.method().name())) {
                return Visitor.anonymous("");
            }
            anonymous = OpaqueTokens.create("anon");
            setCookie(ctx, ANONYMOUS_COOKIE, anonymous, -1);
        }
        return Visitor.anonymous(preSessionToken(anonymous));
    }

    /** Starts a session for {@code account}: a fresh cookie (never one the visitor brought) and CSRF token. */
    public void start(Context ctx, Account account) {
        String secret = OpaqueTokens.create("session");
        Instant now = clock.instant();
        WebSession session = new WebSession(OpaqueTokens.hash(secret), account.id(), OpaqueTokens.create("csrf"), now,
                now.plus(SESSION_LIFETIME));
        db.inTransaction(c -> {
            store.sessions().deleteExpired(c, now);
            store.sessions().insert(c, session);
            return null;
        });
        setCookie(ctx, SESSION_COOKIE, secret, SESSION_LIFETIME.toSeconds());
        setCookie(ctx, ANONYMOUS_COOKIE, "", 0);
        LOG.info("signed in account={}", account.id());
    }

    /** Ends the visitor's session (its row and its cookie). */
    public void end(Context ctx, Visitor visitor) {
        if (visitor.sessionHash() != null) {
            db.inTransaction(c -> {
                store.sessions().delete(c, visitor.sessionHash());
                return null;
            });
            LOG.info("signed out account={}", visitor.account().id());
        }
        setCookie(ctx, SESSION_COOKIE, "", 0);
    }

    String preSessionToken(String anonymousCookie) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(csrfKey);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(anonymousCookie.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) {
            c.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secure) {
            c.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", c.toString());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
