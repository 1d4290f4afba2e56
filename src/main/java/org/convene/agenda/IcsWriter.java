package org.convene.agenda;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.convene.core.PublicBaseUrl;
import org.convene.programme.SessionAddresses;
import org.convene.programme.SessionDetail;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes sessions as RFC 5545 iCalendar with ical4j. Each event keeps the conference's own time zone
 * (TZID plus a VTIMEZONE), so calendar apps convert it correctly across daylight-saving changes.
 * <p>
 * Calendars are public (one session, a whole conference) or shared (a feed), so they never carry a meeting's
 * address: LOCATION and the description carry the session's Join link on Convene, which opens the meeting only
 * in its join window. Every text value passes {@link #oneLine} or {@link #lines} once, because ical4j escapes
 * a line feed but not a lone carriage return, which calendar apps take as the end of the property: a title
 * holding one could add properties of its own to the event.
 */
public final class IcsWriter {

    private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private IcsWriter() {
    }

    public static String write(String calendarName, Collection<AgendaEntry> entries, PublicBaseUrl base,
                               Instant stamp) {
        return write(calendarName, entries, base, stamp, null);
    }

    /**
     * @param alarmBefore when not null, each session that goes ahead carries an alarm this long before its start
     *                    (a VALARM that shows a message), for the person whose feed it is and who asked for one
     */
    public static String write(String calendarName, Collection<AgendaEntry> entries, PublicBaseUrl base,
                               Instant stamp, @Nullable Duration alarmBefore) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Convene//Convene//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", oneLine(calendarName)));

        Set<ZoneId> zones = new LinkedHashSet<>();
        entries.forEach(e -> zones.add(e.conferenceZone()));
        for (ZoneId zone : zones) {
            TimeZone timeZone = TIME_ZONES.getTimeZone(zone.getId());
            if (timeZone != null) {
                calendar.add(timeZone.getVTimeZone());
            }
        }
        for (AgendaEntry entry : entries) {
            calendar.add(event(entry, base, stamp, alarmBefore));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(AgendaEntry entry, PublicBaseUrl base, Instant stamp, @Nullable Duration alarmBefore) {
        boolean zoneKnown = TIME_ZONES.getTimeZone(entry.conferenceZone().getId()) != null;
        // A zone ical4j cannot describe falls back to UTC times, which every calendar app reads correctly.
        ZoneId zone = zoneKnown ? entry.conferenceZone() : ZoneId.of("UTC");
        // Apps that ignore STATUS still show the word; those that honour it strike the event through or drop it.
        String summary = entry.cancelled() ? "Cancelled: " + entry.title() : entry.title();
        VEvent event = new VEvent(entry.startsAt().atZone(zone), entry.endsAt().atZone(zone), oneLine(summary));
        String sessionPage = SessionAddresses.page(base, entry.sessionId());
        event.add(new Uid("session-" + entry.sessionId() + "@convene"));
        event.replace(new DtStamp(stamp));
        // The session's version rises on every edit, move, cancellation and restoration, so apps take the change.
        event.add(new Sequence(entry.revision()));
        event.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Url(URI.create(sessionPage)));
        StringBuilder description = new StringBuilder();
        if (entry.cancelled()) {
            description.append("This session has been cancelled")
                    .append(entry.cancellationReason() == null ? "." : ": " + entry.cancellationReason())
                    .append("\n");
        }
        description.append(entry.conferenceName()).append('.');
        if (entry.hostName() != null) {
            description.append(" Hosted by ").append(entry.hostName()).append('.');
        }
        description.append("\nDetails and access information: ").append(sessionPage);
        // a cancelled session has no call to join, whatever link is still stored
        if (entry.hasJoinLink() && !entry.cancelled()) {
            String join = SessionAddresses.join(base, entry.sessionId());
            description.append("\nJoin online (from ").append(SessionDetail.JOIN_OPENS_BEFORE.toMinutes())
                    .append(" minutes before the start): ").append(join);
            event.add(new Location(join));
        }
        event.add(new Description(lines(description.toString())));
        if (alarmBefore != null && !entry.cancelled()) {
            VAlarm alarm = new VAlarm(alarmBefore.negated());
            alarm.add(ImmutableAction.DISPLAY);
            alarm.add(new Description(oneLine("Starts in " + alarmBefore.toMinutes() + " minutes: " + entry.title())));
            event.add(alarm);
        }
        return event;
    }

    /**
     * A single-line text value (SUMMARY, the calendar's name): each run of line breaks (CRLF, CR or LF) becomes
     * one space and other control characters but tab are left out. ical4j escapes commas, semicolons and
     * backslashes itself.
     */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").replaceAll("[\\p{Cntrl}&&[^\\t]]", "").strip();
    }

    /**
     * A text value that may hold lines (DESCRIPTION): CRLF and a lone CR become LF, which ical4j writes as the
     * escape {@code \n}, and other control characters but tab are left out.
     */
    static String lines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\\t\\n]]", "");
    }
}
