package org.convene.certificates;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.convene.core.PublicBaseUrl;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Renders a certificate as tagged PDF/UA (openhtmltopdf): structure from the XHTML, the title shown instead of
 * the file name, the language, and the DejaVu Sans font embedded (PDF/UA allows no font that is not).
 */
@Component
public class CertificatePdf {

    private static final String FONTS = "/fonts/dejavu/";

    private final PublicBaseUrl baseUrl;

    CertificatePdf(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The public verification address printed on the certificate. */
    public String verifyLink(Certificate certificate) {
        return baseUrl.link("/certificates/" + CertificateCodes.grouped(certificate.code()));
    }

    public byte[] render(Certificate certificate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(certificate, out);
        return out.toByteArray();
    }

    public void write(Certificate certificate, OutputStream out) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessbility(true);
        builder.useFont(() -> font("DejaVuSans.ttf"), CertificateDocument.FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), CertificateDocument.FONT_FAMILY, 700, FontStyle.NORMAL,
                true);
        builder.withProducer("Convene");
        builder.withHtmlContent(CertificateDocument.html(certificate, verifyLink(certificate)), baseUrl.value() + "/");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the certificate's PDF", e);
        }
    }

    /** One PDF per certificate in a zip, named by code (the names are inside the files, not in the list). */
    public void writeZip(Iterable<Certificate> certificates, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Certificate certificate : certificates) {
            zip.putNextEntry(new ZipEntry(certificate.fileName()));
            zip.write(render(certificate));
            zip.closeEntry();
        }
        zip.finish();
    }

    private static InputStream font(String file) {
        return Objects.requireNonNull(CertificatePdf.class.getResourceAsStream(FONTS + file),
                "the font " + file + " ships in src/main/resources" + FONTS);
    }
}
