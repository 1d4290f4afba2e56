package org.convene.agenda;

import org.convene.programme.NoSuchSessionException;

import org.convene.core.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person's own agenda. Every method acts for the current user only, so nobody can
 * read or change someone else's agenda whatever a client sends.
 * <p>
 * For a session with places (a capacity), the agenda is the registration: adding takes a place while there is one,
 * and after that people may join its waiting list. Every change of places first locks the session's row, so two
 * people asking for the last place are served one after the other and exactly one gets it.
 */
@Service
@Transactional
public class AgendaService {

    private final AgendaQueries agenda;
    private final AgendaNoticeQueries notices;
    private final PlaceQueries places;
    private final RegistrationQueries requests;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgendaService(AgendaQueries agenda, AgendaNoticeQueries notices, PlaceQueries places,
                  RegistrationQueries requests, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.agenda = agenda;
        this.notices = notices;
        this.places = places;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds the session to my agenda, taking a place if it has places. When none is left nothing changes and the
     * answer is {@link AddOutcome#FULL}: joining the waiting list is a separate choice. Adding again is harmless.
     *
     * @throws RegistrationClosedException after the time the host chose to close registration
     * @throws ApprovalNeededException    when the hosts approve each place: see {@link #askForPlace(long)}
     */
    public AddOutcome add(long sessionId) {
        return register(sessionId, false);
    }

    /** Takes a place if one is free (someone left meanwhile), otherwise puts me on the waiting list. */
    public AddOutcome joinWaitingList(long sessionId) {
        return register(sessionId, true);
    }

    private AddOutcome register(long sessionId, boolean waitIfFull) {
        long userId = currentUser.require().id();
        PlaceQueries.LockedSession session = places.lock(sessionId)
                .orElseThrow(() -> new NoSuchSessionException(sessionId));
        if (places.holds(userId, sessionId)) {
            return AddOutcome.ADDED;
        }
        Instant now = clock.instant();
        if (session.closesAt() != null && !now.isBefore(session.closesAt())) {
            throw new RegistrationClosedException();
        }
        if (session.needsApproval()) {
            throw new ApprovalNeededException();
        }
        Integer capacity = session.capacity();
        if (capacity == null || (places.taken(sessionId) < capacity && places.firstWaiting(sessionId).isEmpty())) {
            agenda.add(userId, sessionId, now);
            places.leaveWaitingList(userId, sessionId);
            return AddOutcome.ADDED;
        }
        if (!waitIfFull) {
            return AddOutcome.FULL;
        }
        places.joinWaitingList(userId, sessionId, now);
        // the first in line when a place is free takes it at once, rather than wait for the next cancellation
        fillFreePlaces(sessionId, capacity, now);
        return places.holds(userId, sessionId) ? AddOutcome.ADDED : AddOutcome.WAITING;
    }

    /**
     * Asks the hosts of a session that needs approval for a place: no place is taken and nothing is on my agenda
     * until they approve. Asking again, or when it is already on my agenda, changes nothing.
     *
     * @throws RegistrationClosedException after the time the host chose to close registration
     */
    public void askForPlace(long sessionId) {
        long userId = currentUser.require().id();
        PlaceQueries.LockedSession session = places.lock(sessionId)
                .orElseThrow(() -> new NoSuchSessionException(sessionId));
        if (places.holds(userId, sessionId)) {
            return;
        }
        Instant now = clock.instant();
        if (session.closesAt() != null && !now.isBefore(session.closesAt())) {
            throw new RegistrationClosedException();
        }
        if (!session.needsApproval()) {
            throw new IllegalStateException("Session " + sessionId + " takes registrations without approval");
        }
        requests.ask(userId, sessionId, now);
    }

    /** Takes back my request for a place. False if there was none waiting (perhaps the hosts just answered). */
    public boolean withdrawRequest(long sessionId) {
        return requests.withdraw(currentUser.require().id(), sessionId);
    }

    /** The hosts' answers to my requests that I have not dismissed; empty when not signed in. */
    @Transactional(readOnly = true)
    public List<RegistrationAnswer> myRegistrationAnswers() {
        return currentUser.get().map(u -> requests.unseenAnswers(u.id())).orElse(List.of());
    }

    public boolean dismiss(RegistrationAnswer answer) {
        return requests.dismiss(currentUser.require().id(), answer.id());
    }

    /** Removes the session from my agenda; a place it frees goes to the next person waiting, who is told. */
    public void remove(long sessionId) {
        long userId = currentUser.require().id();
        Optional<PlaceQueries.LockedSession> session = places.lock(sessionId);
        agenda.remove(userId, sessionId);
        Integer capacity = session.map(PlaceQueries.LockedSession::capacity).orElse(null);
        if (capacity != null) {
            fillFreePlaces(sessionId, capacity, clock.instant());
        }
    }

    /** Takes me off the session's waiting list. False if I was not on it. */
    public boolean leaveWaitingList(long sessionId) {
        return places.leaveWaitingList(currentUser.require().id(), sessionId);
    }

    /**
     * Gives free places to the people waiting, first in line first: for the organisers' editor after it raised a
     * session's capacity (or removed it: then everyone waiting gets in). Call in the transaction of the change.
     */
    public void fillFreePlaces(long sessionId) {
        places.lock(sessionId).ifPresent(session -> fillFreePlaces(sessionId, session.capacity(), clock.instant()));
    }

    /** With the session's row locked by the caller. */
    private void fillFreePlaces(long sessionId, @Nullable Integer capacity, Instant now) {
        int taken = places.taken(sessionId);
        while (capacity == null || taken < capacity) {
            Optional<Long> next = places.firstWaiting(sessionId);
            if (next.isEmpty()) {
                return;
            }
            long userId = next.get();
            places.leaveWaitingList(userId, sessionId);
            agenda.add(userId, sessionId, now);
            long given = places.placeGiven(userId, sessionId, now);
            events.publishEvent(new PlaceGiven(given, userId, sessionId));
            taken++;
        }
    }

    /** Places and my part in them for one session; for someone not signed in, mine and position are empty. */
    @Transactional(readOnly = true)
    public PlaceStatus placeStatus(long sessionId) {
        return placeStatuses(List.of(sessionId)).getOrDefault(sessionId, PlaceStatus.UNKNOWN);
    }

    /** As {@link #placeStatus(long)}, for a page of sessions in one query. */
    @Transactional(readOnly = true)
    public Map<Long, PlaceStatus> placeStatuses(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Map.of();
        }
        Long userId = currentUser.get().map(u -> u.id()).orElse(null);
        return places.statuses(userId, sessionIds, clock.instant());
    }

    /** The sessions I am waiting for a place at, with my number in each line. */
    @Transactional(readOnly = true)
    public List<WaitingListEntry> myWaitingList() {
        return places.waitingFor(currentUser.require().id());
    }

    /** Places I was given from a waiting list and have not dismissed; empty when not signed in. */
    @Transactional(readOnly = true)
    public List<PlaceNotice> myPlaceNotices() {
        return currentUser.get().map(u -> places.unseenPlaces(u.id())).orElse(List.of());
    }

    public boolean dismiss(PlaceNotice notice) {
        return places.dismissPlace(currentUser.require().id(), notice.id());
    }

    /** The sessions on my agenda; empty for someone not signed in, so public pages can call it freely. */
    @Transactional(readOnly = true)
    public Set<Long> mySessionIds() {
        return currentUser.get().map(u -> agenda.sessionIds(u.id())).orElse(Set.of());
    }

    @Transactional(readOnly = true)
    public List<AgendaEntry> myAgenda() {
        return agenda.entries(currentUser.require().id());
    }

    /** Every pair of overlapping sessions, each pair once, in start order. A cancelled session clashes with nothing. */
    public static List<AgendaClash> clashes(List<AgendaEntry> entriesInStartOrder) {
        entriesInStartOrder = entriesInStartOrder.stream().filter(e -> !e.cancelled()).toList();
        List<AgendaClash> clashes = new ArrayList<>();
        for (int i = 0; i < entriesInStartOrder.size(); i++) {
            AgendaEntry first = entriesInStartOrder.get(i);
            for (int j = i + 1; j < entriesInStartOrder.size(); j++) {
                AgendaEntry second = entriesInStartOrder.get(j);
                if (!second.startsAt().isBefore(first.endsAt())) {
                    break;
                }
                clashes.add(new AgendaClash(first, second));
            }
        }
        return clashes;
    }

    /** What changed on my agenda that I have not yet dismissed, newest first; empty when not signed in. */
    @Transactional(readOnly = true)
    public List<AgendaNotice> myNotices() {
        return currentUser.get().map(u -> notices.unseen(u.id())).orElse(List.of());
    }

    /** Marks the notice (and every earlier change of that session) as seen. False if there was nothing to mark. */
    @Transactional
    public boolean dismiss(AgendaNotice notice) {
        return notices.dismiss(currentUser.require().id(), notice.sessionId(), notice.changeId());
    }
}
