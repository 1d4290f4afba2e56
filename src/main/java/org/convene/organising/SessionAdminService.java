package org.convene.organising;

import org.convene.programme.AccessFeature;
import org.convene.agenda.AgendaService;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.PersonRole;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.SessionDetail;
import org.convene.programme.SessionDraft;
import org.convene.programme.SessionRules;
import org.convene.programme.SessionWrites;
import org.convene.programme.ProgrammeService;

import org.convene.account.EmailConfirmationService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Organisers and partner hosts' coordinators create and edit sessions and choose who runs them. Every method
 * checks on the server who is asking (through {@link ProgrammePermissions}), whatever the page offered them:
 * a coordinator reaches only the sessions of the organisations they coordinate, and cannot move one away.
 */
@Service
@Transactional
public class SessionAdminService {

    public static final String NO_ACCOUNT =
            "No account uses that email address. Ask them to sign up first, then add them.";
    public static final String ENTER_EMAIL = "Enter an email address, like name@example.org";
    public static final String UNCONFIRMED_CAPTIONER = "This person has not confirmed their email address yet, so "
            + "they cannot be a captioner. Ask them to open the link we emailed them when they signed up, or to "
            + "choose \u201cSend the link again\u201d on their account page. Then try again.";

    private static final SessionRules.Problem HOST_MISSING =
            new SessionRules.Problem(SessionRules.Field.HOST, "Choose the host organisation");

    private static final String REFERENCE_INDEX = "programme_session_reference_uk";
    private static final String UNIQUE_VIOLATION = "23505";

    private static final Logger log = LoggerFactory.getLogger(SessionAdminService.class);

    private final SessionAdminQueries queries;
    private final SessionChangeEvents changeEvents;
    private final ApplicationEventPublisher events;
    private final SessionWrites writer;
    private final ProgrammeService programme;
    private final ProgrammePermissions permissions;
    private final CurrentUser currentUser;
    private final EmailConfirmationService confirmations;
    private final AgendaService agenda;

    SessionAdminService(SessionAdminQueries queries, SessionChangeEvents changeEvents,
                        ApplicationEventPublisher events, SessionWrites writer, ProgrammeService programme,
                        ProgrammePermissions permissions, CurrentUser currentUser,
                        EmailConfirmationService confirmations, AgendaService agenda) {
        this.confirmations = confirmations;
        this.agenda = agenda;
        this.queries = queries;
        this.changeEvents = changeEvents;
        this.events = events;
        this.writer = writer;
        this.programme = programme;
        this.permissions = permissions;
        this.currentUser = currentUser;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** Which sessions the signed-in person may manage; refused for people who are neither organiser nor host. */
    @Transactional(readOnly = true)
    public ManagerScope scope() {
        ConveneUser user = currentUser.require();
        if (permissions.isOrganiser(user)) {
            return new ManagerScope(true, List.of());
        }
        Set<Long> hostIds = permissions.coordinatedHostIds(user.id());
        if (hostIds.isEmpty() && !user.has(Role.HOST)) {
            throw new AccessDeniedException("Only organisers and host coordinators may manage sessions.");
        }
        return new ManagerScope(false, hostIds.isEmpty() ? List.of() : queries.hosts(hostIds));
    }

    /** The session with everything its editor shows, or empty when there is no such session. */
    @Transactional(readOnly = true)
    public Optional<SessionForEditing> forEditing(long sessionId) {
        scope();
        if (!queries.sessionExists(sessionId)) {
            return Optional.empty();
        }
        permissions.requireSession(sessionId);
        return queries.forEditing(sessionId);
    }

    /** The tracks and host organisations a session form in this conference offers this person. */
    @Transactional(readOnly = true)
    public Optional<SessionFormChoices> choices(long conferenceId) {
        ConveneUser user = currentUser.require();
        Set<Long> hostIds = permissions.hostChoices(user);
        if (hostIds != null && hostIds.isEmpty()) {
            throw new AccessDeniedException("You do not coordinate any host organisation.");
        }
        return queries.conference(conferenceId).map(conference -> new SessionFormChoices(conference,
                programme.tracks(conferenceId), queries.hosts(hostIds), hostIds != null));
    }

    /** How many sessions of the conference this person may manage match the text (empty: all). */
    @Transactional(readOnly = true)
    public int countSessions(long conferenceId, String text) {
        Set<Long> hostIds = listableHosts();
        return hostIds != null && hostIds.isEmpty() ? 0 : queries.count(conferenceId, hostIds, text);
    }

    /** One page of the sessions of the conference this person may manage, cancelled ones included. */
    @Transactional(readOnly = true)
    public List<ManagedSession> sessions(long conferenceId, String text, ManagedSessionSort sort, boolean ascending,
                                         int offset, int limit) {
        Set<Long> hostIds = listableHosts();
        if (hostIds != null && hostIds.isEmpty()) {
            return List.of();
        }
        return queries.page(conferenceId, hostIds, text, sort, ascending, offset, limit);
    }

    /** Null: every session (an organiser); else the coordinated hosts, possibly none. */
    private @Nullable Set<Long> listableHosts() {
        ConveneUser user = currentUser.require();
        if (permissions.isOrganiser(user)) {
            return null;
        }
        if (!user.has(Role.HOST)) {
            throw new AccessDeniedException("Only organisers and host coordinators may manage sessions.");
        }
        return permissions.coordinatedHostIds(user.id());
    }

    /** People whose name contains the text, to choose speakers from. */
    @Transactional(readOnly = true)
    public List<AssignedPerson> people(String text, int offset, int limit) {
        scope();
        return queries.people(text, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countPeople(String text) {
        scope();
        return queries.countPeople(text);
    }

    // ---- saving -------------------------------------------------------------------------------------------

    /**
     * Adds a session to the draft's conference. A coordinator may only add sessions of an organisation they
     * coordinate; overlaps in the track are reported first unless {@code overlapConfirmed}.
     */
    public SessionSaveResult create(SessionDraft draft, boolean overlapConfirmed) {
        return create(draft, SessionRegistration.OPEN, overlapConfirmed);
    }

    /** As {@link #create(SessionDraft, boolean)}, with how people register (the editor's choice). */
    public SessionSaveResult create(SessionDraft draft, SessionRegistration registration, boolean overlapConfirmed) {
        ConveneUser user = currentUser.require();
        if (hostMissing(user, draft)) {
            return new SessionSaveResult.Invalid(List.of(HOST_MISSING));
        }
        permissions.requireHost(draft.hostId());
        ConferenceSummary conference = queries.conference(draft.conferenceId())
                .orElseThrow(() -> new IllegalArgumentException("No conference " + draft.conferenceId()));
        List<SessionRules.Problem> problems = problems(draft, registration, conference, null);
        if (!problems.isEmpty()) {
            return new SessionSaveResult.Invalid(problems);
        }
        if (!overlapConfirmed) {
            List<String> overlapping = writer.overlappingInTrack(draft, null);
            if (!overlapping.isEmpty()) {
                return new SessionSaveResult.OverlapWarning(overlapping);
            }
        }
        long id;
        try {
            id = writer.insert(draft);
        } catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException e) {
            return referenceClash(e, draft).orElseThrow(() -> e);
        }
        queries.setRegistration(id, registration);
        log.info("Session {} created in conference {} by user {}", id, conference.id(), user.id());
        return new SessionSaveResult.Saved(id, writer.version(id).orElseThrow());
    }

    /**
     * Changes a session, unless someone else saved it after {@code expectedVersion} was read. A coordinator
     * may change only their organisations' sessions, and only give them to another of their organisations.
     */
    public SessionSaveResult update(long sessionId, int expectedVersion, SessionDraft draft,
                                    boolean overlapConfirmed) {
        // callers that do not set registration (scripts, older tests) leave it as it is
        SessionRegistration kept = queries.registration(sessionId).orElse(SessionRegistration.OPEN);
        return update(sessionId, expectedVersion, draft, kept, overlapConfirmed);
    }

    /** As {@link #update(long, int, SessionDraft, boolean)}, with how people register (the editor's choice). */
    public SessionSaveResult update(long sessionId, int expectedVersion, SessionDraft draft,
                                    SessionRegistration registration, boolean overlapConfirmed) {
        ConveneUser user = permissions.requireSession(sessionId);
        long conferenceId = queries.conferenceOf(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        if (conferenceId != draft.conferenceId()) {
            throw new IllegalArgumentException("A session cannot be moved to another conference in its editor.");
        }
        if (hostMissing(user, draft)) {
            return new SessionSaveResult.Invalid(List.of(HOST_MISSING));
        }
        permissions.requireHost(draft.hostId());
        // Told at once, before they put right problems in a version that is already out of date.
        if (writer.version(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId)) != expectedVersion) {
            log.info("Session {} not updated by user {}: changed since version {}", sessionId, user.id(),
                    expectedVersion);
            return new SessionSaveResult.Conflict();
        }
        ConferenceSummary conference = queries.conference(conferenceId).orElseThrow();
        List<SessionRules.Problem> problems = problems(draft, registration, conference, sessionId);
        if (!problems.isEmpty()) {
            return new SessionSaveResult.Invalid(problems);
        }
        if (!overlapConfirmed) {
            List<String> overlapping = writer.overlappingInTrack(draft, sessionId);
            if (!overlapping.isEmpty()) {
                return new SessionSaveResult.OverlapWarning(overlapping);
            }
        }
        Set<AccessFeature> offeredBefore = programme.session(sessionId).map(SessionDetail::access).orElse(Set.of());
        // The version check in the update itself is what settles a race between two saves.
        long mark = changeEvents.mark(sessionId);
        boolean updated;
        try {
            updated = writer.update(sessionId, expectedVersion, draft);
        } catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException e) {
            return referenceClash(e, draft).orElseThrow(() -> e);
        }
        if (!updated) {
            log.info("Session {} not updated by user {}: changed since version {}", sessionId, user.id(),
                    expectedVersion);
            return new SessionSaveResult.Conflict();
        }
        queries.setRegistration(sessionId, registration);
        // only a new time is announced (SessionRescheduled); a corrected description or title is not news
        changeEvents.announce(sessionId, mark);
        AccessFeaturesWithdrawn.between(sessionId, offeredBefore, draft.access()).ifPresent(events::publishEvent);
        // a raised (or removed) capacity gives the new places to the people waiting, in this transaction
        agenda.fillFreePlaces(sessionId);
        log.info("Session {} updated to version {} by user {}", sessionId, expectedVersion + 1, user.id());
        return new SessionSaveResult.Saved(sessionId, expectedVersion + 1);
    }

    /**
     * A coordinator who left the host empty is told to choose one, as the form would: a session without a host
     * would be out of their reach once saved. Anyone else without a say over hosts is refused by requireHost.
     */
    private boolean hostMissing(ConveneUser user, SessionDraft draft) {
        return draft.hostId() == null && !permissions.isOrganiser(user)
                && !permissions.coordinatedHostIds(user.id()).isEmpty();
    }

    /**
     * The pre-check of the reference and the write are two statements: someone saving the same reference in
     * between makes the unique index refuse the write. They get the pre-check's answer, not a database error.
     */
    private Optional<SessionSaveResult> referenceClash(RuntimeException e, SessionDraft draft) {
        if (draft.reference() == null || !violates(e, REFERENCE_INDEX)) {
            return Optional.empty();
        }
        // Postgres has aborted the transaction; say so to Spring rather than have it attempt a commit.
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        log.info("Session not saved in conference {}: its reference was taken at the same moment",
                draft.conferenceId());
        return Optional.of(new SessionSaveResult.Invalid(List.of(referenceTaken(draft.reference()))));
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return sql instanceof PSQLException psql && psql.getServerErrorMessage() != null
                        ? constraint.equals(psql.getServerErrorMessage().getConstraint())
                        : String.valueOf(sql.getMessage()).contains(constraint);
            }
        }
        return false;
    }

    private static SessionRules.Problem referenceTaken(String reference) {
        return new SessionRules.Problem(SessionRules.Field.REFERENCE,
                "Another session in this conference already has the reference " + reference
                        + ". Enter a different reference");
    }

    /** The rules of {@link SessionRules} and those that need the database, in the order of the form. */
    private List<SessionRules.Problem> problems(SessionDraft draft, SessionRegistration registration,
                                                ConferenceSummary conference, @Nullable Long sessionId) {
        List<SessionRules.Problem> problems = new ArrayList<>(SessionRules.check(draft, conference));
        SessionRules.checkRegistrationCloses(registration.closesAt(), draft.endsAt()).ifPresent(problems::add);
        if (draft.reference() != null && problems.stream().noneMatch(p -> p.field() == SessionRules.Field.REFERENCE)
                && queries.referenceTaken(conference.id(), draft.reference(), sessionId)) {
            problems.add(referenceTaken(draft.reference()));
        }
        if (draft.trackId() != null && !writer.trackBelongsTo(draft.trackId(), conference.id())) {
            problems.add(new SessionRules.Problem(SessionRules.Field.TRACK, "Choose a track of this conference"));
        }
        if (draft.hostId() != null && !queries.hostExists(draft.hostId())) {
            problems.add(new SessionRules.Problem(SessionRules.Field.HOST,
                    "Choose a host organisation from the list"));
        }
        problems.sort((a, b) -> Integer.compare(a.field().ordinal(), b.field().ordinal()));
        return problems;
    }

    // ---- who runs the session -----------------------------------------------------------------------------

    /**
     * Makes the account with this email address a facilitator of the session, which lets them moderate its
     * questions. The person record linked to the account is reused, or made from the account's name.
     */
    public FacilitatorAssignment addFacilitator(long sessionId, String email) {
        return assignByEmail(sessionId, email, PersonRole.FACILITATOR);
    }

    /**
     * Makes the account with this email address a captioner of the session, which lets them send its live
     * captions. The same rules as for a facilitator: a confirmed account.
     */
    public FacilitatorAssignment addCaptioner(long sessionId, String email) {
        return assignByEmail(sessionId, email, PersonRole.CAPTIONER);
    }

    /** True when the person was a captioner of the session and no longer is. */
    public boolean removeCaptioner(long sessionId, long personId) {
        return unassign(sessionId, personId, PersonRole.CAPTIONER);
    }

    private FacilitatorAssignment assignByEmail(long sessionId, String email, PersonRole role) {
        ConveneUser user = permissions.requireSession(sessionId);
        requireExists(sessionId);
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || !address.contains("@")) {
            return new FacilitatorAssignment.Refused(ENTER_EMAIL);
        }
        Optional<SessionAdminQueries.Account> account = queries.accountByEmail(address);
        if (account.isEmpty()) {
            return new FacilitatorAssignment.Refused(NO_ACCOUNT);
        }
        if (!confirmations.isConfirmed(account.get().userId())) {
            return new FacilitatorAssignment.Refused(role == PersonRole.FACILITATOR
                    ? EmailConfirmationService.UNCONFIRMED_FACILITATOR : UNCONFIRMED_CAPTIONER);
        }
        long personId = queries.personFor(account.get());
        AssignedPerson person = queries.person(personId).orElseThrow();
        if (!queries.assign(sessionId, personId, role)) {
            return new FacilitatorAssignment.AlreadyAssigned(person);
        }
        log.info("Person {} (user {}) made {} of session {} by user {}", personId,
                account.get().userId(), role, sessionId, user.id());
        if (role == PersonRole.FACILITATOR) {
            events.publishEvent(new FacilitatorAssigned(sessionId, account.get().userId()));
        }
        return new FacilitatorAssignment.Added(person);
    }

    /** True when the person was a facilitator of the session and no longer is. */
    public boolean removeFacilitator(long sessionId, long personId) {
        return unassign(sessionId, personId, PersonRole.FACILITATOR);
    }

    /** Adds someone from the list of people as a speaker; false when they were one already. */
    public boolean addSpeaker(long sessionId, long personId) {
        ConveneUser user = permissions.requireSession(sessionId);
        requireExists(sessionId);
        if (queries.person(personId).isEmpty()) {
            throw new IllegalArgumentException("No person " + personId);
        }
        boolean added = queries.assign(sessionId, personId, PersonRole.SPEAKER);
        if (added) {
            log.info("Person {} made speaker of session {} by user {}", personId, sessionId, user.id());
        }
        return added;
    }

    public boolean removeSpeaker(long sessionId, long personId) {
        return unassign(sessionId, personId, PersonRole.SPEAKER);
    }

    private boolean unassign(long sessionId, long personId, PersonRole role) {
        ConveneUser user = permissions.requireSession(sessionId);
        boolean removed = queries.unassign(sessionId, personId, role);
        if (removed) {
            log.info("Person {} no longer {} of session {}, removed by user {}", personId,
                    role.name().toLowerCase(Locale.ROOT), sessionId, user.id());
        }
        return removed;
    }

    private void requireExists(long sessionId) {
        if (!queries.sessionExists(sessionId)) {
            throw new NoSuchSessionException(sessionId);
        }
    }
}
