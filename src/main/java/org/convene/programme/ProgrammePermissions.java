package org.convene.programme;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may change which part of the programme. Organisers may change everything; a partner host's coordinators
 * only their organisation's sessions. Every write path asks here on the server, whatever the page showed.
 * Membership is read from the database on each call rather than from the sign-in, so removing a coordinator
 * takes effect at once.
 */
@Component
@Transactional(readOnly = true)
public class ProgrammePermissions {

    private final PermissionQueries queries;
    private final CurrentUser currentUser;

    ProgrammePermissions(PermissionQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** The host organisations this person coordinates; empty for everyone else, organisers included. */
    public Set<Long> coordinatedHostIds(long userId) {
        return queries.coordinatedHostIds(userId);
    }

    public boolean isOrganiser(ConveneUser user) {
        return user.has(Role.ORGANISER);
    }

    /** Organisers, and coordinators of at least one host, may open the programme management pages. */
    public boolean mayManageSomething(ConveneUser user) {
        return isOrganiser(user) || !coordinatedHostIds(user.id()).isEmpty();
    }

    /** A session hosted by {@code hostId} (null: no host yet) may be created or changed by this person. */
    public boolean mayManageSessionsOf(ConveneUser user, @Nullable Long hostId) {
        return isOrganiser(user) || (hostId != null && coordinatedHostIds(user.id()).contains(hostId));
    }

    public boolean mayManageSession(ConveneUser user, long sessionId) {
        if (isOrganiser(user)) {
            return true;
        }
        return queries.hostOf(sessionId).filter(coordinatedHostIds(user.id())::contains).isPresent();
    }

    /** Throws unless the signed-in person may change this session; returns them for the caller's records. */
    public ConveneUser requireSession(long sessionId) {
        ConveneUser user = currentUser.require();
        if (!mayManageSession(user, sessionId)) {
            throw new AccessDeniedException("Only the session's host organisation or an organiser may change it.");
        }
        return user;
    }

    /** Throws unless the signed-in person may create or move a session to this host. */
    public ConveneUser requireHost(@Nullable Long hostId) {
        ConveneUser user = currentUser.require();
        if (!mayManageSessionsOf(user, hostId)) {
            throw new AccessDeniedException(hostId == null
                    ? "Only organisers may add sessions without a host organisation."
                    : "You can only manage sessions of the organisations you coordinate.");
        }
        return user;
    }

    /** Throws unless the signed-in person is an organiser: conferences, tracks, hosts and people are theirs. */
    public ConveneUser requireOrganiser() {
        ConveneUser user = currentUser.require();
        if (!isOrganiser(user)) {
            throw new AccessDeniedException("Only organisers may do that.");
        }
        return user;
    }

    /** Hosts a person may pick when creating a session; null means all (an organiser). */
    public @Nullable Set<Long> hostChoices(ConveneUser user) {
        return isOrganiser(user) ? null : coordinatedHostIds(user.id()).stream().collect(Collectors.toSet());
    }
}
