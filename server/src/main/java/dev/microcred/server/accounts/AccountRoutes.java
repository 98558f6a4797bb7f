package dev.microcred.server.accounts;

import static dev.microcred.server.accounts.Page.card;
import static dev.microcred.server.accounts.Page.link;
import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.server.Platform;
import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.store.Account;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.Outbox;
import dev.microcred.store.OutboxMail;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The account pages: sign-up, sign-in, sign-out, password reset, the account overview, and the platform admin's
 * pages (accounts and issuer memberships, the mail outbox).
 */
public final class AccountRoutes {
    private final Platform p;
    private final AccountDirectory accounts;
    private final WebSignIn signIn;

    public AccountRoutes(Platform platform, AccountDirectory accounts, WebSignIn signIn) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
    }

    public void register(Javalin app) {
        app.get("/login", ctx -> loginPage(ctx, 200, null));
        app.post("/login", this::login);
        app.get("/signup", ctx -> signupPage(ctx, 200, null, "", ""));
        app.post("/signup", this::signup);
        app.post("/logout", this::logout);
        app.get("/password/forgot", ctx -> forgotPage(ctx, null));
        app.post("/password/forgot", this::forgot);
        app.get("/password/reset/{token}", ctx -> resetPage(ctx, 200, null));
        app.post("/password/reset/{token}", this::reset);
        app.get("/account", this::account);
        app.get("/admin", this::admin);
        app.post("/admin/memberships", this::setMembership);
        app.get("/admin/outbox", this::outbox);
    }

    private void loginPage(Context ctx, int status, String error) {
        Visitor v = WebSignIn.visitor(ctx);
        String next = safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next"));
        Page.send(ctx, status, "Sign in", card(el("h1", "Sign in"), Forms.error(error),
                Forms.post("/login", v.csrfToken(), List.of(attr("id", "login")),
                        el("input", List.of(attr("type", "hidden"), attr("name", "next"), attr("value", next))),
                        Forms.input("Email", "email", "email", ctx.formParam("email"), attr("required", "required"),
                                attr("autocomplete", "username")),
                        Forms.input("Password", "password", "password", null, attr("required", "required"),
                                attr("autocomplete", "current-password")),
                        Forms.submit("Sign in")),
                el("p", link("/password/forgot", "Forgot your password?"), Html.text(" \u00b7 "),
                        link("/signup", "Create an account"))));
    }

    private void login(Context ctx) {
        try {
            Account a = accounts.authenticate(ctx.formParam("email"), chars(ctx.formParam("password")), ctx.ip());
            signIn.start(ctx, a);
            ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
        } catch (MicrocredException e) {
            if (e.problem() != Problem.UNAUTHENTICATED && e.problem() != Problem.TOO_MANY_REQUESTS) {
                throw e;
            }
            if (e.problem() == Problem.TOO_MANY_REQUESTS) {
                ctx.header("Retry-After", "900");
            }
            loginPage(ctx, e.problem().httpStatus(), e.getMessage());
        }
    }

    private void signupPage(Context ctx, int status, String error, String email, String name) {
        Visitor v = WebSignIn.visitor(ctx);
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(Roles.LEARNER, "Learner: I receive and share credentials");
        roles.put(Roles.VERIFIER, "Employer or verifier: I check credentials");
        Page.send(ctx, status, "Create an account", card(el("h1", "Create an account"), Forms.error(error),
                Forms.post("/signup", v.csrfToken(), List.of(attr("id", "signup")),
                        el("input", List.of(attr("type", "hidden"), attr("name", "next"), attr("value",
                                signupNext(ctx)))),
                        Forms.input("Email", "email", "email", email, attr("required", "required")),
                        Forms.input("Name", "name", "text", name, attr("required", "required"),
                                attr("maxlength", "200")),
                        Forms.input("Password (at least " + AccountDirectory.MIN_PASSWORD + " characters)",
                                "password", "password", null, attr("required", "required"),
                                attr("autocomplete", "new-password")),
                        Forms.select("I am", "role", roles, ctx.formParam("role")),
                        Forms.submit("Create account"))));
    }

    private void signup(Context ctx) {
        String chosen = Objects.requireNonNullElse(ctx.formParam("role"), Roles.LEARNER);
        String role = Roles.SELF_SERVICE.contains(chosen) ? chosen : Roles.LEARNER;
        try {
            Account a = accounts.signUp(ctx.formParam("email"), ctx.formParam("name"),
                    chars(ctx.formParam("password")), role);
            signIn.start(ctx, a);
            ctx.redirect(signupNext(ctx), HttpStatus.SEE_OTHER);
        } catch (MicrocredException e) {
            if (e.problem() != Problem.INVALID_REQUEST && e.problem() != Problem.CONFLICT) {
                throw e;
            }
            signupPage(ctx, e.problem().httpStatus(), e.problem() == Problem.CONFLICT
                    ? "This email already has an account: sign in, or reset the password." : e.getMessage(),
                    ctx.formParam("email"), ctx.formParam("name"));
        }
    }

    private void logout(Context ctx) {
        signIn.end(ctx, WebSignIn.visitor(ctx));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void forgotPage(Context ctx, String message) {
        Visitor v = WebSignIn.visitor(ctx);
        Page.send(ctx, 200, "Reset your password", card(el("h1", "Reset your password"),
                message == null ? Html.empty() : el("p", List.of(attr("class", "verdict valid"), attr("id", "sent")),
                        Html.text(message)),
                Forms.post("/password/forgot", v.csrfToken(), List.of(attr("id", "forgot")),
                        Forms.input("Email", "email", "email", null, attr("required", "required")),
                        Forms.submit("Mail me a reset link"))));
    }

    private void forgot(Context ctx) {
        accounts.requestReset(ctx.formParam("email"));
        forgotPage(ctx, "If an account has this email, a link to choose a new password is on its way. It works once,"
                + " within the hour.");
    }

    private void resetPage(Context ctx, int status, String error) {
        if (!accounts.isResetUsable(ctx.pathParam("token"))) {
            throw new MicrocredException(Problem.NOT_FOUND, "this reset link is unknown, used or expired: ask for a"
                    + " new one");
        }
        Visitor v = WebSignIn.visitor(ctx);
        Page.send(ctx, status, "Choose a new password", card(el("h1", "Choose a new password"), Forms.error(error),
                Forms.post("/password/reset/" + ctx.pathParam("token"), v.csrfToken(), List.of(attr("id", "reset")),
                        Forms.input("New password (at least " + AccountDirectory.MIN_PASSWORD + " characters)",
                                "password", "password", null, attr("required", "required"),
                                attr("autocomplete", "new-password")),
                        Forms.submit("Set the password"))));
    }

    private void reset(Context ctx) {
        try {
            accounts.resetPassword(ctx.pathParam("token"), chars(ctx.formParam("password")));
        } catch (MicrocredException e) {
            if (e.problem() != Problem.INVALID_REQUEST) {
                throw e;
            }
            resetPage(ctx, 400, e.getMessage());
            return;
        }
        ctx.redirect("/login?next=/account", HttpStatus.SEE_OTHER);
    }

    private void account(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        Account a = v.require();
        List<Html> memberships = new ArrayList<>();
        for (Membership m : v.memberships()) {
            Issuer issuer = p.db().read(c -> p.store().issuers().byId(c, m.issuerId())).orElseThrow();
            memberships.add(el("li", link("/console/" + issuer.slug(), issuer.name()),
                    Html.text(" (" + m.role() + ")")));
        }
        Page.send(ctx, 200, "Your account", card(el("h1", "Your account"),
                el("dl", el("dt", "Name"), el("dd", List.of(attr("id", "name")), Html.text(a.displayName())),
                        el("dt", "Email"), el("dd", a.email()),
                        el("dt", "Roles"), el("dd", List.of(attr("id", "roles")),
                                Html.text(String.join(", ", a.roles().stream().sorted().toList())))),
                memberships.isEmpty() ? Html.empty()
                        : Html.join(el("h2", "Issuers you work for"), el("ul", List.of(attr("id", "memberships")),
                                Html.join(memberships)))));
    }

    private void admin(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        v.requirePlatformAdmin();
        List<Html> rows = new ArrayList<>();
        for (Account a : p.db().read(c -> p.store().accounts().all(c, 500))) {
            rows.add(el("tr", el("td", a.displayName()), el("td", a.email()),
                    el("td", String.join(", ", a.roles().stream().sorted().toList()))));
        }
        Map<String, String> issuers = new LinkedHashMap<>();
        p.issuers().all().forEach(i -> issuers.put(i.slug(), i.name()));
        Page.send(ctx, 200, "Platform admin", Html.join(
                card(el("h1", "Platform admin"), el("p", link("/admin/outbox", "Mail outbox"),
                        Html.text(" \u00b7 "), link("/admin/anchors", "Chain anchors"))),
                card(el("h2", "Issuer members"), Forms.post("/admin/memberships", v.csrfToken(),
                        List.of(attr("id", "membership")),
                        Forms.select("Issuer", "issuer", issuers, null),
                        Forms.input("Account email", "email", "email", null, attr("required", "required")),
                        Forms.select("Role", "role", Map.of(Membership.STAFF, "staff", Membership.ADMIN, "admin"),
                                Membership.STAFF),
                        Forms.submit("Add or change member"))),
                card(el("h2", "Accounts"), el("table", el("tr", el("th", "Name"), el("th", "Email"),
                        el("th", "Roles")), Html.join(rows)))));
    }

    private void setMembership(Context ctx) {
        Visitor v = WebSignIn.visitor(ctx);
        v.requirePlatformAdmin();
        Issuer issuer = p.issuers().require(Objects.requireNonNullElse(ctx.formParam("issuer"), ""));
        accounts.addMember(issuer, ctx.formParam("email"), ctx.formParam("role"));
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private void outbox(Context ctx) {
        WebSignIn.visitor(ctx).requirePlatformAdmin();
        boolean smtp = p.config().smtp() != null;
        List<OutboxMail> recent = p.db().read(c -> p.store().outbox().recent(c, 100));
        Map<String, Outbox.Delivery> deliveries = smtp ? p.db().read(c -> p.store().outbox().recentDeliveries(c, 100))
                : Map.of();
        List<Html> mails = new ArrayList<>();
        for (OutboxMail m : recent) {
            mails.add(el("article", List.of(attr("class", "card"), attr("data-kind", m.kind()), attr("data-mail",
                            m.id())),
                    el("p", List.of(attr("class", "muted")), Html.text(m.createdAt() + " \u00b7 " + m.kind()
                            + (m.sentAt() == null ? " \u00b7 not sent" : " \u00b7 sent"))),
                    smtp ? delivery(deliveries.get(m.id())) : Html.empty(),
                    el("p", Html.text("To: "), el("strong", m.recipient())),
                    el("h2", m.subject()),
                    el("pre", m.body())));
        }
        Page.send(ctx, 200, "Mail outbox", Html.join(card(el("h1", "Mail outbox"), el("p", List.of(attr("class",
                "muted")), Html.text("Every mail, newest first (the latest 100). With SMTP configured each is sent from"
                + " here and marked sent (failures are retried, each attempt shown with its time and error); without,"
                + " it stays here unsent."))),
                mails.isEmpty() ? card(el("p", "No mail.")) : Html.join(mails)));
    }

    /**
     * A mail's SMTP delivery attempts: how many, the last one's time, the last error (its class and SMTP code, never
     * an address) and, while unsent, when it is tried again.
     */
    private static Html delivery(Outbox.Delivery d) {
        if (d == null) {
            return Html.empty();
        }
        List<Html> parts = new ArrayList<>();
        parts.add(el("dt", "Delivery attempts"));
        parts.add(el("dd", List.of(attr("class", "attempts")), Html.text(d.attemptsMade() + (d.sentAt() == null
                ? "" : " (the last one sent it)"))));
        parts.add(el("dt", "Last attempt"));
        parts.add(el("dd", List.of(attr("class", "last-attempt")), Html.text(d.lastAttemptAt() == null
                ? "none yet" : d.lastAttemptAt().toString())));
        if (d.lastError() != null) {
            parts.add(el("dt", "Last error"));
            parts.add(el("dd", List.of(attr("class", "last-error")), Html.text(d.lastError())));
        }
        if (d.sentAt() == null && d.attempts() > 0 && d.nextAttemptAt() != null) {
            parts.add(el("dt", "Next attempt"));
            parts.add(el("dd", List.of(attr("class", "next-attempt")), Html.text(d.nextAttemptAt().toString())));
        }
        return el("dl", List.of(attr("class", "delivery"), attr("data-attempts", Integer.toString(d.attemptsMade()))),
                Html.join(parts));
    }

    /** A local path to go to after signing in; anything else (other hosts, schemes) becomes {@code /account}. */
    /** Where a new account goes after signing up: the page it came from (such as a claim link), else its account. */
    private static String signupNext(Context ctx) {
        return safeNext(ctx.queryParam("next") != null ? ctx.queryParam("next") : ctx.formParam("next"));
    }

    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.length() > 500 || next.chars().anyMatch(ch -> ch < 0x21)) {
            return "/account";
        }
        return next;
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }
}
