package org.convene.programme;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the public programme: conferences, their timetables and sessions. Open to everyone. */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

    private final ConferenceQueries conferences;
    private final TimetableQueries timetables;
    private final SessionQueries sessions;
    private final Clock clock;

    ProgrammeService(ConferenceQueries conferences, TimetableQueries timetables, SessionQueries sessions,
                     Clock clock) {
        this.conferences = conferences;
        this.timetables = timetables;
        this.sessions = sessions;
        this.clock = clock;
    }

    public List<ConferenceSummary> conferences() {
        return conferences.allNewestFirst();
    }

    public Optional<ConferenceSummary> conference(String slug) {
        return conferences.bySlug(slug);
    }

    /**
     * The conference the home page leads to: the one running today, else the next to start,
     * else the most recent one (so that its recordings stay one click away).
     */
    public Optional<ConferenceSummary> currentOrNext() {
        List<ConferenceSummary> all = conferences.allNewestFirst();
        Optional<ConferenceSummary> running = all.stream().filter(c -> c.isRunning(clock)).findFirst();
        if (running.isPresent()) {
            return running;
        }
        Optional<ConferenceSummary> next = all.stream()
                .filter(c -> c.firstDay().isAfter(c.today(clock)))
                .min(Comparator.comparing(ConferenceSummary::firstDay));
        return next.or(() -> all.stream().findFirst());
    }

    /** A conference with its filter choices (tracks, hosts, formats), for its timetable page. */
    public Optional<ConferenceDetail> conferenceDetail(String slug) {
        return conferences.bySlug(slug).map(summary -> new ConferenceDetail(summary,
                timetables.description(summary.id()), timetables.tracks(summary.id()),
                timetables.hosts(summary.id()), timetables.formats(summary.id())));
    }

    /**
     * The sessions of one conference day that match the filter, in start order. A session belongs to
     * the day on which it starts in the conference's time zone, whatever zone the viewer reads it in.
     */
    public List<TimetableEntry> timetable(ConferenceSummary conference, TimetableFilter filter) {
        return timetables.day(conference.id(), conference.timeZone(), filter);
    }

    /** How many sessions match the filter on each conference day, ignoring the filter's day. */
    public Map<LocalDate, Integer> matchesPerDay(ConferenceSummary conference, TimetableFilter filter) {
        return timetables.matchesPerDay(conference.id(), conference.timeZone(), filter);
    }

    /** One session with everything its page shows, the summary already rendered to safe HTML. */
    public Optional<SessionDetail> session(long sessionId) {
        return sessions.detail(sessionId);
    }
}
