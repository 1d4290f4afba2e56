package org.convene.mail;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailContentTest {

    /** Every character HTML gives a meaning to, in one value. */
    private static final String HOSTILE = "<b onclick=\"x()\">Tom & 'Jerry'</b>";
    private static final String ESCAPED = "&lt;b onclick=&quot;x()&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;";

    private static List<String> parts(String tag) {
        return List.of("heading " + tag, "paragraph " + tag, "fact label " + tag, "fact value " + tag,
                "action " + tag, "https://example.test/?a=1&b=" + tag, "list heading " + tag, "item " + tag,
                "links heading " + tag, "link " + tag, "https://example.test/link?" + tag, "why " + tag,
                "unsubscribe " + tag, "https://example.test/unsubscribe?" + tag);
    }

    private static MailContent everyPart(String tag) {
        List<String> p = parts(tag);
        return MailContent.builder("subject " + tag)
                .heading(p.get(0))
                .paragraph(p.get(1))
                .facts(List.of(new MailContent.Fact(p.get(2), p.get(3))))
                .action(p.get(4), p.get(5))
                .list(p.get(6), List.of(p.get(7)))
                .links(p.get(8), List.of(new MailContent.Fact(p.get(9), p.get(10))))
                .why(p.get(11))
                .unsubscribe(p.get(12), p.get(13))
                .build();
    }

    @Test
    void every_part_is_escaped_in_the_html() {
        MailContent content = everyPart(HOSTILE);

        assertThat(content.html()).doesNotContain(HOSTILE).doesNotContain("onclick=\"").doesNotContain("'Jerry'");
        assertThat(content.html()).contains("<title>subject " + ESCAPED + "</title>");
        for (String part : parts(HOSTILE)) {
            assertThat(content.html()).as("escaped in the HTML").contains(part.replace(HOSTILE, ESCAPED)
                    .replace("&b=", "&amp;b="));
        }
    }

    @Test
    void the_plain_text_keeps_every_part_as_it_was_written() {
        MailContent content = everyPart(HOSTILE);

        assertThat(content.subject()).isEqualTo("subject " + HOSTILE);
        for (String part : parts(HOSTILE)) {
            assertThat(content.text()).as("in the text").contains(part);
        }
    }

    @Test
    void text_and_html_say_the_same_things_in_the_same_order() {
        MailContent content = everyPart("part");

        // a link's address comes before its words in HTML (href), after them in the text: compare the words
        List<String> parts = parts("part").stream().filter(p -> !p.startsWith("https:")).toList();
        for (String address : parts("part").stream().filter(p -> p.startsWith("https:")).toList()) {
            assertThat(content.text()).contains(address);
            assertThat(content.html()).contains(MailContent.escape(address));
        }
        int lastText = -1;
        int lastHtml = -1;
        for (String part : parts) {
            int inText = content.text().indexOf(part, lastText + 1);
            int inHtml = content.html().indexOf(MailContent.escape(part), lastHtml + 1);
            assertThat(inText).as("text has %s after the part before", part).isGreaterThan(lastText);
            assertThat(inHtml).as("HTML has %s after the part before", part).isGreaterThan(lastHtml);
            lastText = inText;
            lastHtml = inHtml;
        }
    }

    @Test
    void each_special_character_has_its_entity() {
        assertThat(MailContent.escape("< > & \" '")).isEqualTo("&lt; &gt; &amp; &quot; &#39;");
        assertThat(MailContent.escape("plain words, é and ü")).isEqualTo("plain words, é and ü");
    }

    @Test
    void a_message_must_say_why_it_was_sent() {
        assertThatThrownBy(() -> MailContent.builder("Hello").paragraph("Hi").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("why");
    }

    @Test
    void a_subject_is_one_line() {
        assertThatThrownBy(() -> MailContent.builder("Hello\r\nBcc: someone@example.test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailContent.builder("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_a_heading_the_subject_is_the_heading() {
        MailContent content = MailContent.builder("Your reminder").why("You asked for it.").build();

        assertThat(content.text()).startsWith("Your reminder\n\n");
        assertThat(content.html()).contains("<h1 style=\"font-size: 26px;\">Your reminder</h1>");
    }
}
