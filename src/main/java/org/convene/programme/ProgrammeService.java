package org.convene.programme;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads the public programme: conferences, their timetables and sessions. Open to everyone. */
@Service
@Transactional(readOnly = true)
public class ProgrammeService {

    private final ConferenceQueries conferences;
    private final Clock clock;

    ProgrammeService(ConferenceQueries conferences, Clock clock) {
        this.conferences = conferences;
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
}
