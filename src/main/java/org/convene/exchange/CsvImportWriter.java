package org.convene.exchange;

import org.jspecify.annotations.Nullable;
import java.util.Objects;
import org.convene.agenda.AgendaService;
import org.convene.core.security.ConveneUser;
import org.convene.organising.AccessFeaturesWithdrawn;
import org.convene.organising.SessionChangeEvents;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.SessionDraft;
import org.convene.programme.SessionWrites;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Confirming a CSV import: writes every session of a preview, creating the new tracks and host organisations it
 * names, or refuses with nothing written. Runs inside {@link CsvImportService#confirm}'s transaction, so that a
 * refusal half-way through rolls back what was written before it.
 */
@Component
class CsvImportWriter {

    private static final Logger log = LoggerFactory.getLogger(CsvImportWriter.class);

    private final CsvImportRepository repository;
    private final SessionWrites writer;
    private final ProgrammePermissions permissions;
    private final SessionChangeEvents changeEvents;
    private final ApplicationEventPublisher events;
    private final AgendaService agenda;

    CsvImportWriter(CsvImportRepository repository, SessionWrites writer, ProgrammePermissions permissions,
                    SessionChangeEvents changeEvents, ApplicationEventPublisher events, AgendaService agenda) {
        this.changeEvents = changeEvents;
        this.events = events;
        this.agenda = agenda;
        this.repository = repository;
        this.writer = writer;
        this.permissions = permissions;
    }

    CsvImportResult write(ConveneUser user, CsvImportPreview preview, CsvImportProgress progress) {
        ConferenceSummary conference = repository.conference(preview.conferenceId())
                .orElseThrow(() -> new CsvImportConflictException("The conference no longer exists, so nothing "
                        + "has been imported."));
        Map<String, CsvImportRepository.Existing> before = refuseChangesSincePreview(user, conference, preview);

        Map<String, Long> trackIds = new HashMap<>();
        repository.tracks(conference.id()).forEach((name, id) -> trackIds.putIfAbsent(name.toLowerCase(Locale.ROOT), id));
        Map<String, Long> hostIds = new HashMap<>();
        int tracksCreated = 0;
        int hostsCreated = 0;
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int total = preview.rows().size();
        int done = 0;
        for (CsvImportRow row : preview.rows()) {
            SessionDraft draft = row.draft();
            if (row.newTrack()) {
                String trackName = Objects.requireNonNull(row.trackName(), "a new track is named in the file");
                String key = trackName.toLowerCase(Locale.ROOT);
                Long trackId = trackIds.get(key);
                if (trackId == null) {
                    trackId = repository.createTrack(conference.id(), trackName);
                    trackIds.put(key, trackId);
                    tracksCreated++;
                }
                draft = withIds(draft, trackId, draft.hostId());
            }
            if (row.newHost()) {
                String hostName = Objects.requireNonNull(row.hostName(), "a new host is named in the file");
                String key = hostName.toLowerCase(Locale.ROOT);
                Long hostId = hostIds.get(key);
                if (hostId == null) {
                    Optional<Long> found = repository.hostByName(hostName);
                    hostId = found.orElseGet(() -> repository.createHost(hostName));
                    if (found.isEmpty()) {
                        hostsCreated++;
                    }
                    hostIds.put(key, hostId);
                }
                draft = withIds(draft, draft.trackId(), hostId);
            }
            switch (row.action()) {
                case CREATE -> {
                    long id = insertUnlessTakenMeanwhile(draft);
                    if (row.facilitatorUserIds() != null) {
                        repository.setFacilitators(id, row.facilitatorUserIds());
                    }
                    created++;
                }
                case UPDATE -> {
                    long sessionId = Objects.requireNonNull(row.sessionId(), "an update names its session");
                    // a moved session is announced as the editor's would be (its people are emailed)
                    long mark = changeEvents.mark(sessionId);
                    if (!writer.update(sessionId, Objects.requireNonNull(row.expectedVersion(), "read with the session"), draft)) {
                        throw new CsvImportConflictException("Session " + row.reference() + " was changed by "
                                + "someone else while the file was being imported, so nothing has been imported. "
                                + "Upload the file again to check it against the programme as it is now.");
                    }
                    changeEvents.announce(sessionId, mark);
                    // an access feature the file stops offering is withdrawn as in the editor: people who need it
                    // are told, in this transaction
                    CsvImportRepository.Existing old = Objects.requireNonNull(before.get(row.reference()),
                            "an update's session was there under lock");
                    AccessFeaturesWithdrawn.between(sessionId, old.draft().access(), draft.access())
                            .ifPresent(events::publishEvent);
                    // raised (or removed) places go to the people waiting, told as the editor's save tells them
                    agenda.fillFreePlaces(sessionId);
                    if (row.facilitatorUserIds() != null) {
                        repository.setFacilitators(sessionId, row.facilitatorUserIds());
                    }
                    updated++;
                }
                case UNCHANGED -> unchanged++;
            }
            progress.report(CsvImportProgress.Stage.WRITING, ++done, total);
        }
        log.info("User {} imported a CSV file into conference {}: {} sessions created, {} updated, {} unchanged, "
                        + "{} tracks and {} host organisations created", user.id(), conference.id(), created, updated,
                unchanged, tracksCreated, hostsCreated);
        return new CsvImportResult(conference.id(), created, updated, unchanged, tracksCreated, hostsCreated);
    }

    /**
     * Locks the conference's sessions and compares them with the preview: a session added, changed or removed
     * since, or a coordinator who has lost an organisation since, refuses the whole import. Returns the sessions
     * as they are, locked until the import commits (so the same as the preview's where it goes on).
     */
    private Map<String, CsvImportRepository.Existing> refuseChangesSincePreview(ConveneUser user, ConferenceSummary conference, CsvImportPreview preview) {
        boolean organiser = permissions.isOrganiser(user);
        Set<Long> coordinated = organiser ? Set.of() : permissions.coordinatedHostIds(user.id());
        Map<String, CsvImportRepository.Existing> now = repository.sessionsByReference(conference.id(), true);
        List<String> changedSince = new ArrayList<>();
        for (CsvImportRow row : preview.rows()) {
            CsvImportRepository.Existing current = now.get(row.reference());
            boolean same = row.sessionId() == null ? current == null
                    : current != null && current.id() == row.sessionId()
                    && Objects.equals(current.version(), row.expectedVersion());
            if (!same) {
                changedSince.add(row.reference());
            }
            // coordinators are checked again: they may have lost an organisation since the preview
            if (!organiser && (row.newHost() || row.draft().hostId() == null
                    || !coordinated.contains(row.draft().hostId())
                    || (current != null && (current.draft().hostId() == null
                    || !coordinated.contains(current.draft().hostId()))))) {
                throw new AccessDeniedException("You can only import sessions for the organisations you coordinate.");
            }
        }
        if (!changedSince.isEmpty()) {
            log.info("User {} was refused a CSV import into conference {}: {} sessions changed since the preview",
                    user.id(), conference.id(), changedSince.size());
            throw new CsvImportConflictException(changedSince.size() == 1
                    ? "Session " + changedSince.getFirst() + " was changed by someone else after you checked the "
                    + "file, so nothing has been imported. Upload the file again to check it against the programme "
                    + "as it is now."
                    : changedSince.size() + " sessions (" + String.join(", ", changedSince.stream().limit(10).toList())
                    + (changedSince.size() > 10 ? " and others" : "") + ") were changed by someone else after you "
                    + "checked the file, so nothing has been imported. Upload the file again to check it against "
                    + "the programme as it is now.");
        }
        return now;
    }

    /**
     * The references were checked free under lock just before, but a session saved by someone else at the same
     * instant is only seen by the unique index; Postgres has then aborted the transaction, so the whole import is
     * refused with the same advice as any other change since the preview.
     */
    private long insertUnlessTakenMeanwhile(SessionDraft draft) {
        try {
            return writer.insert(draft);
        } catch (DuplicateKeyException e) {
            throw new CsvImportConflictException("Session " + draft.reference() + " was added by someone else "
                    + "while the file was being imported, so nothing has been imported. Upload the file again to "
                    + "check it against the programme as it is now.");
        }
    }

    private static SessionDraft withIds(SessionDraft d, @Nullable Long trackId, @Nullable Long hostId) {
        return new SessionDraft(d.conferenceId(), d.reference(), d.title(), d.summaryMarkdown(), d.format(),
                d.startsAt(), d.endsAt(), trackId, hostId, d.joinUrl(), d.capacity(), d.access(), d.accessNotes());
    }
}
