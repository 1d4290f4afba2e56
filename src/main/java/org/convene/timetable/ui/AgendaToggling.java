package org.convene.timetable.ui;

import org.convene.agenda.AddOutcome;
import org.convene.agenda.AgendaService;
import org.convene.agenda.PlaceStatus;
import org.convene.agenda.RegistrationClosedException;
import org.convene.core.security.CurrentUser;

/**
 * What the timetable and the session page do when an {@link AgendaToggle} is pressed: ask the agenda service,
 * show on the button the state that is now true, and return the sentence to announce (politely) about it.
 */
final class AgendaToggling {

    private AgendaToggling() {
    }

    static String handle(AgendaService agenda, AgendaToggle.ToggleEvent event) {
        AgendaToggle toggle = event.getSource();
        long id = toggle.sessionId();
        String title = "\u201c" + toggle.sessionTitle() + "\u201d";
        try {
            String said = switch (event.action()) {
                case ADD -> switch (agenda.add(id)) {
                    case ADDED -> "Added " + title + " to your agenda.";
                    case FULL -> "Sorry, the last place at " + title + " has just gone. Nothing was added. "
                            + "You can join the waiting list.";
                    case WAITING -> waiting(agenda, id, title);
                };
                case JOIN_WAITING_LIST -> agenda.joinWaitingList(id) == AddOutcome.ADDED
                        ? "A place at " + title + " was free, so you have it. It is on your agenda."
                        : waiting(agenda, id, title);
                case REMOVE -> {
                    agenda.remove(id);
                    yield "Removed " + title + " from your agenda.";
                }
                case LEAVE_WAITING_LIST -> {
                    agenda.leaveWaitingList(id);
                    yield "You have left the waiting list for " + title + ".";
                }
            };
            toggle.setState(agenda.placeStatus(id).state());
            return said;
        } catch (RegistrationClosedException e) {
            toggle.setState(PlaceStatus.State.CLOSED);
            return RegistrationClosedException.MESSAGE;
        } catch (CurrentUser.NotSignedInException e) {
            return "You need to log in again to change your agenda.";
        }
    }

    private static String waiting(AgendaService agenda, long id, String title) {
        return "You are on the waiting list for " + title + ". " + position(agenda.placeStatus(id).position());
    }

    static String position(int position) {
        return PlaceStatus.positionText(position);
    }
}
