package org.convene.exchange;

import org.convene.core.PublicBaseUrl;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.SessionAddresses;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A conference laid out the way the frab schedule formats (XML and JSON) see it: days, each with rooms, each
 * with events. Convene's tracks are the rooms; sessions without a track meet in {@link #NO_TRACK_ROOM}.
 */
final class FrabSchedule {

    static final String NO_TRACK_ROOM = "Online";
    static final String VERSION_PREFIX = "convene-";
    static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer PLAIN_TEXT = TextContentRenderer.builder().build();

    final ConferenceSummary conference;
    final List<String> rooms;
    final List<Day> days;
    final PublicBaseUrl base;
    final String baseUrl;
    final String version;

    FrabSchedule(ConferenceSummary conference, List<String> tracks, List<ScheduleSession> sessions, PublicBaseUrl base) {
        this.conference = conference;
        this.base = base;
        this.baseUrl = base.value();
        List<String> roomOrder = new ArrayList<>(tracks);
        if (sessions.stream().anyMatch(s -> s.track() == null) && !roomOrder.contains(NO_TRACK_ROOM)) {
            roomOrder.add(NO_TRACK_ROOM);
        }
        this.rooms = List.copyOf(roomOrder);
        // Every conference day appears, even an empty one; a session outside the dates adds its own day.
        TreeMap<LocalDate, List<ScheduleSession>> byDate = new TreeMap<>();
        for (LocalDate d = conference.firstDay(); !d.isAfter(conference.lastDay()); d = d.plusDays(1)) {
            byDate.put(d, new ArrayList<>());
        }
        for (ScheduleSession s : sessions) {
            byDate.computeIfAbsent(s.startsAt().atZone(conference.timeZone()).toLocalDate(), d -> new ArrayList<>())
                    .add(s);
        }
        List<Day> dayList = new ArrayList<>();
        int index = 1;
        for (var entry : byDate.entrySet()) {
            Map<String, List<ScheduleSession>> byRoom = new LinkedHashMap<>();
            for (String room : rooms) {
                List<ScheduleSession> inRoom = entry.getValue().stream().filter(s -> room(s).equals(room)).toList();
                if (!inRoom.isEmpty()) {
                    byRoom.put(room, inRoom);
                }
            }
            dayList.add(new Day(index++, entry.getKey(), byRoom));
        }
        this.days = List.copyOf(dayList);
        // Changes whenever any session changes, which is what schedule apps compare to decide to refresh.
        this.version = VERSION_PREFIX + sessions.size() + "." + sessions.stream().mapToLong(s -> s.version() + s.id()).sum();
    }

    record Day(int index, LocalDate date, Map<String, List<ScheduleSession>> rooms) {
    }

    String room(ScheduleSession session) {
        return session.track() == null ? NO_TRACK_ROOM : session.track();
    }

    ZonedDateTime dayStart(Day day) {
        return day.date().atStartOfDay(conference.timeZone());
    }

    ZonedDateTime dayEnd(Day day) {
        return day.date().plusDays(1).atStartOfDay(conference.timeZone());
    }

    ZonedDateTime start(ScheduleSession session) {
        return session.startsAt().atZone(conference.timeZone());
    }

    ZonedDateTime end(ScheduleSession session) {
        return session.endsAt().atZone(conference.timeZone());
    }

    static String duration(ScheduleSession session) {
        Duration length = Duration.between(session.startsAt(), session.endsAt());
        // Both schemas allow at most two digits of hours.
        long hours = Math.min(99, length.toHours());
        return String.format(Locale.ROOT, "%02d:%02d", hours, hours == 99 ? 59 : length.toMinutesPart());
    }

    /**
     * The schemas want an acronym of at least four of [a-z0-9_]; Convene slugs use hyphens. Hyphens become
     * underscores and short slugs are padded with underscores, and the importer turns both back into a slug.
     */
    String acronym() {
        StringBuilder acronym = new StringBuilder(conference.slug().replace('-', '_'));
        while (acronym.length() < 4) {
            acronym.append('_');
        }
        return acronym.toString();
    }

    /** Unique per event (the id is in it) and in the frab "acronym-id-title" shape both schemas accept. */
    String slug(ScheduleSession session) {
        String words = session.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if (words.length() > 50) {
            words = words.substring(0, 50);
        }
        words = words.replaceAll("^-+|-+$", "");
        if (words.isEmpty()) {
            words = "session";
        }
        return acronym() + "-" + session.id() + "-" + words;
    }

    String sessionUrl(ScheduleSession session) {
        return SessionAddresses.page(base, session.id());
    }

    /** Convene's Join link, never the meeting's own address: these files are public. */
    String joinUrl(ScheduleSession session) {
        return SessionAddresses.join(base, session.id());
    }

    static String plainText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return PLAIN_TEXT.render(MARKDOWN.parse(markdown)).strip();
    }
}
