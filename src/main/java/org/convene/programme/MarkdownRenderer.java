package org.convene.programme;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Turns a session summary written in Markdown by hosts into HTML that is safe to put in a page.
 * Two layers: commonmark escapes any raw HTML and drops unsafe link schemes, then the OWASP sanitizer
 * keeps only formatting, lists, headings and http(s)/mailto links, so a bug or a new feature in one
 * layer cannot let script through on its own.
 */
@Component
public class MarkdownRenderer {

    /**
     * Summaries sit under the page's H1 and an H2 section heading, so a host's "# Heading" becomes an H3
     * and the page keeps one H1 and headings in order.
     */
    static final int FIRST_HEADING_LEVEL = 3;

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "hr",
                    "ul", "ol", "li", "h3", "h4", "h5", "h6", "a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        document.accept(new Adjustments());
        return POLICY.sanitize(renderer.render(document)).strip();
    }

    private static final class Adjustments extends AbstractVisitor {

        @Override
        public void visit(Heading heading) {
            heading.setLevel(Math.min(6, heading.getLevel() + FIRST_HEADING_LEVEL - 1));
            visitChildren(heading);
        }

        /**
         * A link to anything but a web page or an email address loses its target but keeps its words:
         * an empty link would take the reader back to the same page and puzzle them.
         */
        @Override
        public void visit(Link link) {
            visitChildren(link);
            String destination = link.getDestination() == null ? "" : link.getDestination().strip()
                    .toLowerCase(Locale.ROOT);
            if (!(destination.startsWith("https://") || destination.startsWith("http://")
                    || destination.startsWith("mailto:"))) {
                Node child = link.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    link.insertBefore(child);
                    child = next;
                }
                link.unlink();
            }
        }

        /** Images are not allowed through, but their alt text is content: keep it as plain text. */
        @Override
        public void visit(Image image) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            if (!alt.isEmpty()) {
                image.insertBefore(new Text(alt.toString()));
            }
            image.unlink();
        }
    }
}
