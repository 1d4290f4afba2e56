package org.convene.attendance;

/** An account a host may match a participant to, or mark as joined by phone. */
public record PersonChoice(long userId, String name, String email) {

    public String label() {
        return name + " (" + email + ")";
    }
}
