package dev.microcred.server.web;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import java.util.List;

/** The page frame: head with the inline stylesheet, header with navigation, main content, footer. */
public final class Layout {
    /** Served with every page: no scripts, styles inline, forms and images from this origin only. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Html STYLE = Html.trusted("""
            <style>
            :root{--ink:#1d2430;--muted:#5b6677;--line:#d9dee7;--ok:#17663a;--okbg:#e4f4ea;--bad:#9b1c1c;
            --badbg:#fbe8e8;--warn:#7a5200;--warnbg:#fdf3d8;--accent:#2a4d9b}
            *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;
            color:var(--ink);background:#f6f7fa}header{background:#fff;border-bottom:1px solid var(--line)}
            header nav{max-width:60rem;margin:auto;padding:.8rem 1rem;display:flex;gap:1.2rem;align-items:center}
            header a{color:var(--ink);text-decoration:none}header .brand{font-weight:700;margin-right:auto}
            main{max-width:60rem;margin:1.5rem auto;padding:0 1rem}.card{background:#fff;border:1px solid var(--line);
            border-radius:10px;padding:1.2rem 1.4rem;margin-bottom:1.2rem}h1{font-size:1.6rem;margin:.2rem 0 .6rem}
            h2{font-size:1.15rem;margin:.2rem 0 .6rem}.muted{color:var(--muted)}.verdict{font-weight:700;
            padding:.6rem 1rem;border-radius:8px}.valid{background:var(--okbg);color:var(--ok)}.invalid{background:
            var(--badbg);color:var(--bad)}.warning{background:var(--warnbg);color:var(--warn)}ol.checks{padding-left:
            1.2rem}ol.checks li{margin:.3rem 0}.tag{display:inline-block;border:1px solid var(--line);border-radius:
            999px;padding:0 .6rem;margin:0 .3rem .3rem 0;font-size:.9rem}dl{display:grid;grid-template-columns:
            max-content 1fr;gap:.3rem 1rem}dt{color:var(--muted)}dd{margin:0}textarea{width:100%;min-height:10rem;
            font:13px/1.4 ui-monospace,monospace}button{background:var(--accent);color:#fff;border:0;border-radius:6px;
            padding:.5rem 1rem;font-size:1rem}button.link{background:none;color:var(--accent);padding:0}
            label{display:block;margin:.6rem 0 .2rem;font-weight:600}input,select{font-size:1rem;padding:.35rem;width:100%;
            max-width:32rem}input[type=checkbox]{width:auto}table{border-collapse:collapse;width:100%}td,th{text-align:left;
            padding:.35rem .5rem;border-bottom:1px solid var(--line)}form.inline{display:inline}.error{color:var(--bad)}pre{white-space:pre-wrap;word-break:break-word}
            figure.qr{margin:.4rem 0}figure.qr svg{display:block;width:180px;height:180px}
            progress{width:100%;height:1.4rem}.counts{display:flex;gap:1.4rem;flex-wrap:wrap}
            footer{max-width:60rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.85rem}
            </style>""");

    private static final List<Html> SIGN_IN = List.of(el("a", List.of(attr("href", "/login")), Html.text("Sign in")));

    private Layout() {
    }

    /** A whole page, with the sign-in link in its header. */
    public static String page(String title, Html content) {
        return page(title, SIGN_IN, content, Html.empty());
    }

    /** A whole page whose header ends with {@code menu} (links and forms of the visitor's account). */
    public static String page(String title, List<Html> menu, Html content) {
        return page(title, menu, content, Html.empty());
    }

    /** A whole page: header with {@code menu}, {@code content}, and a footer that also holds {@code footerNote}. */
    public static String page(String title, List<Html> menu, Html content, Html footerNote) {
        Html head = el("head", el("meta", List.of(attr("charset", "utf-8"))),
                el("meta", List.of(attr("name", "viewport"), attr("content", "width=device-width,initial-scale=1"))),
                el("title", title + " · microcred"), STYLE);
        Html header = el("header", el("nav",
                el("a", List.of(attr("class", "brand"), attr("href", "/")), Html.text("microcred")),
                el("a", List.of(attr("href", "/skills")), Html.text("Skills")),
                el("a", List.of(attr("href", "/verify")), Html.text("Verify a credential")), Html.join(menu)));
        Html footer = el("footer", Html.text("microcred: open-source verifiable micro-credentials (Open Badges 3.0,"
                + " W3C Verifiable Credentials 2.0)."), footerNote);
        return "<!doctype html>" + el("html", List.of(attr("lang", "en")), head,
                el("body", header, el("main", content), footer)).render();
    }
}
