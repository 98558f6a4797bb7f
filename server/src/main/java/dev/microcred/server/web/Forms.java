package dev.microcred.server.web;

import static dev.microcred.server.web.Html.attr;
import static dev.microcred.server.web.Html.el;

import dev.microcred.server.web.Html.Attr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Form controls that carry their label and, for forms that post, the CSRF token (field {@code csrf}). Values are
 * escaped like every other text. Stateless.
 */
public final class Forms {
    private Forms() {
    }

    /** The hidden CSRF field. */
    public static Html csrf(String token) {
        return el("input", List.of(attr("type", "hidden"), attr("name", "csrf"), attr("value", token)));
    }

    /** A form that posts to {@code action} with the CSRF field first. */
    public static Html post(String action, String csrfToken, List<Attr> attrs, Html... children) {
        List<Attr> all = new ArrayList<>(List.of(attr("method", "post"), attr("action", action)));
        all.addAll(attrs);
        List<Html> content = new ArrayList<>();
        content.add(csrf(csrfToken));
        content.addAll(List.of(children));
        return el("form", all, Html.join(content));
    }

    /** A one-button form (sign out, archive, revoke) with hidden fields. */
    public static Html button(String action, String csrfToken, String label, Map<String, String> hidden) {
        List<Html> fields = new ArrayList<>();
        hidden.forEach((k, v) -> fields.add(el("input", List.of(attr("type", "hidden"), attr("name", k),
                attr("value", v)))));
        fields.add(el("button", List.of(attr("type", "submit")), Html.text(label)));
        return post(action, csrfToken, List.of(attr("class", "inline")), Html.join(fields));
    }

    /** A labelled input. */
    public static Html input(String label, String name, String type, String value, Attr... extra) {
        List<Attr> attrs = new ArrayList<>(List.of(attr("id", "f-" + name), attr("name", name),
                attr("type", type), attr("value", value)));
        attrs.addAll(List.of(extra));
        return Html.join(el("label", List.of(attr("for", "f-" + name)), Html.text(label)), el("input", attrs));
    }

    /** A labelled text area. */
    public static Html textarea(String label, String name, String value, Attr... extra) {
        List<Attr> attrs = new ArrayList<>(List.of(attr("id", "f-" + name), attr("name", name)));
        attrs.addAll(List.of(extra));
        return Html.join(el("label", List.of(attr("for", "f-" + name)), Html.text(label)),
                el("textarea", attrs, Html.text(value == null ? "" : value)));
    }

    /** A labelled select; {@code options} maps values to labels, in order. */
    public static Html select(String label, String name, Map<String, String> options, String selected) {
        List<Html> opts = new ArrayList<>();
        options.forEach((value, text) -> opts.add(el("option", List.of(attr("value", value),
                attr("selected", value.equals(selected) ? "selected" : null)), Html.text(text))));
        return Html.join(el("label", List.of(attr("for", "f-" + name)), Html.text(label)),
                el("select", List.of(attr("id", "f-" + name), attr("name", name)), Html.join(opts)));
    }

    /** A submit button. */
    public static Html submit(String label, Attr... extra) {
        List<Attr> attrs = new ArrayList<>(List.of(attr("type", "submit")));
        attrs.addAll(List.of(extra));
        return el("p", el("button", attrs, Html.text(label)));
    }

    /** An error message box, or nothing for a null message. */
    public static Html error(String message) {
        return message == null ? Html.empty()
                : el("p", List.of(attr("class", "verdict invalid"), attr("id", "error"), attr("role", "alert")),
                        Html.text(message));
    }
}
