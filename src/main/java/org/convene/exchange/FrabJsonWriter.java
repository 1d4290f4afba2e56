package org.convene.exchange;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Writes the frab/pretalx schedule JSON (c3voc schema.json), the form the importer reads back. */
final class FrabJsonWriter {

    static final String JOIN_LINK_TITLE = "Join online";
    static final String RECORDING_LINK_TITLE = "Recording";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private FrabJsonWriter() {
    }

    record Link(String type, String url, String title) {
    }

    /**
     * The joining link is a web page (Convene's Join link, which opens the meeting only in its join window); the
     * recording is media, and its title says so for importers.
     */
    static List<Link> links(FrabSchedule schedule, ScheduleSession session) {
        List<Link> links = new ArrayList<>();
        if (session.joinUrl() != null) {
            links.add(new Link("web", schedule.joinUrl(session), JOIN_LINK_TITLE));
        }
        if (session.recordingUrl() != null) {
            links.add(new Link("media", session.recordingUrl(), RECORDING_LINK_TITLE));
        }
        return links;
    }

    static String write(FrabSchedule schedule) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://c3voc.de/schedule/schema.json");
        root.putObject("generator").put("name", "Convene");
        ObjectNode scheduleNode = root.putObject("schedule");
        scheduleNode.put("version", schedule.version);
        scheduleNode.put("base_url", schedule.baseUrl + "/");
        ObjectNode conference = scheduleNode.putObject("conference");
        conference.put("acronym", schedule.acronym());
        conference.put("title", schedule.conference.name());
        conference.put("start", schedule.conference.firstDay().toString());
        conference.put("end", schedule.conference.lastDay().toString());
        conference.put("daysCount", schedule.days.size());
        conference.put("timeslot_duration", "00:05");
        conference.put("time_zone_name", schedule.conference.timeZone().getId());
        conference.put("url", schedule.baseUrl + "/conferences/" + schedule.conference.slug());
        ArrayNode rooms = conference.putArray("rooms");
        for (String room : schedule.rooms) {
            rooms.addObject().put("name", room).put("guid", roomGuid(schedule, room));
        }
        ArrayNode days = conference.putArray("days");
        for (FrabSchedule.Day day : schedule.days) {
            ObjectNode dayNode = days.addObject();
            dayNode.put("index", day.index());
            dayNode.put("date", day.date().toString());
            dayNode.put("day_start", DATE_TIME.format(schedule.dayStart(day)));
            dayNode.put("day_end", DATE_TIME.format(schedule.dayEnd(day)));
            ObjectNode roomsNode = dayNode.putObject("rooms");
            for (var room : day.rooms().entrySet()) {
                ArrayNode events = roomsNode.putArray(room.getKey());
                for (ScheduleSession session : room.getValue()) {
                    event(events.addObject(), schedule, session);
                }
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void event(ObjectNode event, FrabSchedule schedule, ScheduleSession session) {
        event.put("id", session.id());
        event.put("guid", session.exportGuid().toString());
        event.put("date", DATE_TIME.format(schedule.start(session)));
        event.put("start", FrabSchedule.HOURS_MINUTES.format(schedule.start(session)));
        event.put("end", DATE_TIME.format(schedule.end(session)));
        event.put("duration", FrabSchedule.duration(session));
        event.put("room", schedule.room(session));
        event.put("slug", schedule.slug(session));
        event.put("url", schedule.sessionUrl(session));
        event.put("title", session.title());
        event.put("subtitle", "");
        if (session.track() == null) {
            event.putNull("track");
        } else {
            event.put("track", session.track());
        }
        event.put("type", session.format().label());
        event.put("language", "en");
        event.put("abstract", FrabSchedule.plainText(session.summaryMarkdown()));
        event.put("description", session.summaryMarkdown());
        event.put("recording_license", "");
        event.put("do_not_record", false);
        ArrayNode persons = event.putArray("persons");
        for (ScheduleSession.Person person : session.people()) {
            ObjectNode p = persons.addObject();
            p.put("name", person.name());
            if (person.bio() != null) {
                p.put("biography", person.bio());
            }
        }
        ArrayNode links = event.putArray("links");
        for (Link link : links(schedule, session)) {
            links.addObject().put("type", link.type()).put("url", link.url()).put("title", link.title());
        }
    }

    private static String roomGuid(FrabSchedule schedule, String room) {
        return java.util.UUID.nameUUIDFromBytes(("convene-room-" + schedule.conference.id() + "-" + room)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
