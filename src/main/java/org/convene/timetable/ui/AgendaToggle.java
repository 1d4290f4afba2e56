package org.convene.timetable.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.shared.Registration;
import org.convene.agenda.PlaceStatus;
import org.jspecify.annotations.Nullable;

/**
 * The one button for a session's place on my agenda: "Add to my agenda", "Remove from my agenda", "Join the
 * waiting list", "Leave the waiting list", "Ask for a place" (when the hosts approve each place), "Withdraw my
 * request (waiting for approval)", or "Registration closed". It only asks: the view that owns it calls the
 * agenda service and then shows the state that is now true with {@link #setState(PlaceStatus.State)}, so the
 * button never claims a change that did not happen. The accessible name carries the session title because a page
 * of cards has many such buttons.
 */
public class AgendaToggle extends Composite<Button> {

    /** What a click asks for. */
    public enum Action { ADD, REMOVE, JOIN_WAITING_LIST, LEAVE_WAITING_LIST, ASK_FOR_PLACE, WITHDRAW_REQUEST }

    private final long sessionId;
    private final String sessionTitle;
    private PlaceStatus.State state = PlaceStatus.State.OPEN;

    public AgendaToggle(long sessionId, String sessionTitle, boolean onAgenda) {
        this(sessionId, sessionTitle, onAgenda ? PlaceStatus.State.ON_AGENDA : PlaceStatus.State.OPEN);
    }

    public AgendaToggle(long sessionId, String sessionTitle, PlaceStatus.State state) {
        this.sessionId = sessionId;
        this.sessionTitle = sessionTitle;
        getContent().addClassName("cv-agenda-toggle");
        getContent().addClickListener(click -> {
            Action action = action(this.state);
            if (action != null) {
                fireEvent(new ToggleEvent(this, click.isFromClient(), action));
            }
        });
        setState(state);
    }

    /** Null for a closed registration: there is nothing to ask for. */
    static @Nullable Action action(PlaceStatus.State state) {
        return switch (state) {
            case ON_AGENDA -> Action.REMOVE;
            case WAITING -> Action.LEAVE_WAITING_LIST;
            case REQUESTED -> Action.WITHDRAW_REQUEST;
            case ASK -> Action.ASK_FOR_PLACE;
            case FULL -> Action.JOIN_WAITING_LIST;
            case OPEN -> Action.ADD;
            case CLOSED -> null;
        };
    }

    static String text(PlaceStatus.State state) {
        return switch (state) {
            case ON_AGENDA -> "Remove from my agenda";
            case WAITING -> "Leave the waiting list";
            // the state comes first in words, so the button says what is true now and what pressing does
            case REQUESTED -> "Withdraw my request (waiting for approval)";
            case ASK -> "Ask for a place";
            case FULL -> "Join the waiting list";
            case OPEN -> "Add to my agenda";
            case CLOSED -> "Registration closed";
        };
    }

    public void setState(PlaceStatus.State value) {
        state = value;
        Button button = getContent();
        String text = text(value);
        button.setText(text);
        button.setAriaLabel(text + ": " + sessionTitle);
        // pressed means "this session is mine": on my agenda, me in its line, or my request waiting
        boolean mine = value == PlaceStatus.State.ON_AGENDA || value == PlaceStatus.State.WAITING
                || value == PlaceStatus.State.REQUESTED;
        button.getElement().setAttribute("aria-pressed", String.valueOf(mine));
        button.getElement().getClassList().set("cv-agenda-toggle--on", mine);
        // a closed registration stays readable and reachable by keyboard, but a click does nothing
        if (value == PlaceStatus.State.CLOSED) {
            button.getElement().setAttribute("aria-disabled", "true");
        } else {
            button.getElement().removeAttribute("aria-disabled");
        }
    }

    public void setOnAgenda(boolean value) {
        setState(value ? PlaceStatus.State.ON_AGENDA : PlaceStatus.State.OPEN);
    }

    public PlaceStatus.State state() {
        return state;
    }

    public boolean isOnAgenda() {
        return state == PlaceStatus.State.ON_AGENDA;
    }

    public long sessionId() {
        return sessionId;
    }

    public String sessionTitle() {
        return sessionTitle;
    }

    public Registration addToggleListener(ComponentEventListener<ToggleEvent> listener) {
        return addListener(ToggleEvent.class, listener);
    }

    /** Someone asked to add the session, remove it, or join or leave its waiting list. */
    public static class ToggleEvent extends ComponentEvent<AgendaToggle> {
        private final Action action;

        public ToggleEvent(AgendaToggle source, boolean fromClient, Action action) {
            super(source, fromClient);
            this.action = action;
        }

        public Action action() {
            return action;
        }

        /** True for asking to add the session (directly, through its waiting list, or by asking the hosts). */
        public boolean addToAgenda() {
            return action == Action.ADD || action == Action.JOIN_WAITING_LIST || action == Action.ASK_FOR_PLACE;
        }
    }
}
