package org.convene.exchange.api;

import jakarta.servlet.http.HttpServletResponse;
import org.convene.exchange.CsvImportService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The CSV import template as a plain download, so that the link on the import page also works opened in a new
 * tab or saved. Signed-in organisers and coordinators only (the rest of the app's filter chain asks for a
 * sign-in; the service checks the role).
 */
@RestController
class CsvTemplateController {

    private final CsvImportService imports;

    CsvTemplateController(CsvImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/manage/import/template.csv")
    void template(@RequestParam(name = "conference", required = false) Long conferenceId,
                  HttpServletResponse response) throws IOException {
        // written first, so that a refusal is a plain 403 rather than half a file
        StringWriter template = new StringWriter();
        imports.writeTemplate(Optional.ofNullable(conferenceId), template);
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("convene-sessions-template.csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = response.getWriter();
        // A byte order mark makes Excel read the file as UTF-8 rather than the computer's own code page.
        out.write('\uFEFF');
        out.write(template.toString());
        out.flush();
    }
}
