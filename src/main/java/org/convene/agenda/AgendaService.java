package org.convene.agenda;

import org.convene.programme.NoSuchSessionException;

import org.convene.core.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The signed-in person's own agenda. Every method acts for the current user only, so nobody can
 * read or change someone else's agenda whatever a client sends.
 */
@Service
@Transactional
public class AgendaService {

    private final AgendaQueries agenda;
    private final AgendaNoticeQueries notices;
    private final CurrentUser currentUser;
    private final Clock clock;

    AgendaService(AgendaQueries agenda, AgendaNoticeQueries notices, CurrentUser currentUser, Clock clock) {
        this.agenda = agenda;
        this.notices = notices;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public void add(long sessionId) {
        long userId = currentUser.require().id();
        if (!agenda.sessionExists(sessionId)) {
            throw new NoSuchSessionException(sessionId);
        }
        agenda.add(userId, sessionId, clock.instant());
    }

    public void remove(long sessionId) {
        agenda.remove(currentUser.require().id(), sessionId);
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
