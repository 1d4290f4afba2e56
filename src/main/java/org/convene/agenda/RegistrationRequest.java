package org.convene.agenda;

import java.time.Instant;

/** Someone asking for a place at a session that needs the hosts' approval, as its hosts see them. */
public record RegistrationRequest(long id, String name, String email, Instant askedAt) {
}
