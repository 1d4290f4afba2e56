package org.convene.account.ui;

import org.convene.core.security.Role;

import java.util.Collection;
import java.util.stream.Collectors;

/** Role names as people read them. */
final class RoleTexts {

    private RoleTexts() {
    }

    static String name(Role role) {
        return switch (role) {
            case ATTENDEE -> "Attendee";
            case FACILITATOR -> "Facilitator";
            case HOST -> "Partner host";
            case ORGANISER -> "Organiser";
        };
    }

    /** "Attendee, Facilitator", in the roles' own order. */
    static String list(Collection<Role> roles) {
        return roles.stream().sorted().map(RoleTexts::name).collect(Collectors.joining(", "));
    }
}
