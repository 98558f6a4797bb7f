package dev.microcred.server.web;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.store.Issuer;
import java.util.ArrayList;
import java.util.List;

/** The front page: what microcred is, the issuers on this server, and the way to verify. */
public final class HomePage {
    private HomePage() {
    }

    public static String render(List<Issuer> issuers, List<Html> menu) {
        List<Html> items = new ArrayList<>();
        for (Issuer i : issuers) {
            items.add(el("li", el("strong", i.name()), el("span", List.of(attr("class", "muted")),
                    Html.text(" " + i.did()))));
        }
        return Layout.page("Verifiable micro-credentials", menu, Html.join(
                el("section", List.of(attr("class", "card")), el("h1", "Verifiable micro-credentials"),
                        el("p", Html.text("Issue, hold and verify Open Badges 3.0 credentials. Every credential can be"
                                + " checked by anyone, with every step explained.")),
                        el("p", el("a", List.of(attr("href", "/verify")), Html.text("Verify a credential \u2192")))),
                el("section", List.of(attr("class", "card")), el("h2", "Issuers on this server"),
                        items.isEmpty() ? el("p", List.of(attr("class", "muted")), Html.text("None yet."))
                                : el("ul", Html.join(items)))));
    }
}
