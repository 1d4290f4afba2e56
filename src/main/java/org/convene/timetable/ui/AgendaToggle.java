package org.convene.timetable.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.shared.Registration;

/**
 * "Add to my agenda" / "Remove from my agenda" for one session. It only asks: the view that owns it
 * calls the agenda service and then confirms the new state with {@link #setOnAgenda(boolean)}, so the
 * button never claims a change that did not happen. The accessible name carries the session title
 * because a page of cards has many such buttons.
 */
public class AgendaToggle extends Composite<Button> {

    private final long sessionId;
    private final String sessionTitle;
    private boolean onAgenda;

    public AgendaToggle(long sessionId, String sessionTitle, boolean onAgenda) {
        this.sessionId = sessionId;
        this.sessionTitle = sessionTitle;
        getContent().addClassName("cv-agenda-toggle");
        getContent().addClickListener(click -> fireEvent(new ToggleEvent(this, click.isFromClient(), !this.onAgenda)));
        setOnAgenda(onAgenda);
    }

    public void setOnAgenda(boolean value) {
        onAgenda = value;
        Button button = getContent();
        String text = value ? "Remove from my agenda" : "Add to my agenda";
        button.setText(text);
        button.setAriaLabel(text + ": " + sessionTitle);
        button.getElement().setAttribute("aria-pressed", String.valueOf(value));
        button.getElement().getClassList().set("cv-agenda-toggle--on", value);
    }

    public boolean isOnAgenda() {
        return onAgenda;
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

    /** Someone asked to put the session on their agenda (addToAgenda) or take it off. */
    public static class ToggleEvent extends ComponentEvent<AgendaToggle> {
        private final boolean addToAgenda;

        public ToggleEvent(AgendaToggle source, boolean fromClient, boolean addToAgenda) {
            super(source, fromClient);
            this.addToAgenda = addToAgenda;
        }

        public boolean addToAgenda() {
            return addToAgenda;
        }
    }
}
