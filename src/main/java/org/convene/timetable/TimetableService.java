package org.convene.timetable;

import org.convene.programme.ConferenceSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Reads a conference's timetable, day by day and filtered. Open to everyone. */
@Service
@Transactional(readOnly = true)
public class TimetableService {

    private final TimetableQueries timetables;

    TimetableService(TimetableQueries timetables) {
        this.timetables = timetables;
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
}
