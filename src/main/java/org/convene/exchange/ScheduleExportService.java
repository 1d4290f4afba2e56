package org.convene.exchange;

import org.convene.agenda.AgendaEntry;
import org.convene.agenda.IcsWriter;
import org.convene.core.PublicBaseUrl;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The whole programme of a conference as files other tools read: frab XML and JSON for schedule apps,
 * iCalendar for calendar apps. Public, like the timetable, so they link to each session's Join link on Convene
 * and never carry the meeting's own address (see {@link org.convene.programme.SessionAddresses}).
 */
@Service
@Transactional(readOnly = true)
public class ScheduleExportService {

    private final ProgrammeService programme;
    private final ScheduleRepository schedules;
    private final Clock clock;
    private final PublicBaseUrl base;

    ScheduleExportService(ProgrammeService programme, ScheduleRepository schedules, Clock clock, PublicBaseUrl base) {
        this.programme = programme;
        this.schedules = schedules;
        this.clock = clock;
        this.base = base;
    }

    /** Empty when no conference has that slug. Links are on the public base URL. */
    public Optional<String> export(String slug, ScheduleFormat format) {
        return programme.conference(slug).map(conference -> export(conference, format));
    }

    /** The programme of the conference the home page leads to (see {@link ProgrammeService#currentOrNext()}). */
    public Optional<String> exportCurrent(ScheduleFormat format) {
        return programme.currentOrNext().map(conference -> export(conference, format));
    }

    private String export(ConferenceSummary conference, ScheduleFormat format) {
        List<ScheduleSession> sessions = schedules.sessions(conference.id());
        // frab has no status for an event: schedule apps would show a cancelled session as going ahead.
        List<ScheduleSession> goingAhead = sessions.stream().filter(s -> !s.cancelled()).toList();
        return switch (format) {
            case XML -> FrabXmlWriter.write(new FrabSchedule(conference, schedules.trackNames(conference.id()),
                    goingAhead, base));
            case JSON -> FrabJsonWriter.write(new FrabSchedule(conference, schedules.trackNames(conference.id()),
                    goingAhead, base));
            case ICS -> IcsWriter.write(conference.name(), sessions.stream().map(s -> new AgendaEntry(s.id(),
                    s.title(), s.startsAt(), s.endsAt(), conference.slug(), conference.name(),
                    conference.timeZone(), s.hostName(), s.joinUrl() != null, s.version(), s.cancelled(),
                    s.cancellationReason(), s.recordingUrl())).toList(), base, clock.instant());
        };
    }
}
