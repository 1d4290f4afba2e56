package org.convene.organising;

import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.programme.ProgrammeLimits;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.ProgrammePermissions;

import org.convene.core.security.ConveneUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Organisers set up the programme's frame: conferences and their tracks (host organisations and people are
 * {@link HostAdminService} and {@link PersonAdminService}). Every method checks on the server that the caller is an organiser (coordinators of partner hosts manage only their
 * sessions, elsewhere). Saving returns {@link SaveResult}: every problem of a form at once, in form order, or a
 * conflict when someone else saved the same record since the form was loaded.
 */
@Service
@Transactional
public class ConferenceAdminService {

    private static final Logger log = LoggerFactory.getLogger(ConferenceAdminService.class);
    /** The same rule as the conference table's check (db/V2). */
    static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$");
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

    private final ConferenceAdminRepository repository;
    private final ProgrammePermissions permissions;

    ConferenceAdminService(ConferenceAdminRepository repository, ProgrammePermissions permissions) {
        this.repository = repository;
        this.permissions = permissions;
    }

    // --- conferences

    @Transactional(readOnly = true)
    public List<ConferenceSummary> conferences() {
        permissions.requireOrganiser();
        return repository.conferences();
    }

    @Transactional(readOnly = true)
    public Optional<ConferenceEdit> conference(String slug) {
        permissions.requireOrganiser();
        return repository.conference(slug);
    }

    /** A short name for web addresses made from a conference's name: "Co-production Week 2026" -> "co-production-week-2026". */
    public static String suggestSlug(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (plain.length() > ProgrammeLimits.CONFERENCE_SLUG_MAX) {
            plain = plain.substring(0, ProgrammeLimits.CONFERENCE_SLUG_MAX).replaceAll("-+$", "");
        }
        return plain;
    }

    public SaveResult<ConferenceEdit> createConference(ConferenceForm form) {
        ConveneUser organiser = permissions.requireOrganiser();
        ConferenceForm clean = clean(form);
        Map<String, String> problems = conferenceProblems(clean, null);
        if (!problems.isEmpty()) {
            return new SaveResult.Invalid<>(problems);
        }
        Optional<Long> id = repository.insertConference(clean);
        if (id.isEmpty()) {
            return new SaveResult.Invalid<>(Map.of(ConferenceForm.SLUG, SLUG_TAKEN));
        }
        log.info("User {} created conference {}", organiser.id(), id.get());
        return new SaveResult.Saved<>(repository.conference(id.get()).orElseThrow());
    }

    public SaveResult<ConferenceEdit> updateConference(long id, int expectedVersion, ConferenceForm form) {
        ConveneUser organiser = permissions.requireOrganiser();
        ConferenceForm clean = clean(form);
        Map<String, String> problems = conferenceProblems(clean, id);
        if (!problems.isEmpty()) {
            return new SaveResult.Invalid<>(problems);
        }
        // conferenceProblems found both days and the zone
        ZoneId zone = ZoneId.of(Objects.requireNonNull(clean.timeZone(), "checked"));
        int outside = repository.sessionsOutside(id, zone, Objects.requireNonNull(clean.firstDay(), "checked"),
                Objects.requireNonNull(clean.lastDay(), "checked"));
        if (outside > 0) {
            return new SaveResult.Invalid<>(Map.of(ConferenceForm.FIRST_DAY, (outside == 1
                    ? "1 session is" : outside + " sessions are") + " outside these days. Move "
                    + (outside == 1 ? "it" : "them") + " first, or choose days that include "
                    + (outside == 1 ? "it" : "them")));
        }
        if (!repository.updateConference(id, expectedVersion, clean)) {
            return new SaveResult.Conflict<>();
        }
        log.info("User {} changed conference {}", organiser.id(), id);
        return new SaveResult.Saved<>(repository.conference(id).orElseThrow());
    }

    private static final String SLUG_TAKEN = "Another conference already uses this short name. Choose a different one";

    private ConferenceForm clean(ConferenceForm form) {
        String slug = strip(form.slug());
        return new ConferenceForm(strip(form.name()), slug == null ? null
                : slug.toLowerCase(Locale.ROOT), strip(form.theme()), strip(form.description()),
                strip(form.timeZone()), form.firstDay(), form.lastDay(), form.joinNeedsAccount());
    }

    private Map<String, String> conferenceProblems(ConferenceForm form, @Nullable Long id) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.name() == null) {
            problems.put(ConferenceForm.NAME, "Enter the conference name");
        } else if (form.name().length() > ProgrammeLimits.CONFERENCE_NAME_MAX) {
            problems.put(ConferenceForm.NAME, "Conference name must be "
                    + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.CONFERENCE_NAME_MAX));
        }
        if (form.slug() == null) {
            problems.put(ConferenceForm.SLUG, "Enter a short name for web addresses");
        } else if (form.slug().length() > ProgrammeLimits.CONFERENCE_SLUG_MAX) {
            problems.put(ConferenceForm.SLUG, "Short name must be "
                    + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.CONFERENCE_SLUG_MAX));
        } else if (!SLUG.matcher(form.slug()).matches()) {
            problems.put(ConferenceForm.SLUG, "Short name must only include lower-case letters, numbers and "
                    + "hyphens, and start and end with a letter or number");
        } else if (repository.slugTaken(form.slug(), id)) {
            problems.put(ConferenceForm.SLUG, SLUG_TAKEN);
        }
        if (form.theme() != null && form.theme().length() > ProgrammeLimits.CONFERENCE_THEME_MAX) {
            problems.put(ConferenceForm.THEME, "Theme must be "
                    + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.CONFERENCE_THEME_MAX));
        }
        if (form.description() != null && form.description().length() > ProgrammeLimits.DESCRIPTION_MAX) {
            problems.put(ConferenceForm.DESCRIPTION, "Description must be "
                    + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.DESCRIPTION_MAX));
        }
        TextRule.problem("The conference name", form.name(), TextRule.Lines.ONE)
                .ifPresent(message -> problems.putIfAbsent(ConferenceForm.NAME, message));
        TextRule.problem("The theme", form.theme(), TextRule.Lines.ONE)
                .ifPresent(message -> problems.putIfAbsent(ConferenceForm.THEME, message));
        TextRule.problem("The description", form.description(), TextRule.Lines.MANY)
                .ifPresent(message -> problems.putIfAbsent(ConferenceForm.DESCRIPTION, message));
        if (form.timeZone() == null) {
            problems.put(ConferenceForm.TIME_ZONE, "Select the conference's time zone");
        } else {
            try {
                ZoneId.of(form.timeZone());
            } catch (DateTimeException e) {
                problems.put(ConferenceForm.TIME_ZONE, "Select a time zone from the list");
            }
        }
        if (form.firstDay() == null) {
            problems.put(ConferenceForm.FIRST_DAY, "Enter the first day, as a real date");
        }
        if (form.lastDay() == null) {
            problems.put(ConferenceForm.LAST_DAY, "Enter the last day, as a real date");
        } else if (form.firstDay() != null && form.lastDay().isBefore(form.firstDay())) {
            problems.put(ConferenceForm.LAST_DAY, "The last day must be the same as or after the first day");
        } else if (form.firstDay() != null
                && form.lastDay().isAfter(form.firstDay().plusDays(ProgrammeLimits.CONFERENCE_DAYS_MAX - 1))) {
            problems.put(ConferenceForm.LAST_DAY, "A conference can last at most " + ProgrammeLimits.CONFERENCE_DAYS_MAX
                    + " days");
        }
        return problems;
    }

    // --- tracks

    public static final String TRACK_NAME = "trackName";

    public SaveResult<TrackRow> addTrack(long conferenceId, String name) {
        ConveneUser organiser = permissions.requireOrganiser();
        String stripped = strip(name);
        Optional<String> problem = trackProblem(conferenceId, stripped, null);
        if (problem.isPresent()) {
            return new SaveResult.Invalid<>(Map.of(TRACK_NAME, problem.get()));
        }
        String clean = Objects.requireNonNull(stripped, "trackProblem refuses an empty name");
        Optional<Long> id = repository.insertTrack(conferenceId, clean);
        if (id.isEmpty()) {
            return new SaveResult.Invalid<>(Map.of(TRACK_NAME, trackTaken(clean)));
        }
        log.info("User {} added track {} to conference {}", organiser.id(), id.get(), conferenceId);
        return new SaveResult.Saved<>(track(conferenceId, id.get()));
    }

    public SaveResult<TrackRow> renameTrack(long trackId, int expectedVersion, String name) {
        ConveneUser organiser = permissions.requireOrganiser();
        long conferenceId = repository.trackConference(trackId).orElse(-1L);
        if (conferenceId < 0) {
            return new SaveResult.Conflict<>();
        }
        String stripped = strip(name);
        Optional<String> problem = trackProblem(conferenceId, stripped, trackId);
        if (problem.isPresent()) {
            return new SaveResult.Invalid<>(Map.of(TRACK_NAME, problem.get()));
        }
        String clean = Objects.requireNonNull(stripped, "trackProblem refuses an empty name");
        if (!repository.renameTrack(trackId, expectedVersion, clean)) {
            return new SaveResult.Conflict<>();
        }
        log.info("User {} renamed track {}", organiser.id(), trackId);
        return new SaveResult.Saved<>(track(conferenceId, trackId));
    }

    private TrackRow track(long conferenceId, long trackId) {
        return repository.conference(conferenceId).orElseThrow().tracks().stream()
                .filter(t -> t.id() == trackId).findFirst().orElseThrow();
    }

    private Optional<String> trackProblem(long conferenceId, @Nullable String name, @Nullable Long trackId) {
        if (name == null) {
            return Optional.of("Enter the track name");
        }
        if (name.length() > ProgrammeLimits.TRACK_NAME_MAX) {
            return Optional.of("Track name must be " + ProgrammeLimits.charactersOrFewer(ProgrammeLimits.TRACK_NAME_MAX));
        }
        Optional<String> unstorable = TextRule.problem("The track name", name, TextRule.Lines.ONE);
        if (unstorable.isPresent()) {
            return unstorable;
        }
        if (repository.trackNameTaken(conferenceId, name, trackId)) {
            return Optional.of(trackTaken(name));
        }
        return Optional.empty();
    }

    private static String trackTaken(String name) {
        return "This conference already has a track called \u201c" + name + "\u201d. Choose a different name";
    }

    /**
     * Moves a track one place earlier ({@code up}) or later in the conference's order. Positions are
     * renumbered 0, 1, 2... so gaps and ties left by older data sort themselves out.
     *
     * @return false when the track is already first (or last), or gone
     */
    public boolean moveTrack(long trackId, boolean up) {
        permissions.requireOrganiser();
        Optional<Long> conferenceId = repository.trackConference(trackId);
        if (conferenceId.isEmpty()) {
            return false;
        }
        List<Long> order = new java.util.ArrayList<>(repository.lockTrackOrder(conferenceId.get()));
        int at = order.indexOf(trackId);
        int to = up ? at - 1 : at + 1;
        if (at < 0 || to < 0 || to >= order.size()) {
            return false;
        }
        java.util.Collections.swap(order, at, to);
        for (int i = 0; i < order.size(); i++) {
            repository.setTrackPosition(order.get(i), i);
        }
        return true;
    }

    /** How many sessions would be left without a track if this track were removed (for the confirmation). */
    @Transactional(readOnly = true)
    public int sessionsInTrack(long trackId) {
        permissions.requireOrganiser();
        return repository.sessionsInTrack(trackId);
    }

    /**
     * Removes a track. Its sessions stay in the programme with no track.
     *
     * @return how many sessions now have no track
     */
    public int removeTrack(long trackId) {
        ConveneUser organiser = permissions.requireOrganiser();
        int sessions = repository.sessionsInTrack(trackId);
        if (repository.deleteTrack(trackId)) {
            log.info("User {} removed track {} ({} sessions now without a track)", organiser.id(), trackId, sessions);
        }
        return sessions;
    }

    static @Nullable String strip(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
