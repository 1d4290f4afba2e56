package org.convene.accesshelp.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.accesshelp.AccessHelpService;
import org.convene.programme.ui.SessionViewSection;
import org.springframework.security.access.AccessDeniedException;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;

/** Access help in the session's attendance report, with its CSV, for those who may see it. */
@SpringComponent
class HelpReportSection implements SessionViewSection {

    private final AccessHelpService service;

    HelpReportSection(AccessHelpService service) {
        this.service = service;
    }

    @Override
    public View view() {
        return View.REPORT;
    }

    @Override
    public Optional<Component> create(long sessionId, ZoneId zone) {
        if (!service.maySee(sessionId)) {
            return Optional.empty();
        }
        return Optional.of(new HelpReport(service.totals(sessionId), zone, csv(sessionId)));
    }

    /**
     * Served by Vaadin in its own request; the service checks the right again there, as the link may outlive it.
     * A UTF-8 byte order mark lets spreadsheet programs read the words right.
     */
    private DownloadHandler csv(long sessionId) {
        return event -> {
            if (!service.maySee(sessionId)) {
                event.getResponse().setStatus(403);
                return;
            }
            event.setFileName("session-" + sessionId + "-access-help.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                service.writeCsv(sessionId, out);
            } catch (AccessDeniedException e) {
                event.getResponse().setStatus(403);
            }
        };
    }
}
