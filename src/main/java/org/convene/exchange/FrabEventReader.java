package org.convene.exchange;

import org.jspecify.annotations.Nullable;
import org.convene.core.TextRule;
import org.convene.programme.SessionFormat;
import org.convene.programme.WebAddresses;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.convene.exchange.FrabScheduleReader.text;

/**
 * Reads one event of a frab/pretalx schedule: its title, times, type, links, guid and speakers. Pure, like
 * {@link FrabScheduleReader}, which walks the days and rooms and hands each event here with its place.
 */
final class FrabEventReader {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    // digits bounded so every part parses as an int; the length itself is bounded by MAX_EVENT_LENGTH
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,6}):(\\d{2})(?::(\\d{2}))?");
    /** Longer than any real session (frab writes "d:hh:mm" past a day); stops a typo such as 99999:00. */
    static final Duration MAX_EVENT_LENGTH = Duration.ofDays(14);
    private static final int MAX_TITLE = 200;

    private FrabEventReader() {
    }

    /** One event, read and checked; {@code place} says where it is in the file for any message. */
    static ImportedSession event(JsonNode event, String place, String conferenceSlug, String room,
                                         @Nullable LocalDate dayDate, ZoneId zone, List<String> skipped) {
        if (!event.isObject()) {
            throw new ScheduleImportException(place + ": is not an event.");
        }
        String title = text(event, "title");
        if (title == null) {
            throw new ScheduleImportException(place + ": the event has no title.");
        }
        String titlePlace = place;
        TextRule.problem("The title", title, TextRule.Lines.ONE).ifPresent(message -> {
            throw new ScheduleImportException(titlePlace + ": " + message);
        });
        place = place + " ('" + title + "')";
        if (title.length() > MAX_TITLE) {
            throw new ScheduleImportException(place + ": the title is longer than " + MAX_TITLE + " characters.");
        }
        Instant starts = FrabScheduleReader.checkYear(start(event, place, dayDate, zone), place + ": the start");
        Instant ends = FrabScheduleReader.checkYear(end(event, place, starts), place + ": the end");
        if (!ends.isAfter(starts)) {
            throw new ScheduleImportException(place + ": it ends when or before it starts.");
        }
        String joinUrl = null;
        String recordingUrl = null;
        int linkIndex = 0;
        for (JsonNode link : event.path("links")) {
            String url = text(link, "url");
            String linkTitle = text(link, "title");
            String words = ((linkTitle == null ? "" : linkTitle) + " " + (text(link, "type") == null ? "" : text(link, "type")))
                    .toLowerCase(Locale.ROOT);
            String linkPlace = place + " links[" + linkIndex++ + "]";
            if (url == null || !WebAddresses.isValid(url)) {
                skipped.add(linkPlace + ": not a web address Convene can link to (it must start with https:// or "
                        + "http://, name a host with a dot and have no spaces), left out.");
            } else if (recordingUrl == null && isRecording(words, url)) {
                recordingUrl = url;
            } else if (joinUrl == null && isJoining(words, url)) {
                joinUrl = url;
            } else {
                skipped.add(linkPlace + ": '" + (linkTitle == null ? url : linkTitle)
                        + "' is neither a joining link nor a recording, left out.");
            }
        }
        List<ImportedSession.Speaker> speakers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int personIndex = 0;
        for (JsonNode person : event.path("persons")) {
            String personPlace = place + " persons[" + personIndex++ + "]";
            String name = text(person, "public_name");
            if (name == null) {
                name = text(person, "name");
            }
            if (name == null) {
                skipped.add(personPlace + ": has no name, left out.");
                continue;
            }
            if (name.length() > FrabScheduleReader.MAX_NAME) {
                throw new ScheduleImportException(personPlace + ": the name is longer than " + FrabScheduleReader.MAX_NAME + " characters.");
            }
            var badName = TextRule.offence(name, TextRule.Lines.ONE);
            if (badName.isPresent()) {
                skipped.add(personPlace + ": the name " + cannotBeStored(badName.get()));
                continue;
            }
            String bio = text(person, "biography");
            var badBio = TextRule.offence(bio, TextRule.Lines.MANY);
            if (badBio.isPresent()) {
                skipped.add(personPlace + " ('" + name + "'): the biography " + cannotBeStored(badBio.get()));
                bio = null;
            }
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                speakers.add(new ImportedSession.Speaker(name, bio));
            }
        }
        String summary = summary(event);
        var badSummary = TextRule.offence(summary, TextRule.Lines.MANY);
        if (badSummary.isPresent()) {
            skipped.add(place + ": the description " + cannotBeStored(badSummary.get()));
            summary = "";
        }
        return new ImportedSession(guid(event, conferenceSlug), room, title, summary, format(text(event, "type")),
                starts, ends, joinUrl, recordingUrl, speakers);
    }

    static String cannotBeStored(String offence) {
        return "contains a character that cannot be stored (" + offence + "), left out.";
    }

    /**
     * The event's "date" is a full date and time with its offset in both frab and pretalx, and wins; "start" is
     * the older wall-clock time on the day, used when there is no full date. A start that is there must be a time.
     */
    private static Instant start(JsonNode event, String place, @Nullable LocalDate dayDate, ZoneId zone) {
        String startText = text(event, "start");
        LocalTime startTime = null;
        if (startText != null) {
            startTime = time(startText);
            if (startTime == null) {
                throw new ScheduleImportException(place + ": start '" + startText + "' is not a time (hh:mm).");
            }
        }
        String dateText = text(event, "date");
        LocalDate date = dayDate;
        if (dateText != null) {
            try {
                return OffsetDateTime.parse(dateText).toInstant();
            } catch (DateTimeException notWithOffset) {
                try {
                    LocalDateTime local = LocalDateTime.parse(dateText);
                    return (startTime == null ? local : local.toLocalDate().atTime(startTime)).atZone(zone).toInstant();
                } catch (DateTimeException notLocal) {
                    try {
                        date = LocalDate.parse(dateText);
                    } catch (DateTimeException notADate) {
                        throw new ScheduleImportException(place + ": date '" + dateText + "' is not a date and time.");
                    }
                }
            }
        }
        if (startTime == null) {
            throw new ScheduleImportException(place + ": the event has no start (neither \"date\" nor \"start\").");
        }
        if (date == null) {
            throw new ScheduleImportException(place + ": the event has a start time but no date, and its day has none.");
        }
        return date.atTime(startTime).atZone(zone).toInstant();
    }

    private static Instant end(JsonNode event, String place, Instant starts) {
        String endText = text(event, "end");
        if (endText != null) {
            try {
                return OffsetDateTime.parse(endText).toInstant();
            } catch (DateTimeException e) {
                // pretalx and frab give "duration" as well; fall back to it when "end" cannot be read
            }
        }
        String durationText = text(event, "duration");
        if (durationText == null) {
            if (endText != null) {
                throw new ScheduleImportException(place + ": end '" + endText + "' is not a date and time.");
            }
            throw new ScheduleImportException(place + ": the event has no duration.");
        }
        Matcher m = DURATION.matcher(durationText);
        if (!m.matches() || Integer.parseInt(m.group(3)) > 59 || (m.group(4) != null && Integer.parseInt(m.group(4)) > 59)) {
            throw new ScheduleImportException(place + ": duration '" + durationText + "' is not a length of time (hh:mm).");
        }
        Duration length = Duration.ofHours(Long.parseLong(m.group(2))).plusMinutes(Long.parseLong(m.group(3)));
        if (m.group(1) != null) {
            // frab's "d:hh:mm" for events longer than a day
            length = length.plusDays(Long.parseLong(m.group(1)));
        }
        if (m.group(4) != null) {
            length = length.plusSeconds(Long.parseLong(m.group(4)));
        }
        if (length.compareTo(MAX_EVENT_LENGTH) > 0) {
            throw new ScheduleImportException(place + ": duration '" + durationText + "' is longer than "
                    + MAX_EVENT_LENGTH.toDays() + " days, the longest event Convene takes.");
        }
        return starts.plus(length);
    }

    private static @Nullable LocalTime time(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The guid is the event's identity across imports. One that is not a UUID still identifies the event, so it
     * is hashed into one; without any guid, the pretalx code or frab id of the event in this conference is used.
     */
    private static @Nullable UUID guid(JsonNode event, String conferenceSlug) {
        String guid = text(event, "guid");
        if (guid != null) {
            try {
                return UUID.fromString(guid);
            } catch (IllegalArgumentException notAUuid) {
                return nameUuid("guid:" + guid);
            }
        }
        String code = text(event, "code");
        if (code == null && event.path("id").isNumber()) {
            code = event.path("id").asString();
        }
        return code == null ? null : nameUuid("convene-import:" + conferenceSlug + ":" + code);
    }

    private static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Convene keeps one Markdown summary. pretalx has a short abstract and a longer description; Convene's own
     * export repeats the summary as plain text in the abstract, which must not be doubled on the way back.
     */
    private static String summary(JsonNode event) {
        String abstractText = text(event, "abstract");
        String description = text(event, "description");
        if (description == null) {
            return abstractText == null ? "" : abstractText;
        }
        if (abstractText == null || FrabSchedule.plainText(description).startsWith(abstractText.strip())) {
            return description;
        }
        return abstractText + "\n\n" + description;
    }

    static SessionFormat format(@Nullable String type) {
        if (type == null) {
            return SessionFormat.WEBINAR;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        for (SessionFormat f : SessionFormat.values()) {
            if (t.equals(f.name().toLowerCase(Locale.ROOT)) || t.equals(f.label().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        if (t.contains("workshop") || t.contains("hands-on") || t.contains("tutorial")) {
            return SessionFormat.WORKSHOP;
        }
        if (t.contains("panel") || t.contains("discussion") || t.contains("debate")) {
            return SessionFormat.PANEL;
        }
        if (t.contains("drop")) {
            return SessionFormat.DROP_IN;
        }
        if (t.contains("social") || t.contains("meetup") || t.contains("party") || t.contains("networking")) {
            return SessionFormat.SOCIAL;
        }
        if (t.contains("perform") || t.contains("concert") || t.contains("music") || t.contains("show")) {
            return SessionFormat.PERFORMANCE;
        }
        if (t.contains("talk") || t.contains("lecture") || t.contains("keynote") || t.contains("presentation")) {
            return SessionFormat.TALK;
        }
        return SessionFormat.WEBINAR;
    }

    private static boolean isRecording(String words, String url) {
        return words.contains("recording") || words.contains("video") || words.contains("media")
                || words.contains("replay") || url.contains("youtube.com/watch") || url.contains("youtu.be/")
                || url.contains("vimeo.com/") || url.contains("media.ccc.de/");
    }

    private static boolean isJoining(String words, String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return words.contains("join") || words.contains("live") || words.contains("stream")
                || words.contains("meeting") || words.contains("online")
                || u.contains("zoom.us/") || u.contains("teams.microsoft.com/") || u.contains("meet.google.com/")
                || u.contains("meet.jit.si/") || u.contains("whereby.com/");
    }
}
