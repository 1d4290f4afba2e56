package org.convene.mail;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A message's subject, plain-text part and HTML part, written once from the same parts so the two always say the
 * same. The HTML is simple and semantic (a heading, paragraphs, a list of facts, one large link), readable with
 * images and styles off and by a screen reader; every message ends by saying why it was sent.
 * <p>
 * Build one with {@link #builder(String)}: {@code heading}, then {@code paragraph}, {@code facts}, {@code action}
 * and {@code list} in reading order, then {@code why} (required) and, for messages that can be turned off,
 * {@code unsubscribe}.
 */
public record MailContent(String subject, String text, String html) {

    public static Builder builder(String subject) {
        return new Builder(subject);
    }

    /** One labelled fact ("When", "Tuesday 3 June, 10:00 to 11:30 (London time)"). */
    public record Fact(String label, String value) {
    }

    private sealed interface Part {
    }

    private record Paragraph(String text) implements Part {
    }

    private record Facts(List<Fact> facts) implements Part {
    }

    private record Action(String label, String url) implements Part {
    }

    private record Items(@Nullable String heading, List<String> items) implements Part {
    }

    private record LinkItems(@Nullable String heading, List<Fact> links) implements Part {
    }

    public static final class Builder {

        private final String subject;
        private @Nullable String heading;
        private final List<Part> parts = new ArrayList<>();
        private @Nullable String why;
        private @Nullable String unsubscribeLabel;
        private @Nullable String unsubscribeUrl;

        private Builder(String subject) {
            if (subject.isBlank() || subject.contains("\n") || subject.contains("\r")) {
                throw new IllegalArgumentException("A subject is one line of text");
            }
            this.subject = subject.strip();
        }

        /** The message's main heading; the subject when not given. */
        public Builder heading(String heading) {
            this.heading = heading;
            return this;
        }

        public Builder paragraph(String text) {
            parts.add(new Paragraph(text));
            return this;
        }

        public Builder facts(List<Fact> facts) {
            parts.add(new Facts(List.copyOf(facts)));
            return this;
        }

        /** The one large link the message is about ("Join the session", "Choose a new password"). */
        public Builder action(String label, String url) {
            parts.add(new Action(label, url));
            return this;
        }

        public Builder list(@Nullable String heading, List<String> items) {
            parts.add(new Items(heading, List.copyOf(items)));
            return this;
        }

        /** A list of links, each a {@link Fact} whose label is the link text and whose value is the address. */
        public Builder links(@Nullable String heading, List<Fact> links) {
            parts.add(new LinkItems(heading, List.copyOf(links)));
            return this;
        }

        /** Why this person got this message, in plain words ("You asked for this reminder in your account"). */
        public Builder why(String why) {
            this.why = why;
            return this;
        }

        /** The link that turns this kind of message off, shown at the end. */
        public Builder unsubscribe(String label, String url) {
            this.unsubscribeLabel = label;
            this.unsubscribeUrl = url;
            return this;
        }

        public MailContent build() {
            if (why == null) {
                throw new IllegalStateException("Every message says why it was sent: call why(...)");
            }
            String title = heading == null ? subject : heading;
            return new MailContent(subject, text(title, why), html(title, why));
        }

        private String text(String title, String why) {
            StringBuilder out = new StringBuilder(title).append("\n\n");
            for (Part part : parts) {
                switch (part) {
                    case Paragraph p -> out.append(p.text()).append("\n\n");
                    case Facts f -> {
                        f.facts().forEach(fact -> out.append(fact.label()).append(": ").append(fact.value()).append('\n'));
                        out.append('\n');
                    }
                    case Action a -> out.append(a.label()).append(":\n").append(a.url()).append("\n\n");
                    case Items i -> {
                        if (i.heading() != null) {
                            out.append(i.heading()).append('\n');
                        }
                        i.items().forEach(item -> out.append("- ").append(item).append('\n'));
                        out.append('\n');
                    }
                    case LinkItems l -> {
                        if (l.heading() != null) {
                            out.append(l.heading()).append('\n');
                        }
                        l.links().forEach(link -> out.append("- ").append(link.label()).append(": ")
                                .append(link.value()).append('\n'));
                        out.append('\n');
                    }
                }
            }
            out.append("--\n").append(why).append('\n');
            if (unsubscribeUrl != null) {
                out.append(unsubscribeLabel).append(":\n").append(unsubscribeUrl).append('\n');
            }
            return out.toString();
        }

        private String html(String title, String why) {
            StringBuilder out = new StringBuilder("""
                    <!DOCTYPE html>
                    <html lang="en-GB">
                    <head><meta charset="utf-8"><meta name="viewport" content="width=device-width">\
                    <title>""").append(escape(subject)).append("""
                    </title></head>
                    <body style="font-family: Arial, Helvetica, sans-serif; font-size: 18px; line-height: 1.5;\
                     color: #1a1a1a; background: #ffffff; max-width: 40em; margin: 0 auto; padding: 16px;">
                    """);
            out.append("<h1 style=\"font-size: 26px;\">").append(escape(title)).append("</h1>\n");
            for (Part part : parts) {
                switch (part) {
                    case Paragraph p -> out.append("<p>").append(escape(p.text())).append("</p>\n");
                    case Facts f -> {
                        out.append("<dl>\n");
                        f.facts().forEach(fact -> out.append("<dt style=\"font-weight: bold;\">")
                                .append(escape(fact.label())).append("</dt><dd style=\"margin: 0 0 8px 0;\">")
                                .append(escape(fact.value())).append("</dd>\n"));
                        out.append("</dl>\n");
                    }
                    case Action a -> out.append("<p><a href=\"").append(escape(a.url())).append("""
                            " style="display: inline-block; padding: 14px 24px; background: #0b4f8a; color: #ffffff;\
                             font-size: 22px; font-weight: bold; text-decoration: underline; border-radius: 6px;">\
                            """).append(escape(a.label())).append("</a></p>\n<p style=\"font-size: 16px;\">")
                            .append("If the button does not work, copy this address into your browser: ")
                            .append(escape(a.url())).append("</p>\n");
                    case Items i -> {
                        if (i.heading() != null) {
                            out.append("<h2 style=\"font-size: 21px;\">").append(escape(i.heading())).append("</h2>\n");
                        }
                        out.append("<ul>\n");
                        i.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
                        out.append("</ul>\n");
                    }
                    case LinkItems l -> {
                        if (l.heading() != null) {
                            out.append("<h2 style=\"font-size: 21px;\">").append(escape(l.heading())).append("</h2>\n");
                        }
                        out.append("<ul>\n");
                        l.links().forEach(link -> out.append("<li><a href=\"").append(escape(link.value()))
                                .append("\">").append(escape(link.label())).append("</a></li>\n"));
                        out.append("</ul>\n");
                    }
                }
            }
            out.append("<hr>\n<p style=\"font-size: 16px;\">").append(escape(why)).append("</p>\n");
            if (unsubscribeUrl != null) {
                out.append("<p style=\"font-size: 16px;\"><a href=\"").append(escape(unsubscribeUrl)).append("\">")
                        .append(escape(unsubscribeLabel == null ? "" : unsubscribeLabel)).append("</a></p>\n");
            }
            return out.append("</body>\n</html>\n").toString();
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
