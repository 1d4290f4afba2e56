package org.convene.programme;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads the public programme: conferences and sessions; a day's timetable is the timetable feature's. Open to everyone. */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

    private final ConferenceQueries conferences;
    private final SessionQueries sessions;
    private final Clock clock;

    ProgrammeService(ConferenceQueries conferences, SessionQueries sessions, Clock clock) {
        this.conferences = conferences;
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
                conferences.description(summary.id()), conferences.tracks(summary.id()),
                conferences.hosts(summary.id()), conferences.formats(summary.id())));
    }

    /** The conference's tracks in their order, for choosing one. */
    public List<TrackRef> tracks(long conferenceId) {
        return conferences.tracks(conferenceId);
    }

    /**
     * Whether the conference's organisers ask for a signed-in account before its Join links open a meeting
     * (false for an unknown conference: nothing to protect).
     */
    public boolean joinNeedsAccount(long conferenceId) {
        return conferences.joinNeedsAccount(conferenceId);
    }

    /** One session with everything its page shows, the summary already rendered to safe HTML. */
    public Optional<SessionDetail> session(long sessionId) {
        return sessions.detail(sessionId);
    }
}
