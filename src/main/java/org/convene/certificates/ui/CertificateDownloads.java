package org.convene.certificates.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import org.convene.certificates.Certificate;
import org.convene.certificates.CertificatePdf;
import org.springframework.security.access.AccessDeniedException;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Download handlers for certificates. Vaadin serves each in its own request, so the service checks who may have
 * the certificate again there (the page may have been open for a long time); a refusal answers 403.
 */
final class CertificateDownloads {

    private CertificateDownloads() {
    }

    static DownloadHandler pdf(CertificatePdf pdf, Supplier<Certificate> certificate) {
        return event -> {
            Certificate issued;
            try {
                issued = certificate.get();
            } catch (AccessDeniedException e) {
                event.getResponse().setStatus(403);
                return;
            }
            event.setFileName(issued.fileName());
            event.setContentType("application/pdf");
            pdf.write(issued, event.getOutputStream());
        };
    }

    static DownloadHandler zip(CertificatePdf pdf, String fileName,
                               Supplier<? extends Iterable<Certificate>> certificates) {
        return event -> {
            Iterable<Certificate> all;
            try {
                all = certificates.get();
            } catch (AccessDeniedException e) {
                event.getResponse().setStatus(403);
                return;
            }
            event.setFileName(fileName);
            event.setContentType("application/zip");
            try {
                pdf.writeZip(all, event.getOutputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
