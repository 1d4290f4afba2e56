package org.convene.exchange;

import org.jspecify.annotations.Nullable;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeLimits;
import org.convene.programme.SessionDraft;
import org.convene.programme.SessionFormat;
import org.convene.core.TextRule;
import org.convene.programme.SessionRules;

import de.siegmar.fastcsv.reader.CsvRecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a CSV file's rows one by one against the programme as it was read once before the first row (tracks,
 * hosts, accounts and the existing sessions), and says what confirming each would do. Pure: it reads and writes
 * nothing, so every rule can be tried without a database.
 */
final class CsvRowChecker {

    /**
     * What the rows are checked against.
     *
     * @param tracks       the conference's track ids by name
     * @param coordinated  the host organisations the importer coordinates; ignored for organisers
     * @param usersByEmail account ids by lower-case email, for the facilitator emails in the file
     * @param existing     the conference's sessions that have a reference, by reference
     * @param unconfirmed  those of the file's facilitator emails whose accounts have not confirmed their address:
     *                     such an account cannot be made a facilitator (see account.EmailConfirmationService)
     */
    record Programme(ConferenceSummary conference, boolean organiser, Map<String, Long> tracks, List<HostRef> hosts,
                     Set<Long> coordinated, Map<String, Long> usersByEmail,
                     Map<String, CsvImportRepository.Existing> existing, Set<String> unconfirmed) {

        Programme(ConferenceSummary conference, boolean organiser, Map<String, Long> tracks, List<HostRef> hosts,
                  Set<Long> coordinated, Map<String, Long> usersByEmail,
                  Map<String, CsvImportRepository.Existing> existing) {
            this(conference, organiser, tracks, hosts, coordinated, usersByEmail, existing, Set.of());
        }
    }

    private final CsvImportFile file;
    private final Programme programme;
    private final Map<String, Long> tracksByKey = new HashMap<>();
    private final Map<String, String> trackNames = new HashMap<>();
    private final Map<String, HostRef> hostsByKey = new HashMap<>();
    private final String coordinatedNames;
    private final Map<String, Integer> referenceLines = new HashMap<>();
    private final Map<String, String> newTrackNames = new HashMap<>();
    private final Map<String, String> newHostNames = new HashMap<>();

    CsvRowChecker(CsvImportFile file, Programme programme) {
        this.file = file;
        this.programme = programme;
        programme.tracks().forEach((name, id) -> {
            tracksByKey.putIfAbsent(name.toLowerCase(Locale.ROOT), id);
            trackNames.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        });
        programme.hosts().forEach(h -> hostsByKey.put(h.name().toLowerCase(Locale.ROOT), h));
        this.coordinatedNames = programme.organiser() ? "" : CsvCells.orList(programme.hosts().stream()
                .filter(h -> programme.coordinated().contains(h.id())).map(HostRef::name).toList());
    }

    /** Every email address in the file's facilitator emails column, to look their accounts up at once. */
    static Set<String> facilitatorEmails(CsvImportFile file) {
        Set<String> emails = new TreeSet<>();
        if (file.has(CsvColumn.FACILITATOR_EMAILS)) {
            // an address that cannot be stored cannot be looked up either; the row check reports it
            file.rows().forEach(r -> CsvCells.emails(file.cell(r, CsvColumn.FACILITATOR_EMAILS)).stream()
                    .filter(email -> TextRule.allows(email, TextRule.Lines.ONE)).forEach(emails::add));
        }
        return emails;
    }

    /** Rows are checked in file order: a reference is a duplicate of the first line that used it. */
    CsvImportRow check(CsvRecord record) {
        int line = Math.toIntExact(record.getStartingLineNumber());
        Row row = new Row(record, line);

        String reference = cell(record, CsvColumn.REFERENCE);
        CsvImportRepository.Existing before = null;
        if (reference.isEmpty()) {
            row.unreadable(CsvColumn.REFERENCE, "Enter a reference, like CPW-014. "
                    + "It is how Convene finds the session again when you import the file another time");
        } else {
            Integer first = referenceLines.putIfAbsent(reference, line);
            if (first != null) {
                row.problem(CsvColumn.REFERENCE, "Reference " + reference + " is also used on line " + first
                        + ". Give each session its own reference");
            }
            before = programme.existing().get(reference);
        }
        SessionDraft base = before != null ? before.draft()
                : new SessionDraft(programme.conference().id(), reference, "", "", null, null, null, null, null,
                null, null, Set.of(), null);

        String title = has(CsvColumn.TITLE) ? cell(record, CsvColumn.TITLE) : base.title();
        String summary = has(CsvColumn.DESCRIPTION) ? cell(record, CsvColumn.DESCRIPTION) : base.summaryMarkdown();
        SessionFormat format = format(row);
        Instant[] times = times(row);
        Named track = track(row, base);
        Named host = host(row, base);
        checkOwnership(row, reference, before, host.id());

        String joinUrl = has(CsvColumn.JOINING_LINK) ? cell(record, CsvColumn.JOINING_LINK) : base.joinUrl();
        Integer capacity = capacity(row, base);
        Set<AccessFeature> access = access(row, base);
        String accessNotes = has(CsvColumn.ACCESS_NOTES) ? cell(record, CsvColumn.ACCESS_NOTES) : base.accessNotes();
        List<Long> facilitators = facilitators(row);

        SessionDraft draft = new SessionDraft(programme.conference().id(), reference, title, summary, format,
                times[0], times[1], track.id(), host.id(), joinUrl, capacity, access, accessNotes);
        for (SessionRules.Problem problem : SessionRules.check(draft, programme.conference())) {
            CsvColumn column = column(problem);
            if (!row.unreadable.contains(column)) {
                row.problem(column, problem.message());
            }
        }

        CsvImportRow.Action action = CsvImportRow.Action.CREATE;
        List<String> changed = List.of();
        if (before != null) {
            changed = changes(before, draft, track.isNew(), host.isNew(), facilitators);
            action = changed.isEmpty() ? CsvImportRow.Action.UNCHANGED : CsvImportRow.Action.UPDATE;
        }
        row.problems.sort(Comparator.comparingInt(p -> CsvColumn.named(p.column()).orElseThrow().ordinal()));
        return new CsvImportRow(line, action, draft, track.name(), track.isNew(), host.name(), host.isNew(),
                facilitators, before == null ? null : before.id(), before == null ? null : before.version(), changed,
                row.problems);
    }

    /** The row being checked and what is wrong with it so far. */
    private static final class Row {
        final CsvRecord record;
        final int line;
        final List<CsvImportProblem> problems = new ArrayList<>();
        /** Columns that could not be read, whose problem SessionRules should not repeat in other words. */
        final Set<CsvColumn> unreadable = EnumSet.noneOf(CsvColumn.class);

        Row(CsvRecord record, int line) {
            this.record = record;
            this.line = line;
        }

        void problem(CsvColumn column, String message) {
            problems.add(new CsvImportProblem(line, column.header(), message));
        }

        void unreadable(CsvColumn column, String message) {
            problem(column, message);
            unreadable.add(column);
        }
    }

    /** A track or host as the row names it: an existing one's id, or a new one confirming will create. */
    private record Named(@Nullable Long id, @Nullable String name, boolean isNew) {
    }

    private boolean has(CsvColumn column) {
        return file.has(column);
    }

    private String cell(CsvRecord record, CsvColumn column) {
        return file.cell(record, column);
    }

    private @Nullable SessionFormat format(Row row) {
        String text = cell(row.record, CsvColumn.FORMAT);
        if (text.isEmpty()) {
            row.unreadable(CsvColumn.FORMAT, "Enter a format: " + formats());
            return null;
        }
        String wanted = CsvColumn.key(text);
        for (SessionFormat format : SessionFormat.values()) {
            if (CsvColumn.key(format.name()).equals(wanted) || CsvColumn.key(format.label()).equals(wanted)) {
                return format;
            }
        }
        row.unreadable(CsvColumn.FORMAT, "Format must be one of " + formats());
        return null;
    }

    /** Start and end on the row's date, in the conference's time zone; nulls where they cannot be read. */
    private Instant[] times(Row row) {
        String dateText = cell(row.record, CsvColumn.DATE);
        LocalDate date = CsvCells.date(dateText);
        if (date == null) {
            row.unreadable(CsvColumn.DATE, dateText.isEmpty()
                    ? "Enter the date of the session, like 2026-07-08"
                    : "Date must be a real date written as YYYY-MM-DD, like 2026-07-08");
        }
        LocalTime start = time(row, CsvColumn.START);
        LocalTime end = time(row, CsvColumn.END);
        Instant starts = instant(row, date, start, CsvColumn.START);
        Instant ends = instant(row, date, end, CsvColumn.END);
        if (date == null) {
            // SessionRules would add "Enter the start date and time" to the date problem already given
            row.unreadable.add(CsvColumn.START);
            row.unreadable.add(CsvColumn.END);
        }
        return new Instant[]{starts, ends};
    }

    private @Nullable LocalTime time(Row row, CsvColumn column) {
        String text = cell(row.record, column);
        LocalTime time = CsvCells.time(text);
        if (time == null) {
            row.unreadable(column, text.isEmpty()
                    ? "Enter the " + column.header() + " time, like 14:30"
                    : column.sentenceName() + " must be a time on the 24-hour clock, like 09:30 or 14:30");
        }
        return time;
    }

    private @Nullable Instant instant(Row row, @Nullable LocalDate date, @Nullable LocalTime time, CsvColumn column) {
        if (date == null || time == null) {
            return null;
        }
        LocalDateTime local = date.atTime(time);
        ZoneId zone = programme.conference().timeZone();
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            row.unreadable(column, "There is no " + CsvCells.timeText(time)
                    + " on that day, because the clocks go forward an hour. Choose another time");
            return null;
        }
        return local.atZone(zone).toInstant();
    }

    /** A track the conference lacks is created on confirm, for organisers and coordinators alike. */
    private Named track(Row row, SessionDraft base) {
        Long trackId = base.trackId();
        if (!has(CsvColumn.TRACK)) {
            return new Named(trackId, trackId == null ? null : nameOfTrack(trackId), false);
        }
        String name = cell(row.record, CsvColumn.TRACK);
        if (name.length() > ProgrammeLimits.TRACK_NAME_MAX) {
            row.problem(CsvColumn.TRACK, "Track must be " + ProgrammeLimits.TRACK_NAME_MAX + " characters or fewer");
            return new Named(null, name, false);
        }
        var unstorable = TextRule.problem("The track", name, TextRule.Lines.ONE);
        if (unstorable.isPresent()) {
            row.problem(CsvColumn.TRACK, unstorable.get());
            return new Named(null, name, false);
        }
        if (name.isEmpty()) {
            return new Named(null, null, false);
        }
        String trackKey = name.toLowerCase(Locale.ROOT);
        Long id = tracksByKey.get(trackKey);
        if (id != null) {
            return new Named(id, trackNames.get(trackKey), false);
        }
        return new Named(null, newTrackNames.computeIfAbsent(trackKey, k -> name), true);
    }

    /** Only organisers may name a host organisation that does not exist yet. */
    private Named host(Row row, SessionDraft base) {
        Long hostId = base.hostId();
        if (!has(CsvColumn.HOST)) {
            return new Named(hostId, hostId == null ? null : nameOfHost(hostId), false);
        }
        String name = cell(row.record, CsvColumn.HOST);
        if (name.length() > ProgrammeLimits.HOST_NAME_MAX) {
            row.unreadable(CsvColumn.HOST, "Host must be " + ProgrammeLimits.HOST_NAME_MAX + " characters or fewer");
            return new Named(null, name, false);
        }
        var unstorable = TextRule.problem("The host", name, TextRule.Lines.ONE);
        if (unstorable.isPresent()) {
            row.unreadable(CsvColumn.HOST, unstorable.get());
            return new Named(null, name, false);
        }
        if (name.isEmpty()) {
            return new Named(null, null, false);
        }
        HostRef host = hostsByKey.get(name.toLowerCase(Locale.ROOT));
        if (host != null) {
            return new Named(host.id(), host.name(), false);
        }
        if (programme.organiser()) {
            return new Named(null, newHostNames.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> name), true);
        }
        row.unreadable(CsvColumn.HOST, "There is no host organisation called " + name + ". " + onlyYours());
        return new Named(null, name, false);
    }

    /** A coordinator may only add or change sessions of the organisations they coordinate. */
    private void checkOwnership(Row row, String reference, CsvImportRepository.@Nullable Existing before,
                                @Nullable Long hostId) {
        if (programme.organiser() || row.unreadable.contains(CsvColumn.HOST)) {
            return;
        }
        Set<Long> coordinated = programme.coordinated();
        if (before != null && (before.draft().hostId() == null || !coordinated.contains(before.draft().hostId()))) {
            row.problem(CsvColumn.REFERENCE, "Session " + reference + " belongs to another host organisation. "
                    + onlyYours());
        } else if (hostId == null || !coordinated.contains(hostId)) {
            row.problem(CsvColumn.HOST, onlyYours());
        }
    }

    private @Nullable Integer capacity(Row row, SessionDraft base) {
        if (!has(CsvColumn.PLACES)) {
            return base.capacity();
        }
        String places = cell(row.record, CsvColumn.PLACES).replace(",", "");
        if (places.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(places);
        } catch (NumberFormatException e) {
            row.unreadable(CsvColumn.PLACES, "Places must be a whole number, 1 or more");
            return null;
        }
    }

    /** The file's yes/no columns turn features on or off; features without a column stay as they are. */
    private Set<AccessFeature> access(Row row, SessionDraft base) {
        Set<AccessFeature> access = EnumSet.noneOf(AccessFeature.class);
        access.addAll(base.access());
        CsvColumn.ACCESS.forEach((column, feature) -> {
            if (!has(column)) {
                return;
            }
            Boolean on = CsvCells.yesNo(cell(row.record, column));
            if (on == null) {
                row.problem(column, column.sentenceName() + " must be yes or no");
            } else if (on) {
                access.add(feature);
            } else {
                access.remove(feature);
            }
        });
        return access;
    }

    /** Null without a facilitator emails column, which leaves the session's facilitators as they are. */
    private @Nullable List<Long> facilitators(Row row) {
        if (!has(CsvColumn.FACILITATOR_EMAILS)) {
            return null;
        }
        List<Long> facilitators = new ArrayList<>();
        for (String email : CsvCells.emails(cell(row.record, CsvColumn.FACILITATOR_EMAILS))) {
            Long id = programme.usersByEmail().get(email);
            var unstorable = TextRule.problem("One of the facilitator email addresses", email, TextRule.Lines.ONE);
            if (unstorable.isPresent()) {
                row.problem(CsvColumn.FACILITATOR_EMAILS, unstorable.get());
            } else if (!CsvCells.isEmail(email)) {
                row.problem(CsvColumn.FACILITATOR_EMAILS, email
                        + " is not an email address. Separate email addresses with a semicolon (;)");
            } else if (id == null) {
                row.problem(CsvColumn.FACILITATOR_EMAILS, "Nobody has an account with the email address " + email
                        + ". Ask them to sign up to Convene first, or leave them out");
            } else if (programme.unconfirmed().contains(email)) {
                row.problem(CsvColumn.FACILITATOR_EMAILS, "The account with the email address " + email + " has "
                        + "not confirmed its address yet, so it cannot be a facilitator. Ask them to open the link we "
                        + "emailed them, or leave them out");
            } else if (!facilitators.contains(id)) {
                facilitators.add(id);
            }
        }
        return facilitators;
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

    private static String formats() {
        return CsvCells.orList(Arrays.stream(SessionFormat.values()).map(SessionFormat::label).toList());
    }

    private static CsvColumn column(SessionRules.Problem problem) {
        return switch (problem.field()) {
            case REFERENCE -> CsvColumn.REFERENCE;
            case TITLE -> CsvColumn.TITLE;
            case SUMMARY -> CsvColumn.DESCRIPTION;
            case FORMAT -> CsvColumn.FORMAT;
            // the rule that a session falls within the conference is about its day
            case STARTS_AT -> problem.message().contains("during the conference") ? CsvColumn.DATE : CsvColumn.START;
            case ENDS_AT -> problem.message().contains("during the conference") ? CsvColumn.DATE : CsvColumn.END;
            case TRACK -> CsvColumn.TRACK;
            case HOST -> CsvColumn.HOST;
            case JOIN_URL -> CsvColumn.JOINING_LINK;
            case CAPACITY -> CsvColumn.PLACES;
            // not a column: the import leaves a session's registration closing time as it is
            case REGISTRATION_CLOSES_AT -> CsvColumn.END;
            case ACCESS_NOTES -> CsvColumn.ACCESS_NOTES;
        };
    }

    /** The template columns whose value the row would change, in template order. */
    static List<String> changes(CsvImportRepository.Existing before, SessionDraft after, boolean newTrack,
                                boolean newHost, @Nullable List<Long> facilitators) {
        SessionDraft old = before.draft();
        Set<CsvColumn> changed = new LinkedHashSet<>();
        if (!old.title().equals(after.title())) {
            changed.add(CsvColumn.TITLE);
        }
        if (!old.summaryMarkdown().equals(after.summaryMarkdown())) {
            changed.add(CsvColumn.DESCRIPTION);
        }
        if (old.format() != after.format()) {
            changed.add(CsvColumn.FORMAT);
        }
        if (!Objects.equals(old.startsAt(), after.startsAt())) {
            changed.add(CsvColumn.START);
        }
        if (!Objects.equals(old.endsAt(), after.endsAt())) {
            changed.add(CsvColumn.END);
        }
        if (newTrack || !Objects.equals(old.trackId(), after.trackId())) {
            changed.add(CsvColumn.TRACK);
        }
        if (newHost || !Objects.equals(old.hostId(), after.hostId())) {
            changed.add(CsvColumn.HOST);
        }
        if (!Objects.equals(old.joinUrl(), after.joinUrl())) {
            changed.add(CsvColumn.JOINING_LINK);
        }
        if (!Objects.equals(old.capacity(), after.capacity())) {
            changed.add(CsvColumn.PLACES);
        }
        CsvColumn.ACCESS.forEach((column, feature) -> {
            if (old.offers(feature) != after.offers(feature)) {
                changed.add(column);
            }
        });
        if (!Objects.equals(old.accessNotes(), after.accessNotes())) {
            changed.add(CsvColumn.ACCESS_NOTES);
        }
        if (facilitators != null && !before.facilitatorUserIds().equals(Set.copyOf(facilitators))) {
            changed.add(CsvColumn.FACILITATOR_EMAILS);
        }
        return changed.stream().map(CsvColumn::header).toList();
    }
}
