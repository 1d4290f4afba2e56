package org.convene.exchange;

import org.convene.agenda.AgendaEntry;
import org.convene.agenda.IcsWriter;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammeService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The whole programme of a conference as files other tools read: frab XML and JSON for schedule apps,
 * iCalendar for calendar apps. Public, like the timetable.
 */
@Service
@Transactional(readOnly = true)
public class ScheduleExportService {

    private final ProgrammeService programme;
    private final ScheduleRepository schedules;
    private final Clock clock;

    ScheduleExportService(ProgrammeService programme, ScheduleRepository schedules, Clock clock) {
        this.programme = programme;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** Empty when no conference has that slug. baseUrl is where Convene is served, for session links. */
    public Optional<String> export(String slug, ScheduleFormat format, String baseUrl) {
        return programme.conference(slug).map(conference -> export(conference, format, baseUrl));
    }

    /** The programme of the conference the home page leads to (see {@link ProgrammeService#currentOrNext()}). */
    public Optional<String> exportCurrent(ScheduleFormat format, String baseUrl) {
        return programme.currentOrNext().map(conference -> export(conference, format, baseUrl));
    }

    private String export(ConferenceSummary conference, ScheduleFormat format, String baseUrl) {
        List<ScheduleSession> sessions = schedules.sessions(conference.id());
        // frab has no status for an event: schedule apps would show a cancelled session as going ahead.
        List<ScheduleSession> goingAhead = sessions.stream().filter(s -> !s.cancelled()).toList();
        return switch (format) {
            case XML -> FrabXmlWriter.write(new FrabSchedule(conference, schedules.trackNames(conference.id()),
                    goingAhead, baseUrl));
            case JSON -> FrabJsonWriter.write(new FrabSchedule(conference, schedules.trackNames(conference.id()),
                    goingAhead, baseUrl));
            case ICS -> IcsWriter.write(conference.name(), sessions.stream().map(s -> new AgendaEntry(s.id(),
                    s.title(), s.startsAt(), s.endsAt(), conference.slug(), conference.name(),
                    conference.timeZone(), s.hostName(), s.joinUrl(), s.version(), s.cancelled(),
                    s.cancellationReason(), s.recordingUrl())).toList(), baseUrl, clock.instant());
        };
    }
}
