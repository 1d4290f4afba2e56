package org.convene.qa;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A session's questions as a CSV file, for its facilitators and organisers (the moderation page's download and
 * the API's). Who may export is the Q&A's own rule, asked of {@link QaService}.
 */
@Service
public class QaExportService {

    private final QaRepository repository;
    private final QaService qa;

    QaExportService(QaRepository repository, QaService qa) {
        this.repository = repository;
        this.qa = qa;
    }

    /** The header of {@link #exportCsv}; one row per question follows, oldest first. */
    public static final List<String> CSV_HEADER = List.of("Id", "Asked at (UTC)", "State", "Question", "Author",
            "On behalf of", "Votes", "On stage", "Dismiss reason", "Merged into", "Replies", "Updated at (UTC)");

    /**
     * Writes every question of the session, in every state, as CSV (RFC 4180, UTF-8 text, CRLF): for the
     * session's facilitators and organisers only. Anonymous questions have an empty author, as everywhere else.
     * Does not close {@code out}.
     */
    @Transactional(readOnly = true)
    public void exportCsv(long sessionId, Writer out) {
        qa.requireModerator(sessionId);
        List<QuestionView> questions = repository.allViews(sessionId);
        try {
            CsvWriter csv = CsvWriter.builder().build(out);
            csv.writeRecord(CSV_HEADER);
            for (QuestionView q : questions) {
                csv.writeRecord(
                        Long.toString(q.id()),
                        utcSeconds(q.askedAt()),
                        q.state().name(),
                        cell(q.text()),
                        cell(q.authorName()),
                        cell(q.onBehalfOf()),
                        Integer.toString(q.votes()),
                        q.pinned() ? "yes" : "no",
                        cell(q.dismissReason()),
                        q.mergedInto() == null ? "" : Long.toString(q.mergedInto()),
                        cell(q.replies().stream().map(r -> r.authorName() + ": " + r.text())
                                .collect(Collectors.joining("\n"))),
                        utcSeconds(q.updatedAt()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utcSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Anyone can type a question, and facilitators open the export in a spreadsheet: a cell that starts like a
     * formula (=, +, -, @, tab, carriage return) gets a leading apostrophe so it is shown as text, never run
     * (OWASP "CSV injection").
     */
    static String cell(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
