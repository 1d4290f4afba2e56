package org.convene.programme;

/** Someone running a session, with what the session page says about them. Organisation and bio may be null. */
public record SessionPerson(String name, PersonRole role, String organisation, String bio) {
}
