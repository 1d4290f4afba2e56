package org.convene.organising;

/**
 * Someone assigned to a session in the editor, by the person id the remove buttons send back.
 *
 * @param organisation may be null
 * @param hasAccount whether the person is linked to an account (facilitators are; it is what lets them moderate)
 */
public record AssignedPerson(long personId, String name, String organisation, boolean hasAccount) {
}
