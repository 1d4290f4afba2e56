package org.convene.certificates;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;

import java.time.ZoneId;

/**
 * The certificate as XHTML for the PDF renderer: real text in reading order, a title, the language, one h1, h2s
 * and a table with header cells, so the tagged PDF carries the same structure. Every value is escaped: names and
 * titles may hold {@code <} or {@code &}.
 */
public final class CertificateDocument {

    /** The font shipped in src/main/resources/fonts/dejavu (embedded in every PDF, as PDF/UA requires). */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final String STYLE = """
            @page { size: A4; margin: 20mm; }
            body { font-family: 'DejaVu Sans'; font-size: 12pt; line-height: 1.5; color: #1b1b1b; }
            h1 { font-size: 24pt; margin: 0 0 8mm 0; }
            h2 { font-size: 15pt; margin: 8mm 0 3mm 0; }
            .name { font-size: 20pt; font-weight: bold; margin: 2mm 0; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #505a5f; padding: 2mm; text-align: left; vertical-align: top; }
            td.number, th.number { text-align: right; }
            .code { font-weight: bold; letter-spacing: 0.5pt; }
            .link { white-space: nowrap; }
            """;

    private CertificateDocument() {
    }

    public static String title(Certificate certificate) {
        return "Certificate of attendance: " + certificate.personName() + ", " + certificate.subject();
    }

    public static String html(Certificate c, String verifyLink) {
        ZoneId zone = c.zone();
        StringBuilder html = new StringBuilder(4096)
                .append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\" xml:lang=\"en-GB\">")
                .append("<head><meta charset=\"UTF-8\"/><title>").append(esc(title(c))).append("</title>")
                .append("<meta name=\"subject\" content=\"").append(esc(c.subject())).append("\"/>")
                .append("<meta name=\"author\" content=\"Convene\"/>")
                .append("<style>").append(STYLE).append("</style></head><body>")
                .append("<h1>Certificate of attendance</h1>")
                .append("<p>This certifies that</p>")
                .append("<p class=\"name\">").append(esc(c.personName())).append("</p>");
        if (c.wholeConference()) {
            html.append("<p>attended ").append(c.lines().size() == 1 ? "1 session" : c.lines().size() + " sessions")
                    .append(" of ").append(esc(c.conferenceName())).append(", for ")
                    .append(CertificateRules.minutesText(c.totalMinutes())).append(" in all.</p>");
        } else {
            CertificateLine line = c.lines().getFirst();
            html.append("<p>attended ").append(esc(line.sessionTitle())).append(", part of ")
                    .append(esc(c.conferenceName())).append(", on ")
                    .append(esc(ZoneTexts.dayAndRange(line.startsAt(), line.endsAt(), zone))).append(" (")
                    .append(esc(DateTexts.zoneName(zone))).append("), for ")
                    .append(CertificateRules.minutesText(line.minutes())).append(".</p>");
        }
        html.append("<h2>").append(c.wholeConference() ? "Sessions attended" : "Session attended").append("</h2>")
                .append("<table><thead><tr><th scope=\"col\">Session</th><th scope=\"col\">When (")
                .append(esc(DateTexts.zoneName(zone))).append(")</th>")
                .append("<th scope=\"col\" class=\"number\">Minutes present</th></tr></thead><tbody>");
        for (CertificateLine line : c.lines()) {
            html.append("<tr><td>").append(esc(line.sessionTitle())).append("</td><td>")
                    .append(esc(ZoneTexts.dayAndRange(line.startsAt(), line.endsAt(), zone)))
                    .append("</td><td class=\"number\">").append(line.minutes()).append("</td></tr>");
        }
        html.append("<tr><th scope=\"row\" colspan=\"2\">Total</th><td class=\"number\">").append(c.totalMinutes())
                .append("</td></tr></tbody></table>")
                .append("<p>Someone attends a session when they are there for at least ").append(c.rulePercent())
                .append(" % of it. Time in more than one window, or on the phone as well, counts once.</p>")
                .append("<h2>Check this certificate</h2>")
                .append("<p>Issued on ").append(esc(DateTexts.day(c.issuedAt().atZone(zone).toLocalDate())))
                .append(" by Convene. To check that it is genuine, go to this address:</p>")
                .append("<p class=\"link\"><a href=\"").append(esc(verifyLink)).append("\">").append(esc(verifyLink))
                .append("</a></p>")
                .append("<p>Certificate code: <span class=\"code\">").append(CertificateCodes.grouped(c.code()))
                .append("</span></p>")
                .append("</body></html>");
        return html.toString();
    }

    /** XML escaping: the renderer parses XHTML, so quotes matter inside attributes too. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0; a name never needs them
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
