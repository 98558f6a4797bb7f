package dev.microcred.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    @Test
    void rendersCommonMark() {
        assertThat(Markdown.render("Pass the **final** test:\n\n- one\n- two").render())
                .contains("<strong>final</strong>").contains("<li>one</li>");
    }

    @Test
    void escapesRawHtmlInsteadOfPassingItThrough() {
        String html = Markdown.render("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>").render();
        assertThat(html).doesNotContain("<script").doesNotContain("<img").contains("&lt;script&gt;");
    }

    @Test
    void dropsUnsafeLinkSchemesAndMarksLinksNofollow() {
        String html = Markdown.render("[a](javascript:alert(1)) [b](https://example.org) ![c](https://x/y.png)")
                .render();
        assertThat(html).doesNotContain("javascript:").contains("href=\"https://example.org\"")
                .contains("rel=\"nofollow noopener\"").doesNotContain("<img").contains("[image: https://x/y.png]");
    }
}
