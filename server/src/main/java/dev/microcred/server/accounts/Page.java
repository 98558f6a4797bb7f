package dev.microcred.server.accounts;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.server.web.Forms;
import dev.microcred.server.web.Html;
import dev.microcred.server.web.InlineScript;
import dev.microcred.server.web.Layout;
import dev.microcred.server.web.WebRoutes;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sends pages framed for the visitor: the header menu shows their account, or the sign-in links. Stateless. */
public final class Page {
    private Page() {
    }

    /** Answers {@code status} with a page titled {@code title} around {@code content}. */
    public static void send(Context ctx, int status, String title, Html content) {
        WebRoutes.html(ctx, status, Layout.page(title, menu(WebSignIn.visitor(ctx)), content));
    }

    /** As {@link #send(Context, int, String, Html)}, with {@code footerNote} in the footer (such as an attribution). */
    public static void send(Context ctx, int status, String title, Html content, Html footerNote) {
        WebRoutes.html(ctx, status, Layout.page(title, menu(WebSignIn.visitor(ctx)), content, footerNote));
    }

    /** As {@link #send(Context, int, String, Html)}, for a page that runs {@code script} (inline, by its hash). */
    public static void send(Context ctx, int status, String title, Html content, InlineScript script) {
        WebRoutes.html(ctx, status, Layout.page(title, menu(WebSignIn.visitor(ctx)), Html.join(content,
                script.element())), script.contentSecurityPolicy());
    }

    /** The header menu for {@code v}. */
    public static List<Html> menu(Visitor v) {
        List<Html> items = new ArrayList<>();
        if (!v.signedIn()) {
            items.add(link("/login", "Sign in"));
            items.add(link("/signup", "Sign up"));
            return items;
        }
        if (v.isPlatformAdmin() || !v.memberships().isEmpty()) {
            items.add(link("/console", "Issuer console"));
        }
        if (v.account().roles().contains(Roles.LEARNER)) {
            items.add(link("/wallet", "Wallet"));
        }
        if (v.account().roles().contains(Roles.VERIFIER)) {
            items.add(link("/employer", "Employer"));
        }
        if (v.isPlatformAdmin()) {
            items.add(link("/admin", "Admin"));
        }
        items.add(el("a", List.of(attr("href", "/account"), attr("id", "account-menu")),
                Html.text(v.account().displayName())));
        items.add(Forms.button("/logout", v.csrfToken(), "Sign out", Map.of()));
        return items;
    }

    static Html link(String href, String text) {
        return el("a", List.of(attr("href", href)), Html.text(text));
    }

    /** A card section. */
    public static Html card(Html... children) {
        return el("section", List.of(attr("class", "card")), children);
    }
}
