package org.convene.exchange;

import org.convene.programme.ProgrammeLimits;
import org.convene.programme.SessionDraft;
import org.convene.programme.SessionFormat;
import org.convene.programme.SessionRules;

import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.SessionWrites;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports sessions from a CSV file made from the template (docs/csv-import.md). {@link #preview} reads and checks
 * the whole file and says, row by row, what confirming would do, writing nothing; {@link #confirm} then writes
 * every row in one transaction, or nothing at all. Rows are matched with sessions on their reference, so
 * importing the same file again updates those sessions (or leaves them as they are) instead of adding them twice.
 *
 * <p>Organisers may import any session; a host coordinator only sessions of the organisations they coordinate,
 * and every other row is a problem of that row. Both are checked again when confirming.
 */
@Service
public class CsvImportService {

    /** Larger files are refused before they are read: the template holds a week's programme in a few kB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(CsvImportService.class);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})(?::\\d{2})?");
    private static final Pattern UK_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The template's columns, in its order. Headers match ignoring case, spaces and punctuation. */
    public enum Column {
        REFERENCE("reference", true),
        TITLE("title", true),
        DESCRIPTION("description", false, "summary"),
        FORMAT("format", true, "type"),
        DATE("date", true, "day"),
        START("start", true, "start time", "starts"),
        END("end", true, "end time", "ends"),
        TRACK("track", false),
        HOST("host", false, "host organisation"),
        JOINING_LINK("joining link", false, "join url", "join link", "link"),
        PLACES("places", false, "capacity"),
        BSL("bsl", false, "bsl interpretation"),
        CAPTIONS("captions", false, "live captions"),
        EASY_READ("easy read", false),
        AUDIO_OR_PHONE("audio or phone", false, "audio only or phone"),
        BREAKS("breaks", false, "built in breaks"),
        ACCESS_NOTES("access notes", false),
        FACILITATOR_EMAILS("facilitator emails", false, "facilitators");

        private final String header;
        private final boolean required;
        private final List<String> aliases;

        Column(String header, boolean required, String... aliases) {
            this.header = header;
            this.required = required;
            this.aliases = List.of(aliases);
        }

        public String header() {
            return header;
        }

        public boolean required() {
            return required;
        }

        /** The column's name at the start of a sentence. */
        String sentenceName() {
            return this == BSL ? "BSL" : capitalised(header);
        }
    }

    private static final Map<Column, AccessFeature> ACCESS_COLUMNS = new EnumMap<>(Map.of(
            Column.BSL, AccessFeature.BSL_INTERPRETATION,
            Column.CAPTIONS, AccessFeature.LIVE_CAPTIONS,
            Column.EASY_READ, AccessFeature.EASY_READ,
            Column.AUDIO_OR_PHONE, AccessFeature.AUDIO_OR_PHONE,
            Column.BREAKS, AccessFeature.BUILT_IN_BREAKS));

    private static final Map<String, Column> HEADERS = new HashMap<>();

    static {
        for (Column column : Column.values()) {
            HEADERS.put(key(column.header), column);
            column.aliases.forEach(alias -> HEADERS.put(key(alias), column));
        }
    }

    private final CsvImportRepository repository;
    private final SessionWrites writer;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;

    CsvImportService(CsvImportRepository repository, SessionWrites writer, ProgrammePermissions permissions,
                     CurrentUser currentUser) {
        this.repository = repository;
        this.writer = writer;
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
        csv.writeRecord(Arrays.stream(Column.values()).map(Column::header).toList());
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
        List<String> fileProblems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String text = decode(file, fileProblems);
        if (text == null) {
            return empty(conference, user, fileProblems);
        }
        List<CsvRecord> records;
        try {
            records = CsvReader.builder().fieldSeparator(separator(text)).skipEmptyLines(true)
                    .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text).stream()
                    .filter(r -> !r.getFields().stream().allMatch(String::isBlank))
                    .toList();
        } catch (CsvParseException | UncheckedIOException e) {
            fileProblems.add("The file could not be read as CSV (comma or semicolon separated values). Save your "
                    + "spreadsheet as 'CSV UTF-8' and upload it again.");
            return empty(conference, user, fileProblems);
        }
        if (records.isEmpty()) {
            fileProblems.add("The file is empty. Download the template, put one session on each row and upload "
                    + "it again.");
            return empty(conference, user, fileProblems);
        }
        Map<Column, Integer> columns = columns(records.getFirst(), fileProblems, warnings);
        int total = records.size() - 1;
        if (fileProblems.isEmpty() && total == 0) {
            fileProblems.add("The file has the column names but no sessions. Put one session on each row under "
                    + "the column names.");
        }
        if (total > MAX_ROWS) {
            fileProblems.add("The file has " + String.format(Locale.UK, "%,d", total) + " sessions. Convene imports "
                    + "up to " + String.format(Locale.UK, "%,d", MAX_ROWS) + " at a time: split the file and "
                    + "import the parts one after another.");
        }
        if (!fileProblems.isEmpty()) {
            return empty(conference, user, fileProblems);
        }

        Checker checker = new Checker(user, conference, columns, records.subList(1, records.size()));
        List<CsvImportRow> rows = new ArrayList<>(total);
        for (int i = 1; i < records.size(); i++) {
            rows.add(checker.check(records.get(i)));
            progress.report(CsvImportProgress.Stage.CHECKING, i, total);
        }
        CsvImportPreview preview = new CsvImportPreview(conference.id(), conference.name(), user.id(), fileProblems,
                warnings, rows);
        log.info("User {} previewed a CSV import into conference {}: {} to create, {} to update, {} unchanged, "
                        + "{} rows with problems", user.id(), conference.id(), preview.count(CsvImportRow.Action.CREATE),
                preview.count(CsvImportRow.Action.UPDATE), preview.count(CsvImportRow.Action.UNCHANGED),
                preview.rowsWithProblems());
        return preview;
    }

    private static CsvImportPreview empty(ConferenceSummary conference, ConveneUser user, List<String> problems) {
        return new CsvImportPreview(conference.id(), conference.name(), user.id(), problems, List.of(), List.of());
    }

    /** UTF-8 with or without a byte order mark, or UTF-16 with one (Excel's "Unicode text"); null if neither. */
    private static @Nullable String decode(byte[] file, List<String> problems) {
        if (file == null || file.length == 0) {
            problems.add("The file is empty. Download the template, put one session on each row and upload it again.");
            return null;
        }
        if (file.length > MAX_BYTES) {
            problems.add("The file is larger than 5 MB. Convene imports up to 5,000 sessions at a time: split the "
                    + "file and import the parts one after another.");
            return null;
        }
        if (startsWith(file, 0x50, 0x4B, 0x03, 0x04) || startsWith(file, 0xD0, 0xCF, 0x11, 0xE0)) {
            problems.add("This is an Excel workbook, not a CSV file. In Excel, choose File, then Save a copy, and "
                    + "pick 'CSV UTF-8 (Comma delimited)'. Upload that file.");
            return null;
        }
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(file, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(file, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(file, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, skip, file.length - skip)).toString();
        } catch (CharacterCodingException e) {
            problems.add("The file is not saved as UTF-8, so some letters would come out wrong. In Excel, choose "
                    + "'CSV UTF-8 (Comma delimited)' when you save it, and upload it again.");
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            problems.add("This is not a CSV file. Save your spreadsheet as 'CSV UTF-8' and upload that file.");
            return null;
        }
        if (text.isBlank()) {
            problems.add("The file is empty. Download the template, put one session on each row and upload it again.");
            return null;
        }
        return text;
    }

    private static boolean startsWith(byte[] file, int... prefix) {
        if (file.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((file[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Excel writes commas, or semicolons where the comma is the decimal sign (much of Europe), and tabs for
     * "Unicode text": whichever the header line holds most of, outside quotes.
     */
    private static char separator(String text) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semicolon++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab > semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    private static Map<Column, Integer> columns(CsvRecord header, List<String> problems, List<String> warnings) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.getFieldCount(); i++) {
            String name = header.getField(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Column column = HEADERS.get(key(name));
            if (column == null) {
                warnings.add("Convene does not know the column '" + name + "', so it will be ignored.");
            } else if (columns.putIfAbsent(column, i) != null) {
                problems.add("The column '" + column.header + "' is in the file twice. Keep one and upload the file "
                        + "again.");
            }
        }
        List<String> missing = Arrays.stream(Column.values()).filter(c -> c.required && !columns.containsKey(c))
                .map(c -> "'" + c.header + "'").toList();
        if (missing.size() == Arrays.stream(Column.values()).filter(c -> c.required).count()) {
            problems.add("The first line of the file must name the columns, as in the template: reference, title, "
                    + "format, date, start, end and the others you use.");
        } else if (!missing.isEmpty()) {
            problems.add("The file has no " + String.join(", ", missing) + (missing.size() == 1 ? " column" : " columns")
                    + ". Every import needs " + (missing.size() == 1 ? "it" : "them") + ": add "
                    + (missing.size() == 1 ? "it" : "them") + " as in the template and upload the file again.");
        }
        return columns;
    }

    private static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Checks rows one by one against what it read once: tracks, hosts, accounts and the existing sessions. */
    private final class Checker {

        private final ConveneUser user;
        private final boolean organiser;
        private final ConferenceSummary conference;
        private final Map<Column, Integer> columns;
        private final Map<String, Long> tracksByKey = new HashMap<>();
        private final Map<String, String> trackNames = new HashMap<>();
        private final Map<String, HostRef> hostsByKey = new HashMap<>();
        private final Set<Long> coordinated;
        private final String coordinatedNames;
        private final Map<String, Long> users;
        private final Map<String, CsvImportRepository.Existing> existing;
        private final Map<String, Integer> referenceLines = new HashMap<>();
        private final Map<String, String> newTrackNames = new HashMap<>();
        private final Map<String, String> newHostNames = new HashMap<>();

        Checker(ConveneUser user, ConferenceSummary conference, Map<Column, Integer> columns, List<CsvRecord> rows) {
            this.user = user;
            this.organiser = permissions.isOrganiser(user);
            this.conference = conference;
            this.columns = columns;
            repository.tracks(conference.id()).forEach((name, id) -> {
                tracksByKey.putIfAbsent(name.toLowerCase(Locale.ROOT), id);
                trackNames.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            });
            List<HostRef> hosts = repository.hosts();
            hosts.forEach(h -> hostsByKey.put(h.name().toLowerCase(Locale.ROOT), h));
            this.coordinated = organiser ? Set.of() : permissions.coordinatedHostIds(user.id());
            this.coordinatedNames = orList(hosts.stream().filter(h -> coordinated.contains(h.id()))
                    .map(HostRef::name).toList());
            Set<String> emails = new TreeSet<>();
            if (columns.containsKey(Column.FACILITATOR_EMAILS)) {
                rows.forEach(r -> emails.addAll(emails(cell(r, Column.FACILITATOR_EMAILS))));
            }
            this.users = repository.usersByEmail(emails);
            this.existing = repository.sessionsByReference(conference.id(), false);
        }

        CsvImportRow check(CsvRecord record) {
            int line = Math.toIntExact(record.getStartingLineNumber());
            List<CsvImportProblem> problems = new ArrayList<>();
            Set<Column> unreadable = EnumSet.noneOf(Column.class);

            String reference = cell(record, Column.REFERENCE);
            CsvImportRepository.Existing before = null;
            if (reference.isEmpty()) {
                problems.add(new CsvImportProblem(line, Column.REFERENCE.header, "Enter a reference, like CPW-014. "
                        + "It is how Convene finds the session again when you import the file another time"));
                unreadable.add(Column.REFERENCE);
            } else {
                Integer first = referenceLines.putIfAbsent(reference, line);
                if (first != null) {
                    problems.add(new CsvImportProblem(line, Column.REFERENCE.header, "Reference " + reference
                            + " is also used on line " + first + ". Give each session its own reference"));
                }
                before = existing.get(reference);
            }
            SessionDraft base = before != null ? before.draft()
                    : new SessionDraft(conference.id(), reference, "", "", null, null, null, null, null, null, null,
                    Set.of(), null);

            String title = has(Column.TITLE) ? cell(record, Column.TITLE) : base.title();
            String summary = has(Column.DESCRIPTION) ? cell(record, Column.DESCRIPTION) : base.summaryMarkdown();
            SessionFormat format = format(record, line, problems, unreadable);
            Instant[] times = times(record, line, problems, unreadable);

            Long trackId = base.trackId();
            String trackName = trackId == null ? null : nameOfTrack(trackId);
            boolean newTrack = false;
            if (has(Column.TRACK)) {
                String name = cell(record, Column.TRACK);
                trackId = null;
                trackName = name.isEmpty() ? null : name;
                if (name.length() > ProgrammeLimits.TRACK_NAME_MAX) {
                    problems.add(new CsvImportProblem(line, Column.TRACK.header,
                            "Track must be " + ProgrammeLimits.TRACK_NAME_MAX + " characters or fewer"));
                } else if (!name.isEmpty()) {
                    String trackKey = name.toLowerCase(Locale.ROOT);
                    trackId = tracksByKey.get(trackKey);
                    if (trackId != null) {
                        trackName = trackNames.get(trackKey);
                    } else {
                        newTrack = true;
                        trackName = newTrackNames.computeIfAbsent(trackKey, k -> name);
                    }
                }
            }

            Long hostId = base.hostId();
            String hostName = hostId == null ? null : nameOfHost(hostId);
            boolean newHost = false;
            if (has(Column.HOST)) {
                String name = cell(record, Column.HOST);
                hostId = null;
                hostName = name.isEmpty() ? null : name;
                if (name.length() > ProgrammeLimits.HOST_NAME_MAX) {
                    problems.add(new CsvImportProblem(line, Column.HOST.header,
                            "Host must be " + ProgrammeLimits.HOST_NAME_MAX + " characters or fewer"));
                    unreadable.add(Column.HOST);
                } else if (!name.isEmpty()) {
                    HostRef host = hostsByKey.get(name.toLowerCase(Locale.ROOT));
                    if (host != null) {
                        hostId = host.id();
                        hostName = host.name();
                    } else if (organiser) {
                        newHost = true;
                        hostName = newHostNames.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> name);
                    } else {
                        problems.add(new CsvImportProblem(line, Column.HOST.header, "There is no host organisation "
                                + "called " + name + ". " + onlyYours()));
                        unreadable.add(Column.HOST);
                    }
                }
            }
            if (!organiser && !unreadable.contains(Column.HOST)) {
                if (before != null && (before.draft().hostId() == null
                        || !coordinated.contains(before.draft().hostId()))) {
                    problems.add(new CsvImportProblem(line, Column.REFERENCE.header, "Session " + reference
                            + " belongs to another host organisation. " + onlyYours()));
                } else if (hostId == null || !coordinated.contains(hostId)) {
                    problems.add(new CsvImportProblem(line, Column.HOST.header, onlyYours()));
                }
            }

            String joinUrl = has(Column.JOINING_LINK) ? cell(record, Column.JOINING_LINK) : base.joinUrl();
            Integer capacity = base.capacity();
            if (has(Column.PLACES)) {
                String places = cell(record, Column.PLACES).replace(",", "");
                capacity = null;
                if (!places.isEmpty()) {
                    try {
                        capacity = Integer.valueOf(places);
                    } catch (NumberFormatException e) {
                        problems.add(new CsvImportProblem(line, Column.PLACES.header,
                                "Places must be a whole number, 1 or more"));
                        unreadable.add(Column.PLACES);
                    }
                }
            }
            Set<AccessFeature> access = EnumSet.noneOf(AccessFeature.class);
            access.addAll(base.access());
            ACCESS_COLUMNS.forEach((column, feature) -> {
                if (!has(column)) {
                    return;
                }
                Boolean on = yesNo(cell(record, column));
                if (on == null) {
                    problems.add(new CsvImportProblem(line, column.header, column.sentenceName()
                            + " must be yes or no"));
                } else if (on) {
                    access.add(feature);
                } else {
                    access.remove(feature);
                }
            });
            String accessNotes = has(Column.ACCESS_NOTES) ? cell(record, Column.ACCESS_NOTES) : base.accessNotes();
            List<Long> facilitators = null;
            if (has(Column.FACILITATOR_EMAILS)) {
                facilitators = new ArrayList<>();
                for (String email : emails(cell(record, Column.FACILITATOR_EMAILS))) {
                    Long id = users.get(email);
                    if (!EMAIL.matcher(email).matches()) {
                        problems.add(new CsvImportProblem(line, Column.FACILITATOR_EMAILS.header, email
                                + " is not an email address. Separate email addresses with a semicolon (;)"));
                    } else if (id == null) {
                        problems.add(new CsvImportProblem(line, Column.FACILITATOR_EMAILS.header, "Nobody has an "
                                + "account with the email address " + email + ". Ask them to sign up to Convene "
                                + "first, or leave them out"));
                    } else if (!facilitators.contains(id)) {
                        facilitators.add(id);
                    }
                }
            }

            SessionDraft draft = new SessionDraft(conference.id(), reference, title, summary, format,
                    times[0], times[1], trackId, hostId, joinUrl, capacity, access, accessNotes);
            for (SessionRules.Problem problem : SessionRules.check(draft, conference)) {
                Column column = column(problem);
                if (!unreadable.contains(column)) {
                    problems.add(new CsvImportProblem(line, column.header, problem.message()));
                }
            }

            CsvImportRow.Action action = CsvImportRow.Action.CREATE;
            List<String> changed = List.of();
            if (before != null) {
                changed = changes(before, draft, newTrack, newHost, facilitators);
                action = changed.isEmpty() ? CsvImportRow.Action.UNCHANGED : CsvImportRow.Action.UPDATE;
            }
            problems.sort(java.util.Comparator.comparingInt(p -> columnOrder(p.column())));
            return new CsvImportRow(line, action, draft, trackName, newTrack, hostName, newHost, facilitators,
                    before == null ? null : before.id(), before == null ? null : before.version(), changed, problems);
        }

        private boolean has(Column column) {
            return columns.containsKey(column);
        }

        private String cell(CsvRecord record, Column column) {
            Integer index = columns.get(column);
            // one kind of line break, so that a file saved again by another spreadsheet still reads as unchanged
            return index == null || index >= record.getFieldCount() ? ""
                    : record.getField(index).replace("\r\n", "\n").replace('\r', '\n').strip();
        }

        private @Nullable SessionFormat format(CsvRecord record, int line, List<CsvImportProblem> problems,
                                     Set<Column> unreadable) {
            String text = cell(record, Column.FORMAT);
            if (text.isEmpty()) {
                problems.add(new CsvImportProblem(line, Column.FORMAT.header, "Enter a format: " + formats()));
                unreadable.add(Column.FORMAT);
                return null;
            }
            String wanted = key(text);
            for (SessionFormat format : SessionFormat.values()) {
                if (key(format.name()).equals(wanted) || key(format.label()).equals(wanted)) {
                    return format;
                }
            }
            problems.add(new CsvImportProblem(line, Column.FORMAT.header, "Format must be one of " + formats()));
            unreadable.add(Column.FORMAT);
            return null;
        }

        /** Start and end on the row's date, in the conference's time zone; nulls where they cannot be read. */
        private @Nullable Instant[] times(CsvRecord record, int line, List<CsvImportProblem> problems,
                                          Set<Column> unreadable) {
            LocalDate date = date(cell(record, Column.DATE));
            if (date == null) {
                String text = cell(record, Column.DATE);
                problems.add(new CsvImportProblem(line, Column.DATE.header, text.isEmpty()
                        ? "Enter the date of the session, like 2026-07-08"
                        : "Date must be a real date written as YYYY-MM-DD, like 2026-07-08"));
                unreadable.add(Column.DATE);
            }
            LocalTime start = time(record, Column.START, line, problems, unreadable);
            LocalTime end = time(record, Column.END, line, problems, unreadable);
            Instant starts = instant(date, start, Column.START, line, problems, unreadable);
            Instant ends = instant(date, end, Column.END, line, problems, unreadable);
            if (date == null) {
                // SessionRules would add "Enter the start date and time" to the date problem already given
                unreadable.add(Column.START);
                unreadable.add(Column.END);
            }
            return new Instant[]{starts, ends};
        }

        private @Nullable LocalTime time(CsvRecord record, Column column, int line, List<CsvImportProblem> problems,
                               Set<Column> unreadable) {
            String text = cell(record, column);
            Matcher m = TIME.matcher(text);
            if (m.matches()) {
                int hour = Integer.parseInt(m.group(1));
                int minute = Integer.parseInt(m.group(2));
                if (hour < 24 && minute < 60) {
                    return LocalTime.of(hour, minute);
                }
            }
            problems.add(new CsvImportProblem(line, column.header, text.isEmpty()
                    ? "Enter the " + column.header + " time, like 14:30"
                    : column.sentenceName() + " must be a time on the 24-hour clock, like 09:30 or 14:30"));
            unreadable.add(column);
            return null;
        }

        private @Nullable Instant instant(@Nullable LocalDate date, @Nullable LocalTime time, Column column, int line,
                                List<CsvImportProblem> problems, Set<Column> unreadable) {
            if (date == null || time == null) {
                return null;
            }
            LocalDateTime local = date.atTime(time);
            ZoneId zone = conference.timeZone();
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
                problems.add(new CsvImportProblem(line, column.header, "There is no " + TIME_TEXT.apply(time)
                        + " on that day, because the clocks go forward an hour. Choose another time"));
                unreadable.add(column);
                return null;
            }
            return local.atZone(zone).toInstant();
        }

        private @Nullable String nameOfTrack(long trackId) {
            return tracksByKey.entrySet().stream().filter(e -> e.getValue() == trackId)
                    .map(e -> trackNames.get(e.getKey())).findFirst().orElse(null);
        }

        private @Nullable String nameOfHost(long hostId) {
            return hostsByKey.values().stream().filter(h -> h.id() == hostId).map(HostRef::name).findFirst()
                    .orElse(null);
        }

        private String onlyYours() {
            return coordinatedNames.isEmpty()
                    ? "You can only import sessions for organisations you coordinate, and you coordinate none"
                    : "You can only import sessions for " + coordinatedNames;
        }
    }

    private static final Function<LocalTime, String> TIME_TEXT = t -> String.format("%02d:%02d", t.getHour(),
            t.getMinute());

    private static @Nullable LocalDate date(String text) {
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            // Excel in the UK turns 2026-07-08 into 08/07/2026 when it saves a file it opened
            Matcher uk = UK_DATE.matcher(text);
            if (uk.matches()) {
                return LocalDate.of(Integer.parseInt(uk.group(3)), Integer.parseInt(uk.group(2)),
                        Integer.parseInt(uk.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static @Nullable Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "", "no", "n", "false", "0" -> false;
            case "yes", "y", "true", "1" -> true;
            default -> null;
        };
    }

    private static List<String> emails(String cell) {
        return Arrays.stream(cell.split("[;,\\s]+")).map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).distinct().toList();
    }

    private static String formats() {
        return orList(Arrays.stream(SessionFormat.values()).map(SessionFormat::label).toList());
    }

    private static String orList(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.getLast();
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static int columnOrder(String header) {
        return Objects.requireNonNull(HEADERS.get(key(header)), "problems name template columns").ordinal();
    }

    private static Column column(SessionRules.Problem problem) {
        return switch (problem.field()) {
            case REFERENCE -> Column.REFERENCE;
            case TITLE -> Column.TITLE;
            case SUMMARY -> Column.DESCRIPTION;
            case FORMAT -> Column.FORMAT;
            // the rule that a session falls within the conference is about its day
            case STARTS_AT -> problem.message().contains("during the conference") ? Column.DATE : Column.START;
            case ENDS_AT -> problem.message().contains("during the conference") ? Column.DATE : Column.END;
            case TRACK -> Column.TRACK;
            case HOST -> Column.HOST;
            case JOIN_URL -> Column.JOINING_LINK;
            case CAPACITY -> Column.PLACES;
            case ACCESS_NOTES -> Column.ACCESS_NOTES;
        };
    }

    /** The template columns whose value the row would change, in template order. */
    private static List<String> changes(CsvImportRepository.Existing before, SessionDraft after, boolean newTrack,
                                        boolean newHost, @Nullable List<Long> facilitators) {
        SessionDraft old = before.draft();
        Set<Column> changed = new LinkedHashSet<>();
        if (!old.title().equals(after.title())) {
            changed.add(Column.TITLE);
        }
        if (!old.summaryMarkdown().equals(after.summaryMarkdown())) {
            changed.add(Column.DESCRIPTION);
        }
        if (old.format() != after.format()) {
            changed.add(Column.FORMAT);
        }
        if (!Objects.equals(old.startsAt(), after.startsAt())) {
            changed.add(Column.START);
        }
        if (!Objects.equals(old.endsAt(), after.endsAt())) {
            changed.add(Column.END);
        }
        if (newTrack || !Objects.equals(old.trackId(), after.trackId())) {
            changed.add(Column.TRACK);
        }
        if (newHost || !Objects.equals(old.hostId(), after.hostId())) {
            changed.add(Column.HOST);
        }
        if (!Objects.equals(old.joinUrl(), after.joinUrl())) {
            changed.add(Column.JOINING_LINK);
        }
        if (!Objects.equals(old.capacity(), after.capacity())) {
            changed.add(Column.PLACES);
        }
        ACCESS_COLUMNS.forEach((column, feature) -> {
            if (old.offers(feature) != after.offers(feature)) {
                changed.add(column);
            }
        });
        if (!Objects.equals(old.accessNotes(), after.accessNotes())) {
            changed.add(Column.ACCESS_NOTES);
        }
        if (facilitators != null && !before.facilitatorUserIds().equals(Set.copyOf(facilitators))) {
            changed.add(Column.FACILITATOR_EMAILS);
        }
        return changed.stream().map(Column::header).toList();
    }

    // ---- confirm ------------------------------------------------------------------------------------------------

    /**
     * Writes every session of the preview in one transaction, creating the new tracks and host organisations it
     * names. Refused, with nothing written, when the preview has problems, when it was made by someone else, or
     * when a session it creates or updates changed after the preview was made.
     */
    /**
     * The references were checked free under lock just before, but a session saved by someone else at the same
     * instant is only seen by the unique index; Postgres has then aborted the transaction, so the whole import is
     * refused with the same advice as any other change since the preview.
     */
    private long insertUnlessTakenMeanwhile(SessionDraft draft) {
        try {
            return writer.insert(draft);
        } catch (DuplicateKeyException e) {
            throw new CsvImportConflictException("Session " + draft.reference() + " was added by someone else "
                    + "while the file was being imported, so nothing has been imported. Upload the file again to "
                    + "check it against the programme as it is now.");
        }
    }

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
        ConferenceSummary conference = repository.conference(preview.conferenceId())
                .orElseThrow(() -> new CsvImportConflictException("The conference no longer exists, so nothing "
                        + "has been imported."));
        boolean organiser = permissions.isOrganiser(user);
        Set<Long> coordinated = organiser ? Set.of() : permissions.coordinatedHostIds(user.id());
        Map<String, CsvImportRepository.Existing> now = repository.sessionsByReference(conference.id(), true);
        List<String> changedSince = new ArrayList<>();
        for (CsvImportRow row : preview.rows()) {
            CsvImportRepository.Existing current = now.get(row.reference());
            boolean same = row.sessionId() == null ? current == null
                    : current != null && current.id() == row.sessionId()
                    && Objects.equals(current.version(), row.expectedVersion());
            if (!same) {
                changedSince.add(row.reference());
            }
            // coordinators are checked again: they may have lost an organisation since the preview
            if (!organiser && (row.newHost() || row.draft().hostId() == null
                    || !coordinated.contains(row.draft().hostId())
                    || (current != null && (current.draft().hostId() == null
                    || !coordinated.contains(current.draft().hostId()))))) {
                throw new AccessDeniedException("You can only import sessions for the organisations you coordinate.");
            }
        }
        if (!changedSince.isEmpty()) {
            log.info("User {} was refused a CSV import into conference {}: {} sessions changed since the preview",
                    user.id(), conference.id(), changedSince.size());
            throw new CsvImportConflictException(changedSince.size() == 1
                    ? "Session " + changedSince.getFirst() + " was changed by someone else after you checked the "
                    + "file, so nothing has been imported. Upload the file again to check it against the programme "
                    + "as it is now."
                    : changedSince.size() + " sessions (" + String.join(", ", changedSince.stream().limit(10).toList())
                    + (changedSince.size() > 10 ? " and others" : "") + ") were changed by someone else after you "
                    + "checked the file, so nothing has been imported. Upload the file again to check it against "
                    + "the programme as it is now.");
        }

        Map<String, Long> trackIds = new HashMap<>();
        repository.tracks(conference.id()).forEach((name, id) -> trackIds.putIfAbsent(name.toLowerCase(Locale.ROOT), id));
        Map<String, Long> hostIds = new HashMap<>();
        int tracksCreated = 0;
        int hostsCreated = 0;
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int total = preview.rows().size();
        int done = 0;
        for (CsvImportRow row : preview.rows()) {
            SessionDraft draft = row.draft();
            if (row.newTrack()) {
                String trackName = Objects.requireNonNull(row.trackName(), "a new track is named in the file");
                String key = trackName.toLowerCase(Locale.ROOT);
                Long trackId = trackIds.get(key);
                if (trackId == null) {
                    trackId = repository.createTrack(conference.id(), trackName);
                    trackIds.put(key, trackId);
                    tracksCreated++;
                }
                draft = withIds(draft, trackId, draft.hostId());
            }
            if (row.newHost()) {
                String hostName = Objects.requireNonNull(row.hostName(), "a new host is named in the file");
                String key = hostName.toLowerCase(Locale.ROOT);
                Long hostId = hostIds.get(key);
                if (hostId == null) {
                    Optional<Long> found = repository.hostByName(hostName);
                    hostId = found.orElseGet(() -> repository.createHost(hostName));
                    if (found.isEmpty()) {
                        hostsCreated++;
                    }
                    hostIds.put(key, hostId);
                }
                draft = withIds(draft, draft.trackId(), hostId);
            }
            switch (row.action()) {
                case CREATE -> {
                    long id = insertUnlessTakenMeanwhile(draft);
                    if (row.facilitatorUserIds() != null) {
                        repository.setFacilitators(id, row.facilitatorUserIds());
                    }
                    created++;
                }
                case UPDATE -> {
                    if (!writer.update(Objects.requireNonNull(row.sessionId(), "an update names its session"),
                            Objects.requireNonNull(row.expectedVersion(), "read with the session"), draft)) {
                        throw new CsvImportConflictException("Session " + row.reference() + " was changed by "
                                + "someone else while the file was being imported, so nothing has been imported. "
                                + "Upload the file again to check it against the programme as it is now.");
                    }
                    if (row.facilitatorUserIds() != null) {
                        repository.setFacilitators(row.sessionId(), row.facilitatorUserIds());
                    }
                    updated++;
                }
                case UNCHANGED -> unchanged++;
            }
            progress.report(CsvImportProgress.Stage.WRITING, ++done, total);
        }
        log.info("User {} imported a CSV file into conference {}: {} sessions created, {} updated, {} unchanged, "
                        + "{} tracks and {} host organisations created", user.id(), conference.id(), created, updated,
                unchanged, tracksCreated, hostsCreated);
        return new CsvImportResult(conference.id(), created, updated, unchanged, tracksCreated, hostsCreated);
    }

    private static SessionDraft withIds(SessionDraft d, @Nullable Long trackId, @Nullable Long hostId) {
        return new SessionDraft(d.conferenceId(), d.reference(), d.title(), d.summaryMarkdown(), d.format(),
                d.startsAt(), d.endsAt(), trackId, hostId, d.joinUrl(), d.capacity(), d.access(), d.accessNotes());
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
