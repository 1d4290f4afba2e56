package org.convene.agenda;

/** Two sessions on one agenda that run at the same time, in start order. */
public record AgendaClash(AgendaEntry first, AgendaEntry second) {
}
