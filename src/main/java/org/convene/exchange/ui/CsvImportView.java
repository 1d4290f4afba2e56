package org.convene.exchange.ui;

import org.convene.core.time.DateTexts;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ConferenceSummary;
import org.convene.exchange.CsvImportConflictException;
import org.convene.exchange.CsvImportPreview;
import org.convene.exchange.CsvImportProgress;
import org.convene.exchange.CsvImportResult;
import org.convene.exchange.CsvImportService;
import org.convene.programme.ProgrammeService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.convene.exchange.ui.CsvImportTexts.count;
import static org.convene.exchange.ui.CsvImportTexts.fileRejected;
import static org.convene.exchange.ui.CsvImportTexts.orList;
import static org.convene.exchange.ui.CsvImportTexts.sessions;
import static org.convene.exchange.ui.CsvImportTexts.summary;

/**
 * Organisers and host coordinators add or update many sessions from a spreadsheet: download the template, upload
 * the filled-in CSV file, read what would happen row by row, then confirm. Reading, checking and writing run off
 * the UI thread; a progress bar and a status line (a live region present from page load) say how far they have got,
 * pushed at most four times a second.
 */
@Route(value = "manage/import", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@PageTitle(CsvImportView.TITLE + " - Convene")
@StyleSheet("styles/csv-import.css")
public class CsvImportView extends Div implements BeforeEnterObserver {

    static final String TITLE = "Import sessions from a spreadsheet";
    private static final Logger log = LoggerFactory.getLogger(CsvImportView.class);
    private static final long UPDATE_EVERY_NANOS = Duration.ofMillis(250).toNanos();

    private final CsvImportService imports;
    private final ProgrammeService programme;
    private final TaskExecutor executor;

    private final Select<ConferenceSummary> conference = new Select<>();
    private final Anchor templateLink = new Anchor();
    private final Upload upload = new Upload();
    private final Button chooseFile = new Button("Choose CSV file");
    private final ProgressBar progressBar = new ProgressBar();
    private final Div status = new Div();
    private final Div outcome = new Div();
    /** Where an error summary goes: at the top of the main content, above the heading, as on every form. */
    private final Div errorArea = new Div();
    private final Button confirm = new Button();
    private @Nullable CsvImportPreview preview;
    private boolean working;

    public CsvImportView(CsvImportService imports, ProgrammeService programme,
                         @Qualifier("VaadinTaskExecutor") TaskExecutor executor) {
        this.imports = imports;
        this.programme = programme;
        this.executor = executor;
        addClassName("cv-import");

        status.setId("import-status");
        status.getElement().setAttribute("role", "status");
        status.addClassName("cv-import-status");
        progressBar.setId("import-progress");
        progressBar.getElement().setAttribute("aria-label", "Progress of the import");
        progressBar.setMin(0);
        progressBar.setMax(1);
        progressBar.setVisible(false);

        conference.setId("import-conference");
        conference.setLabel("Conference");
        conference.setItemLabelGenerator(c -> c.name() + ", " + DateTexts.dayRange(c.firstDay(), c.lastDay()));
        conference.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                conferenceChosen(e.getValue());
            }
        });

        templateLink.setId("import-template");
        templateLink.setText("Download the template (CSV file)");
        templateLink.setRouterIgnore(true);
        templateLink.getElement().setAttribute("download", "");

        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CsvImportService.MAX_BYTES);
        chooseFile.getElement().setAttribute("aria-describedby", "import-file-hint");
        upload.setUploadButton(chooseFile);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("or drop the file here"));
        upload.setUploadHandler(new FileReceiver());
        upload.addFileRejectedListener(e -> setStatus("The file was not uploaded: " + fileRejected(e.getErrorMessage())));

        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.addClickListener(e -> startConfirm());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        preview = null;
        working = false;
        outcome.removeAll();
        errorArea.removeAll();
        status.setText("");
        progressBar.setVisible(false);
        add(errorArea, new H1(TITLE));
        if (!imports.mayImport()) {
            add(new Paragraph("You can import sessions once you coordinate a host organisation. Ask an organiser "
                    + "to invite you as a coordinator of your organisation."));
            return;
        }
        add(CsvImportParts.lead("Add or update many sessions at once from a spreadsheet. Nothing changes in the "
                + "programme until "
                + "you have checked what will happen and chosen to import."));
        List<String> hosts = imports.coordinatedHostNames();
        if (!hosts.isEmpty()) {
            add(new Paragraph("You can import sessions for " + orList(hosts) + ". Write the name in the host "
                    + "column of every row."));
        }
        List<ConferenceSummary> conferences = programme.conferences();
        if (conferences.isEmpty()) {
            add(new Paragraph("There are no conferences yet. Sessions can be imported once there is a conference "
                    + "to put them in."));
            return;
        }

        add(new H2("1. Choose the conference"), conference);
        add(new H2("2. Fill in the template"),
                new Paragraph("The template is a CSV file with a row for each session and a column for each detail. "
                        + "Open it in Excel, Google Sheets or LibreOffice, replace the two example rows with your "
                        + "sessions, and save it as 'CSV UTF-8'. Write dates like 2026-07-08 and times like 14:30, "
                        + "in the conference's own time zone. Each session needs its own reference, like CPW-014: "
                        + "if you import the file again, Convene uses it to update the session rather than add it "
                        + "twice."),
                templateLink, CsvImportParts.columnHelp());
        Paragraph fileLabel = new Paragraph("Your CSV file");
        fileLabel.addClassName("cv-import-label");
        Paragraph hint = new Paragraph("Comma or semicolon separated, up to 5 MB or 5,000 sessions. Nothing is "
                + "imported yet: you will see what would change first.");
        hint.setId("import-file-hint");
        hint.addClassName("cv-muted");
        add(new H2("3. Upload your file"), fileLabel, hint, upload, progressBar, status, outcome);

        conference.setItems(conferences);
        conference.setValue(programme.currentOrNext().flatMap(c -> conferences.stream()
                .filter(x -> x.id() == c.id()).findFirst()).orElse(conferences.getFirst()));
        showTitle(false);
    }

    private void conferenceChosen(ConferenceSummary chosen) {
        templateLink.setHref("manage/import/template.csv?conference=" + chosen.id());
        if (preview != null && !working) {
            preview = null;
            outcome.removeAll();
            errorArea.removeAll();
            setStatus("The conference changed: upload your file again to check it against " + chosen.name() + ".");
        }
    }

    // ---- reading and checking the file ---------------------------------------------------------------------------

    /**
     * Keeps the uploaded bytes (at most the service's limit plus one, so that it can say the file is too large)
     * and hands them to the page. Runs on the upload's request thread: the page is changed only through
     * ui.access.
     */
    private final class FileReceiver implements UploadHandler {
        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(CsvImportService.MAX_BYTES + 1);
            }
            UI ui = event.getUI();
            ui.access(() -> startPreview(ui, bytes));
        }
    }

    private void startPreview(UI ui, byte[] file) {
        upload.clearFileList();
        ConferenceSummary chosen = conference.getValue();
        if (working || chosen == null) {
            setStatus(working ? "Please wait until the current file is finished." : "Choose the conference first.");
            return;
        }
        working = true;
        preview = null;
        outcome.removeAll();
        errorArea.removeAll();
        setBusy(true);
        setStatus("Reading your file…");
        showProgress(-1);
        long conferenceId = chosen.id();
        inBackground(ui, () -> {
            Throttle throttle = new Throttle();
            CsvImportPreview result = imports.preview(conferenceId, file, (stage, done, total) -> {
                if (stage == CsvImportProgress.Stage.CHECKING && throttle.due(done == total)) {
                    push(ui, () -> {
                        setStatus("Checked " + count(done) + " of " + count(total) + " sessions…");
                        showProgress((double) done / total);
                    });
                }
            });
            push(ui, () -> showPreview(result));
        }, "checking");
    }

    private void showPreview(CsvImportPreview result) {
        working = false;
        setBusy(false);
        showProgress(-2);
        preview = result;
        outcome.removeAll();
        errorArea.removeAll();
        if (!result.fileProblems().isEmpty()) {
            showErrorSummary("Your file could not be checked. Nothing has been imported.",
                    result.fileProblems().stream().map(p -> (Component) new ListItem(p)).toList());
            setStatus("Your file could not be checked: " + result.fileProblems().getFirst());
            showTitle(true);
            return;
        }
        String summaryText = summary(result);
        outcome.add(new H2("4. Check what will happen"));
        boolean rowProblems = result.rowsWithProblems() > 0;
        if (rowProblems) {
            Anchor toTable = new Anchor("#import-problems", "See the problems, row by row");
            toTable.setRouterIgnore(true);
            showErrorSummary(count(result.rowsWithProblems())
                            + (result.rowsWithProblems() == 1 ? " row has a problem" : " rows have problems")
                            + ". Fix " + (result.rowsWithProblems() == 1 ? "it" : "them")
                            + " in your spreadsheet and upload the file again. Nothing has been imported yet.",
                    List.of(new ListItem(toTable)));
        }
        Paragraph summaryParagraph = new Paragraph(summaryText);
        summaryParagraph.setId("import-summary");
        summaryParagraph.addClassName("cv-import-summary");
        outcome.add(summaryParagraph);
        if (!result.warnings().isEmpty()) {
            UnorderedList warnings = new UnorderedList();
            result.warnings().forEach(w -> warnings.add(new ListItem(w)));
            warnings.addClassName("cv-import-warnings");
            outcome.add(warnings);
        }
        if (result.rowsWithProblems() > 0) {
            outcome.add(CsvImportParts.problemsTable(result.problems()));
        }
        ZoneId zone = conference.getValue() == null ? ZoneId.of("Europe/London") : conference.getValue().timeZone();
        outcome.add(new H3("Sessions in your file"), CsvImportParts.rowsGrid(result.rowsProblemsFirst(), zone));

        long toWrite = result.sessionsToWrite();
        confirm.setText("Import " + count(toWrite) + (toWrite == 1 ? " session" : " sessions"));
        confirm.setEnabled(result.canConfirm() && toWrite > 0);
        Paragraph help = new Paragraph(result.canConfirm()
                ? (toWrite == 0 ? "There is nothing to import: every session in the file is already the same in "
                + "Convene." : "All the sessions are imported together, or none of them.")
                : "You can import once every row is fixed. Change your spreadsheet and upload it again.");
        help.setId("import-confirm-help");
        help.addClassName("cv-muted");
        confirm.getElement().setAttribute("aria-describedby", "import-confirm-help");
        Div actions = new Div(confirm, help);
        actions.addClassName("cv-import-actions");
        outcome.add(actions);

        setStatus("Your file has been checked. " + summaryText);
        showTitle(rowProblems);
    }

    // ---- writing ------------------------------------------------------------------------------------------------

    private void startConfirm() {
        CsvImportPreview toImport = preview;
        if (toImport == null || working || !toImport.canConfirm()) {
            return;
        }
        working = true;
        setBusy(true);
        confirm.setEnabled(false);
        setStatus("Importing…");
        showProgress(0);
        UI ui = UI.getCurrent();
        inBackground(ui, () -> {
            Throttle throttle = new Throttle();
            try {
                CsvImportResult result = imports.confirm(toImport, (stage, done, total) -> {
                    if (throttle.due(done == total)) {
                        push(ui, () -> {
                            setStatus("Imported " + count(done) + " of " + count(total) + " sessions…");
                            showProgress((double) done / total);
                        });
                    }
                });
                push(ui, () -> showResult(result));
            } catch (CsvImportConflictException | AccessDeniedException refused) {
                push(ui, () -> showRefusal(Objects.requireNonNull(refused.getMessage(), "refusals say why")));
            }
        }, "importing");
    }

    private void showResult(CsvImportResult result) {
        working = false;
        preview = null;
        setBusy(false);
        showProgress(-2);
        outcome.removeAll();
        errorArea.removeAll();
        List<String> parts = new ArrayList<>();
        parts.add(sessions(result.created()) + " created");
        parts.add(count(result.updated()) + " updated");
        parts.add(count(result.unchanged()) + " unchanged");
        String text = "Import finished: " + String.join(", ", parts) + ".";
        List<String> extras = new ArrayList<>();
        if (result.tracksCreated() > 0) {
            extras.add(count(result.tracksCreated()) + (result.tracksCreated() == 1 ? " new track" : " new tracks"));
        }
        if (result.hostsCreated() > 0) {
            extras.add(count(result.hostsCreated())
                    + (result.hostsCreated() == 1 ? " new host organisation" : " new host organisations"));
        }
        Paragraph done = new Paragraph(text + (extras.isEmpty() ? "" : " Also added: " + String.join(" and ", extras)
                + "."));
        done.setId("import-result");
        done.addClassName("cv-success");
        Anchor back = new Anchor("manage", "Go to managing the programme");
        back.setId("import-back");
        outcome.add(new H2("Import finished"), done, back);
        setStatus(text);
        showTitle(false);
    }

    private void showRefusal(String message) {
        working = false;
        preview = null;
        setBusy(false);
        showProgress(-2);
        outcome.removeAll();
        errorArea.removeAll();
        showErrorSummary(message, List.of());
        setStatus(message);
        showTitle(true);
    }

    // ---- pieces -------------------------------------------------------------------------------------------------

    /** Runs work off the UI thread as the signed-in person; a failure is said on the page, never half-done. */
    private void inBackground(UI ui, Runnable work, String what) {
        Runnable guarded = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // the exception's message may quote the file's contents, so only its type is logged
                log.warn("CSV import failed while {}: {}", what, e.getClass().getName());
                push(ui, () -> showRefusal("Something went wrong while " + what + " your file, so nothing has "
                        + "been imported. Please try again."));
            }
        };
        executor.execute(new DelegatingSecurityContextRunnable(guarded, SecurityContextHolder.getContext()));
    }

    private static void push(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // the person left the page; the work itself is complete or rolled back
        }
    }

    /** Lets through the first report, the last, and otherwise one every quarter second. */
    private static final class Throttle {
        private long last;

        synchronized boolean due(boolean finished) {
            long now = System.nanoTime();
            if (finished || last == 0 || now - last >= UPDATE_EVERY_NANOS) {
                last = now;
                return true;
            }
            return false;
        }
    }

    private void setBusy(boolean busy) {
        upload.setEnabled(!busy);
        chooseFile.setEnabled(!busy);
        conference.setReadOnly(busy);
    }

    /** @param fraction 0..1, -1 for "working, size not known yet", -2 to hide the bar */
    private void showProgress(double fraction) {
        progressBar.setVisible(fraction > -2);
        progressBar.setIndeterminate(fraction == -1);
        if (fraction >= 0) {
            progressBar.setValue(Math.min(1, fraction));
        }
    }

    private void setStatus(String text) {
        status.setText(text);
    }

    private void showTitle(boolean error) {
        getUI().ifPresent(ui -> ui.getPage().setTitle(ErrorSummary.pageTitle(error, TITLE + " - Convene")));
    }

    /** A summary made afresh each time, so an old one never lingers under a new outcome. */
    private void showErrorSummary(String text, List<Component> items) {
        ErrorSummary summary = new ErrorSummary();
        summary.setId("import-errors");
        errorArea.add(summary);
        summary.show(text, items);
    }

}
