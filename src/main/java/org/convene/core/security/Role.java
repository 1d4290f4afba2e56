package org.convene.core.security;

/** What a person may do in Convene. Everyone who signs up is an attendee. */
public enum Role {
    ATTENDEE,
    FACILITATOR,
    /** Coordinator of one or more partner organisations: manages those organisations' sessions only. */
    HOST,
    ORGANISER;

    /** Spring Security's authority name, as checked by @RolesAllowed. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Role names for @RolesAllowed, which needs compile-time constants. */
    public static final class Names {
        public static final String ATTENDEE = "ATTENDEE";
        public static final String FACILITATOR = "FACILITATOR";
        public static final String HOST = "HOST";
        public static final String ORGANISER = "ORGANISER";

        private Names() {
        }
    }
}
