package org.convene.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The slides and easy read version of the demo's opening session, whose access notes promise that "slides are
 * sent a day before": small real files, so the session page, the agenda and the reminder have something to link.
 */
final class DemoMaterials {

    /** Which demo sessions get them: those whose notes make the promise. */
    static final String PROMISE = "Slides are sent a day before";

    static final String EASY_READ = """
            Welcome to Co-production Week: easy read

            This week is about working together.
            People who use services, carers and organisations plan things together.
            Everyone is an equal partner.

            In this session we will:
            - say hello
            - talk about what co-production means
            - tell you how to take part this week

            There are British Sign Language interpreters and live captions.
            You can ask questions by typing them on the session page.
            """;

    private DemoMaterials() {
    }

    /** A one-page PDF with the slides' words, with a correct cross-reference table so every reader opens it. */
    static byte[] slides() {
        String text = "BT /F1 28 Tf 72 720 Td (Welcome to Co-production Week) Tj "
                + "/F1 16 Tf 0 -40 Td (Co-production in a changing world) Tj "
                + "0 -28 Td (Nothing about us without us.) Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
