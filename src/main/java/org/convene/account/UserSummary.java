package org.convene.account;

import org.convene.core.security.Role;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One account as the account pages and the people-and-roles list show it. Never carries the password hash.
 *
 * @param emailConfirmed whether the person has opened a link sent to their address (see {@link AccountLink})
 */
public record UserSummary(long id, String displayName, String email, Instant createdAt, Set<Role> roles,
                          boolean emailConfirmed) {

    public UserSummary {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
