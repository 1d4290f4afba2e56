package org.convene.core.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The signed-in person as Spring Security holds them. Carries the user id so that services never
 * look a user up by a name a client could choose.
 */
public record ConveneUser(long id, String email, String displayName, String passwordHash, Set<Role> roles)
        implements UserDetails {

    public ConveneUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** Keeps the hash out of logs and toString-based debugging output. */
    @Override
    public String toString() {
        return "ConveneUser[id=" + id + ", roles=" + roles + "]";
    }
}
