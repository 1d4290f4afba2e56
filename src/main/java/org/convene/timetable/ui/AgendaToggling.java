package org.convene.timetable.ui;

import org.convene.agenda.AddOutcome;
import org.convene.agenda.AgendaService;
import org.convene.agenda.ApprovalNeededException;
import org.convene.agenda.PlaceStatus;
import org.convene.agenda.RegistrationClosedException;
import org.convene.core.security.CurrentUser;

import java.util.Objects;

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
                case ASK_FOR_PLACE -> {
                    agenda.askForPlace(id);
                    yield "You have asked for a place at " + title + ". The hosts will answer on your agenda "
                            + "page, and by email if your address is confirmed.";
                }
                case WITHDRAW_REQUEST -> agenda.withdrawRequest(id)
                        ? "You have withdrawn your request for a place at " + title + "."
                        : "Your request for a place at " + title + " was no longer waiting: the hosts have just "
                        + "answered it. See your agenda page.";
            };
            toggle.setState(agenda.placeStatus(id).state());
            return said;
        } catch (RegistrationClosedException e) {
            toggle.setState(PlaceStatus.State.CLOSED);
            return RegistrationClosedException.MESSAGE;
        } catch (ApprovalNeededException e) {
            toggle.setState(PlaceStatus.State.ASK);
            return ApprovalNeededException.MESSAGE;
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

    /** "7 of 20 places left." or "Full. 4 people are waiting.", and my number in the line when I wait. */
    static String placesText(PlaceStatus places) {
        String text = Objects.requireNonNullElse(places.summary(), "");
        if (places.state() == PlaceStatus.State.WAITING) {
            text += " " + position(places.position());
        } else if (places.state() == PlaceStatus.State.REQUESTED) {
            text += " Waiting for approval: you asked for a place, and the hosts have not answered yet.";
        } else if (places.state() == PlaceStatus.State.ASK) {
            text += " The hosts approve each place: ask for one, and they will tell you their answer.";
        } else if (places.closed() && !places.mine()) {
            text += " Registration has closed.";
        }
        return text.strip();
    }
}
