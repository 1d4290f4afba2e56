package org.convene.exchange;

import org.convene.core.TextRule;
import org.convene.programme.ProgrammeLimits;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a schedule in the frab/pretalx JSON format into what the import writes: the conference, the rooms that
 * hold events (as tracks) and the events (as sessions, with their speakers). Pure, so what it accepts and the
 * messages naming where a file goes wrong are tested without a database.
 *
 * <p>Real exports stray from the schema, so anything that keeps its meaning is accepted: an acronym with
 * capitals or spaces, extra fields, a missing optional field. Anything that cannot be understood (an event
 * without a title or start, a time that is not a time) fails the whole file with a message naming the place.
 */
final class FrabScheduleReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_TRACK = 100;
    /** Dates outside these years are typing slips or tests of the parser, never a real programme. */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 9999;
    static final int MAX_NAME = 200;

    private FrabScheduleReader() {
    }

    record Parsed(String slug, String name, ZoneId zone, LocalDate firstDay, LocalDate lastDay,
                          List<String> rooms, List<ImportedSession> sessions, List<String> skipped) {
    }

    /** The whole file, read and checked; a {@link ScheduleImportException} names the first place it cannot read. */
    static Parsed read(String json) {
        JsonNode root;
        try {
            root = json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ScheduleImportException("The file is not JSON: " + firstLine(e.getOriginalMessage())
                    + lineAndColumn(e) + ".");
        }
        if (root == null || !root.isObject()) {
            throw new ScheduleImportException("The file is not a schedule: expected a JSON object with \"schedule\" in it.");
        }
        JsonNode conference = root.path("schedule").path("conference");
        if (!conference.isObject()) {
            throw new ScheduleImportException(root.has("schedule")
                    ? "schedule.conference is missing: the file has no conference to import."
                    : "The file has no \"schedule\": it is not a frab or pretalx schedule export.");
        }
        String acronym = text(conference, "acronym");
        String title = text(conference, "title");
        String slug = slug(acronym != null ? acronym : title);
        if (slug == null) {
            throw new ScheduleImportException(acronym == null && title == null
                    ? "conference has neither an acronym nor a title, so it cannot be named."
                    : "conference.acronym '" + (acronym != null ? acronym : title) + "' has no letters or digits to make an address from.");
        }
        String name = title != null ? title : Objects.requireNonNull(acronym, "the slug was made from one of them");
        if (name.length() > MAX_NAME) {
            throw new ScheduleImportException("conference.title is longer than " + MAX_NAME + " characters.");
        }
        TextRule.problem("The conference title", name, TextRule.Lines.ONE).ifPresent(message -> {
            throw new ScheduleImportException("conference.title: " + message);
        });
        String zoneName = text(conference, "time_zone_name");
        ZoneId zone;
        try {
            zone = zoneName == null ? ZoneId.of("UTC") : ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw new ScheduleImportException("conference.time_zone_name '" + zoneName + "' is not a time zone.");
        }
        LocalDate start = conferenceDate(conference, "start", zone);
        LocalDate end = conferenceDate(conference, "end", zone);

        refuseNewerLayout(root);
        JsonNode days = conference.path("days");
        if (!days.isMissingNode() && !days.isNull() && !days.isArray()) {
            throw new ScheduleImportException("conference.days is not a list of days.");
        }
        List<String> rooms = new ArrayList<>();
        for (JsonNode room : conference.path("rooms")) {
            String roomName = text(room, "name");
            if (roomName != null && !rooms.contains(roomName)) {
                rooms.add(roomName);
            }
        }
        List<ImportedSession> sessions = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<UUID> guids = new HashSet<>();
        Set<LocalDate> dates = new LinkedHashSet<>();
        int dayIndex = 0;
        for (JsonNode day : days) {
            String dayPlace = "days[" + dayIndex + "]";
            LocalDate date = null;
            String dateText = text(day, "date");
            if (dateText != null) {
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeException e) {
                    throw new ScheduleImportException(dayPlace + ": date '" + dateText + "' is not a date (yyyy-mm-dd).");
                }
                checkYear(date, dayPlace + ": date");
                dates.add(date);
                dayPlace += " (" + date + ")";
            }
            JsonNode dayRooms = day.path("rooms");
            if (!dayRooms.isMissingNode() && !dayRooms.isNull() && !dayRooms.isObject()) {
                throw new ScheduleImportException(dayPlace + ": rooms is not a set of named rooms.");
            }
            for (var room : dayRooms.properties()) {
                String roomName = room.getKey().strip();
                String roomPlace = dayPlace + ", room '" + roomName + "'";
                if (roomName.isEmpty()) {
                    throw new ScheduleImportException(roomPlace + ": a room needs a name.");
                }
                if (roomName.length() > MAX_TRACK) {
                    throw new ScheduleImportException(roomPlace + ": the room name is longer than " + MAX_TRACK
                            + " characters.");
                }
                TextRule.problem("The room name", roomName, TextRule.Lines.ONE).ifPresent(message -> {
                    throw new ScheduleImportException(roomPlace + ": " + message);
                });
                if (!room.getValue().isArray()) {
                    throw new ScheduleImportException(roomPlace + ": expected a list of events.");
                }
                if (!rooms.contains(roomName)) {
                    rooms.add(roomName);
                }
                int eventIndex = 0;
                for (JsonNode event : room.getValue()) {
                    String place = "events[" + eventIndex + "] in room '" + roomName + "' on " + dayPlace;
                    ImportedSession session = FrabEventReader.event(event, place, slug, roomName, date, zone, skipped);
                    if (session.guid() != null && !guids.add(session.guid())) {
                        throw new ScheduleImportException(place + ": guid " + session.guid()
                                + " is used by another event too.");
                    }
                    sessions.add(session);
                    dates.add(session.startsAt().atZone(zone).toLocalDate());
                    eventIndex++;
                }
            }
            dayIndex++;
        }
        if (sessions.isEmpty()) {
            throw new ScheduleImportException("The schedule has no events, so nothing was imported. Convene expected "
                    + "events in lists under schedule.conference.days[].rooms, as frab and pretalx export them.");
        }
        LocalDate first = start != null ? start : dates.stream().min(LocalDate::compareTo).orElse(null);
        if (first == null) {
            throw new ScheduleImportException("conference has no start date and no days to take one from.");
        }
        LocalDate last = end != null ? end : dates.stream().max(LocalDate::compareTo).orElse(first);
        if (last.isBefore(first)) {
            throw new ScheduleImportException("conference ends (" + last + ") before it starts (" + first + ").");
        }
        if (first.plusDays(ProgrammeLimits.CONFERENCE_DAYS_MAX - 1).isBefore(last)) {
            throw new ScheduleImportException("conference runs from " + first + " to " + last + ": a conference can "
                    + "last at most " + ProgrammeLimits.CONFERENCE_DAYS_MAX + " days.");
        }
        // Only rooms that hold events become tracks: a room list may name every room of a venue.
        Set<String> used = new HashSet<>();
        sessions.forEach(s -> used.add(s.room()));
        return new Parsed(slug, name, zone, first, last, rooms.stream().filter(used::contains).toList(), sessions,
                skipped);
    }

    private static @Nullable LocalDate conferenceDate(JsonNode conference, String field, ZoneId zone) {
        String value = text(conference, field);
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeException notADate) {
            try {
                date = OffsetDateTime.parse(value).atZoneSameInstant(zone).toLocalDate();
            } catch (DateTimeException notADateTime) {
                throw new ScheduleImportException("conference." + field + " '" + value + "' is not a date.");
            }
        }
        return checkYear(date, "conference." + field);
    }

    static LocalDate checkYear(LocalDate date, String what) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new ScheduleImportException(what + " " + date + " is not between the years " + FIRST_YEAR + " and "
                    + LAST_YEAR + ".");
        }
        return date;
    }

    static Instant checkYear(Instant instant, String what) {
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new ScheduleImportException(what + " is not between the years " + FIRST_YEAR + " and " + LAST_YEAR
                    + ".");
        }
        return instant;
    }

    /**
     * The newer "schedule 2" layout lists events at the top level (each naming its room) instead of under days
     * and rooms. Reading it as the older layout would find no events; saying so is better than an empty import.
     */
    private static void refuseNewerLayout(JsonNode root) {
        JsonNode schedule = root.path("schedule");
        boolean topLevelEvents = root.path("events").isArray() || schedule.path("events").isArray()
                || schedule.path("conference").path("events").isArray();
        if (topLevelEvents) {
            throw new ScheduleImportException("This schedule lists its events at the top level (the newer "
                    + "\"schedule 2\" layout), which Convene cannot import yet. Convene expected the frab/pretalx "
                    + "schedule JSON, with events under schedule.conference.days[].rooms: in pretalx, export "
                    + "\"schedule.json\" (the frab-compatible export).");
        }
    }

    /** A lower-case, URL-safe slug from an acronym such as "DemoCon 2020!" or Convene's own "co_week". */
    static @Nullable String slug(@Nullable String acronym) {
        if (acronym == null) {
            return null;
        }
        String slug = acronym.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? null : slug;
    }

    /** A field's text, stripped; null when it is missing, empty or not a string or number. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isString() || value.isNumber()) {
            String text = value.asString().strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable content";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String lineAndColumn(JacksonException e) {
        var location = e.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
