package dev.microcred.server.web;

import java.util.Set;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown (CommonMark) rendered safely: raw HTML in the source is escaped, never passed through; link and image
 * URLs other than {@code http}, {@code https} and {@code mailto} are dropped; links get
 * {@code rel="nofollow noopener"}; images are not rendered as images (the page's CSP would block them anyway) but as
 * their text. Input longer than {@link #MAX_INPUT} characters is refused by the caller's validation. Thread-safe.
 */
public final class Markdown {
    public static final int MAX_INPUT = 10_000;
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener");
                }
            })
            .nodeRendererFactory(context -> new NodeRenderer() {
                @Override
                public Set<Class<? extends Node>> getNodeTypes() {
                    return Set.of(Image.class);
                }

                @Override
                public void render(Node node) {
                    Image image = (Image) node;
                    context.getWriter().text("[image: " + (image.getTitle() == null ? image.getDestination()
                            : image.getTitle()) + "]");
                }
            })
            .build();

    private Markdown() {
    }

    /** The HTML of {@code markdown}, safe to place in a page. */
    public static Html render(String markdown) {
        return Html.trusted(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }
}
