package org.convene.organising;

/** What happened when someone was added as a session's facilitator by email address. */
public sealed interface FacilitatorAssignment {

    record Added(AssignedPerson person) implements FacilitatorAssignment {
    }

    record AlreadyAssigned(AssignedPerson person) implements FacilitatorAssignment {
    }

    /** Nothing was written; the message says what to do, in the words of the form. */
    record Refused(String message) implements FacilitatorAssignment {
    }
}
