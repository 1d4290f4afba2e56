package org.convene.exchange;

import org.convene.core.PublicBaseUrl;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.organising.SessionChangeEvents;
import org.convene.programme.SessionAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a schedule in the frab/pretalx JSON format: the conference (found by slug, made from the acronym),
 * rooms as tracks, events as sessions, persons as speakers, links as joining or recording links.
 *
 * <p>Real exports stray from the schema, so anything that keeps its meaning is accepted: an acronym with
 * capitals or spaces, extra fields, a missing optional field. Anything that cannot be understood (an event
 * without a title or start, a time that is not a time) fails the whole import with a message naming the place,
 * and nothing is written: one transaction, and the whole file is read and checked before the first write.
 * Importing again matches sessions by guid and updates those the file changes (the others are unchanged). {@link FrabScheduleReader} reads the file; this
 * service checks who may import and writes what was read.
 */
@Service
public class ScheduleImportService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleImportService.class);

    private final ScheduleRepository schedules;
    private final CurrentUser currentUser;
    private final PublicBaseUrl base;
    private final SessionChangeEvents changeEvents;

    ScheduleImportService(ScheduleRepository schedules, CurrentUser currentUser, PublicBaseUrl base,
                          SessionChangeEvents changeEvents) {
        this.changeEvents = changeEvents;
        this.schedules = schedules;
        this.currentUser = currentUser;
        this.base = base;
    }

    @Transactional
    public ScheduleImportSummary importSchedule(String json) {
        ConveneUser user = currentUser.require();
        if (!user.roles().contains(Role.ORGANISER)) {
            throw new AccessDeniedException("Only organisers can import a schedule.");
        }
        FrabScheduleReader.Parsed parsed = FrabScheduleReader.read(json);
        ScheduleImportSummary summary = write(parsed);
        log.info("User {} imported a schedule into conference {}: {} sessions created, {} updated, {} unchanged",
                user.id(), summary.conferenceSlug(), summary.sessionsCreated(), summary.sessionsUpdated(),
                summary.sessionsUnchanged());
        return summary;
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    private ScheduleImportSummary write(FrabScheduleReader.Parsed parsed) {
        var existing = schedules.conferenceId(parsed.slug());
        long conferenceId;
        if (existing.isPresent()) {
            conferenceId = existing.get();
            schedules.updateConference(conferenceId, parsed.name(), parsed.zone(), parsed.firstDay(),
                    parsed.lastDay());
        } else {
            conferenceId = schedules.createConference(parsed.slug(), parsed.name(), parsed.zone(),
                    parsed.firstDay(), parsed.lastDay());
        }
        int tracksCreated = 0;
        int tracksUpdated = 0;
        Map<String, Long> trackIds = new HashMap<>();
        int position = 0;
        for (String room : parsed.rooms()) {
            var track = schedules.trackId(conferenceId, room);
            if (track.isPresent()) {
                schedules.moveTrack(track.get(), position);
                trackIds.put(room, track.get());
                tracksUpdated++;
            } else {
                trackIds.put(room, schedules.createTrack(conferenceId, room, position));
                tracksCreated++;
            }
            position++;
        }
        // Convene's own export of this conference names its sessions by derived guids: match those too, so
        // that exporting and importing into the same conference updates rather than duplicates.
        Map<UUID, Long> derived = new HashMap<>();
        for (long id : schedules.sessionsWithoutGuid(conferenceId)) {
            derived.put(ScheduleSession.derivedGuid(id), id);
        }
        int sessionsCreated = 0;
        int sessionsUpdated = 0;
        int sessionsUnchanged = 0;
        Map<String, Long> people = new HashMap<>();
        Set<Long> peopleCreated = new HashSet<>();
        Set<Long> peopleUpdated = new HashSet<>();
        List<String> skipped = new ArrayList<>(parsed.skipped());
        for (ImportedSession read : parsed.sessions()) {
            ImportedSession session = withMeetingAddress(read, skipped);
            Long trackId = trackIds.get(session.room());
            var sessionId = session.guid() == null ? java.util.Optional.<Long>empty()
                    : schedules.sessionByGuid(conferenceId, session.guid())
                    .or(() -> java.util.Optional.ofNullable(derived.remove(session.guid())));
            long id;
            boolean changed = true;
            if (sessionId.isPresent()) {
                id = sessionId.get();
                // a moved session is announced as the editor's would be (its people are emailed)
                long mark = changeEvents.mark(id);
                changed = schedules.updateSession(id, session, trackId);
                changeEvents.announce(id, mark);
            } else {
                id = schedules.createSession(conferenceId, session.guid(), session, trackId);
                sessionsCreated++;
            }
            List<Long> speakerIds = new ArrayList<>();
            for (ImportedSession.Speaker speaker : session.speakers()) {
                String key = speaker.name().toLowerCase(Locale.ROOT);
                Long personId = people.get(key);
                if (personId == null) {
                    var found = schedules.personInConference(conferenceId, speaker.name());
                    if (found.isPresent()) {
                        personId = found.get();
                        if (schedules.updateBio(personId, speaker.bio())) {
                            peopleUpdated.add(personId);
                        }
                    } else {
                        personId = schedules.createPerson(speaker.name(), speaker.bio());
                        peopleCreated.add(personId);
                    }
                    people.put(key, personId);
                }
                speakerIds.add(personId);
            }
            boolean speakersChanged = schedules.replaceSpeakers(id, speakerIds);
            if (sessionId.isPresent()) {
                if (changed || speakersChanged) {
                    sessionsUpdated++;
                } else {
                    sessionsUnchanged++;
                }
            }
        }
        return new ScheduleImportSummary(parsed.slug(), existing.isEmpty(), sessionsCreated, sessionsUpdated,
                sessionsUnchanged,
                tracksCreated, tracksUpdated, peopleCreated.size(), peopleUpdated.size(), skipped);
    }

    /**
     * Convene's exports carry its own Join links, not the meetings' addresses. Stored as they are, such a link
     * would lead back to itself when imported into the same conference, so the meeting's address behind it is
     * taken instead (or none, with a note, when that session has none or is gone).
     */
    private ImportedSession withMeetingAddress(ImportedSession session, List<String> skipped) {
        String link = session.joinUrl();
        if (link == null) {
            return session;
        }
        var own = SessionAddresses.ownJoin(base, link);
        if (own.isEmpty()) {
            return session;
        }
        var meeting = schedules.joinUrl(own.getAsLong());
        if (meeting.isEmpty()) {
            skipped.add("'" + session.title() + "': its joining link is a Join link of this Convene for a session"
                    + " that has no meeting address here, left out.");
        }
        return session.withJoinUrl(meeting.orElse(null));
    }
}
