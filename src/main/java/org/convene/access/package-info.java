/**
 * Access needs and access arrangements: the needs an attendee records once in their account, the counts (never
 * names) their hosts and facilitators see for sessions on people's agendas, the state of each access feature a
 * session advertises, and telling the people who need a feature when its promise is withdrawn.
 */
@NullMarked
package org.convene.access;

import org.jspecify.annotations.NullMarked;
