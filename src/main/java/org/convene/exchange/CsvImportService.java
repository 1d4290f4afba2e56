package org.convene.exchange;

import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammePermissions;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports sessions from a CSV file made from the template (docs/csv-import.md). {@link #preview} reads and checks
 * the whole file and says, row by row, what confirming would do, writing nothing; {@link #confirm} then writes
 * every row in one transaction, or nothing at all. Rows are matched with sessions on their reference, so
 * importing the same file again updates those sessions (or leaves them as they are) instead of adding them twice.
 *
 * <p>Organisers may import any session; a host coordinator only sessions of the organisations they coordinate,
 * and every other row is a problem of that row. Both are checked again when confirming.
 *
 * <p>This is the entry point the pages call; the work is done by {@link CsvImportFile} (reading the file),
 * {@link CsvRowChecker} (checking each row, without the database) and {@link CsvImportWriter} (the writes).
 */
@Service
public class CsvImportService {

    /** Larger files are refused before they are read: the template holds a week's programme in a few kB. */
    public static final int MAX_BYTES = CsvImportFile.MAX_BYTES;
    public static final int MAX_ROWS = CsvImportFile.MAX_ROWS;

    private static final Logger log = LoggerFactory.getLogger(CsvImportService.class);

    private final CsvImportRepository repository;
    private final CsvImportWriter importWriter;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;

    CsvImportService(CsvImportRepository repository, CsvImportWriter importWriter, ProgrammePermissions permissions,
                     CurrentUser currentUser) {
        this.repository = repository;
        this.importWriter = importWriter;
        this.permissions = permissions;
        this.currentUser = currentUser;
    }

    // ---- the template -------------------------------------------------------------------------------------------

    /**
     * The template with two example rows dated on the conference's first day (or a fixed summer day without one),
     * using its tracks and, for a coordinator, their own organisation, so that it imports cleanly as it is.
     */
    @Transactional(readOnly = true)
    public void writeTemplate(Optional<Long> conferenceId, Writer out) throws IOException {
        ConveneUser user = requireImporter();
        Optional<ConferenceSummary> conference = conferenceId.flatMap(repository::conference);
        LocalDate day = conference.map(ConferenceSummary::firstDay).orElse(LocalDate.of(2026, 7, 8));
        List<String> tracks = new ArrayList<>(conference.map(c -> repository.tracks(c.id()).keySet())
                .map(List::copyOf).orElse(List.of()));
        if (tracks.isEmpty()) {
            tracks.add("Health and care");
        }
        if (tracks.size() < 2) {
            tracks.add("Housing");
        }
        String host = "Carers Together";
        Set<Long> coordinated = permissions.coordinatedHostIds(user.id());
        List<HostRef> hosts = repository.hosts();
        if (!permissions.isOrganiser(user)) {
            host = hosts.stream().filter(h -> coordinated.contains(h.id())).map(HostRef::name).findFirst()
                    .orElse(host);
        } else if (!hosts.isEmpty()) {
            host = hosts.getFirst().name();
        }
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeRecord(Arrays.stream(CsvColumn.values()).map(CsvColumn::header).toList());
        csv.writeRecord("CPW-001", "Co-producing care plans",
                "People who use services and the staff who support them plan care together. Bring your questions.",
                "Webinar", day.toString(), "10:30", "11:30", tracks.get(0), host, "https://zoom.us/j/123456789",
                "100", "yes", "yes", "no", "yes", "no", "Slides are sent out a week before.", "");
        csv.writeRecord("CPW-002", "Tenants' voices", "Three tenants talk about being heard by their landlord.",
                "Panel discussion", day.toString(), "14:00", "15:30", tracks.get(1), host,
                "https://meet.example.org/tenants", "", "no", "yes", "yes", "no", "yes", "", "");
        csv.flush();
    }

    // ---- preview ------------------------------------------------------------------------------------------------

    /**
     * Reads and checks the file against the conference's programme as it is now. Writes nothing. Progress is
     * reported as sessions checked out of the number in the file.
     */
    @Transactional(readOnly = true)
    public CsvImportPreview preview(long conferenceId, byte[] file, CsvImportProgress progress) {
        ConveneUser user = requireImporter();
        ConferenceSummary conference = repository.conference(conferenceId)
                .orElseThrow(() -> new IllegalArgumentException("No conference " + conferenceId));
        progress.report(CsvImportProgress.Stage.READING, 0, -1);
        CsvImportFile csv = CsvImportFile.read(file);
        if (csv.hasProblems()) {
            return new CsvImportPreview(conference.id(), conference.name(), user.id(), csv.fileProblems(),
                    List.of(), List.of());
        }
        CsvRowChecker checker = new CsvRowChecker(csv, programme(user, conference, csv));
        int total = csv.rows().size();
        List<CsvImportRow> rows = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            rows.add(checker.check(csv.rows().get(i)));
            progress.report(CsvImportProgress.Stage.CHECKING, i + 1, total);
        }
        CsvImportPreview preview = new CsvImportPreview(conference.id(), conference.name(), user.id(), List.of(),
                csv.warnings(), rows);
        log.info("User {} previewed a CSV import into conference {}: {} to create, {} to update, {} unchanged, "
                        + "{} rows with problems", user.id(), conference.id(), preview.count(CsvImportRow.Action.CREATE),
                preview.count(CsvImportRow.Action.UPDATE), preview.count(CsvImportRow.Action.UNCHANGED),
                preview.rowsWithProblems());
        return preview;
    }

    /** What the rows are checked against, read once for the whole file. */
    private CsvRowChecker.Programme programme(ConveneUser user, ConferenceSummary conference, CsvImportFile csv) {
        boolean organiser = permissions.isOrganiser(user);
        return new CsvRowChecker.Programme(conference, organiser, repository.tracks(conference.id()),
                repository.hosts(), organiser ? Set.of() : permissions.coordinatedHostIds(user.id()),
                repository.usersByEmail(CsvRowChecker.facilitatorEmails(csv)),
                repository.sessionsByReference(conference.id(), false),
                repository.unconfirmedEmails(CsvRowChecker.facilitatorEmails(csv)));
    }

    // ---- confirm ------------------------------------------------------------------------------------------------

    /**
     * Writes every session of the preview in one transaction, creating the new tracks and host organisations it
     * names. Refused, with nothing written, when the preview has problems, when it was made by someone else, or
     * when a session it creates or updates changed after the preview was made.
     */
    @Transactional
    public CsvImportResult confirm(CsvImportPreview preview, CsvImportProgress progress) {
        ConveneUser user = requireImporter();
        if (user.id() != preview.userId()) {
            throw new AccessDeniedException("Only the person who checked the file may import it.");
        }
        if (!preview.canConfirm()) {
            throw new CsvImportConflictException("The file has problems, so nothing has been imported. Fix them "
                    + "in your spreadsheet and upload it again.");
        }
        return importWriter.write(user, preview, progress);
    }


    /** Organisers, and coordinators of at least one organisation; checked on every call, whatever the page. */
    private ConveneUser requireImporter() {
        ConveneUser user = currentUser.require();
        if (!permissions.mayManageSomething(user)) {
            throw new AccessDeniedException("Only organisers and host coordinators may import sessions.");
        }
        return user;
    }

    /** Whether the signed-in person may import at all: an organiser, or a coordinator of some organisation. */
    @Transactional(readOnly = true)
    public boolean mayImport() {
        return currentUser.get().map(permissions::mayManageSomething).orElse(false);
    }

    /** For the page: the names of the organisations the signed-in person may import for; empty for organisers. */
    @Transactional(readOnly = true)
    public List<String> coordinatedHostNames() {
        ConveneUser user = currentUser.require();
        if (permissions.isOrganiser(user)) {
            return List.of();
        }
        Set<Long> ids = permissions.coordinatedHostIds(user.id());
        return repository.hosts().stream().filter(h -> ids.contains(h.id())).map(HostRef::name)
                .collect(Collectors.toList());
    }
}
