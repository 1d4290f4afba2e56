package org.convene.programme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void formatting_lists_and_links_come_through() {
        String html = renderer.toSafeHtml("""
                Some **bold** and *gentle* words.

                - one
                - two

                1. first

                > a quote

                See [our guide](https://example.org/guide) or [email us](mailto:hello@example.org).
                """);

        assertThat(html)
                .contains("<strong>bold</strong>", "<em>gentle</em>", "<ul>", "<li>one</li>", "<ol>",
                        "<blockquote>")
                .contains("href=\"https://example.org/guide\"", "href=\"mailto:hello&#64;example.org\"")
                // the sanitizer does not promise an order for the rel tokens
                .containsPattern("rel=\"(nofollow noopener|noopener nofollow)\"");
    }

    @Test
    void headings_start_below_the_page_own_headings() {
        String html = renderer.toSafeHtml("# Big\n\n## Smaller\n\n###### Tiny");

        assertThat(html).contains("<h3>Big</h3>", "<h4>Smaller</h4>", "<h6>Tiny</h6>").doesNotContain("<h1", "<h2");
    }

    @Test
    void script_tags_are_not_let_through() {
        String html = renderer.toSafeHtml("Hello <script>alert('x')</script>\n\n<script>document.cookie</script>");

        assertThat(html).doesNotContain("<script").contains("Hello");
    }

    @Test
    void event_handler_attributes_are_not_let_through() {
        String html = renderer.toSafeHtml("<img src=x onerror=alert(1)>\n\nText <b onmouseover=\"alert(1)\">bold</b>");

        assertThat(html).doesNotContain("<img").doesNotContain("onerror=").doesNotContain("onmouseover=")
                .doesNotContain("<b ");
    }

    @Test
    void javascript_and_data_links_lose_their_target() {
        String html = renderer.toSafeHtml("[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)"
                + " [vb](vbscript:msgbox) [spaced](JaVaScRiPt:alert(1))");

        assertThat(html.toLowerCase()).doesNotContain("javascript:").doesNotContain("data:").doesNotContain("vbscript:");
        assertThat(html).contains("click", "data", "vb", "spaced").doesNotContain("<a");
    }

    @Test
    void iframes_and_other_raw_html_are_not_let_through() {
        String html = renderer.toSafeHtml("""
                <iframe src="https://evil.example.org"></iframe>

                <div style="position:fixed">overlay</div>

                <a href="https://example.org" target="_blank" onclick="x()">raw link</a>

                <style>body{display:none}</style>
                """);

        // Raw HTML is shown as harmless text, never as elements or attributes.
        assertThat(html).doesNotContain("<iframe", "<div", "<style", "<a ", "onclick=", "target=", "style=");
        assertThat(html).contains("&lt;iframe");
    }

    @Test
    void relative_links_are_kept_as_words_only() {
        assertThat(renderer.toSafeHtml("[our page](/admin) and [there](other)")).isEqualTo("<p>our page and there</p>");
    }

    @Test
    void images_keep_their_alt_text_as_plain_text() {
        String html = renderer.toSafeHtml("Our team: ![Five volunteers smiling](https://example.org/team.jpg)");

        assertThat(html).contains("Five volunteers smiling").doesNotContain("<img");
    }

    @Test
    void empty_summary_renders_nothing() {
        assertThat(renderer.toSafeHtml("")).isEmpty();
        assertThat(renderer.toSafeHtml(null)).isEmpty();
    }
}
