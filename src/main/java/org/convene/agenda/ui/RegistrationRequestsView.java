package org.convene.agenda.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.agenda.ApprovalOutcome;
import org.convene.agenda.RegistrationRequest;
import org.convene.agenda.RegistrationRequests;
import org.convene.core.SaveResult;
import org.convene.core.security.Role;
import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ConferenceLinks;
import org.convene.programme.ui.ManageLinks;
import org.springframework.security.access.AccessDeniedException;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The requests for a place at a session that needs approval, first asked first, for the session's hosts and the
 * organisers: approve (the session goes on the person's agenda, taking a place) or decline with an optional
 * message. Requests are read a page at a time, as a session may draw many. Who may open it is checked again by
 * {@link RegistrationRequests}.
 */
@Route(value = "manage/sessions/:id(\\d+)/registrations", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@StyleSheet(AdminPage.STYLES)
public class RegistrationRequestsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** How many requests are read at a time; "Show more requests" reads the next page. */
    static final int PAGE = 25;

    private final RegistrationRequests requests;
    private final H1 heading = new H1("Requests for a place");
    private final Paragraph lead = new Paragraph();
    private final Div status = AdminPage.status("registrations-status");
    private final Section listSection = new Section();
    private final H2 listHeading = new H2();

    private long sessionId;
    private ZoneId zone = ZoneId.of("UTC");
    private int shown = PAGE;
    private String pageTitle = "Requests for a place";

    public RegistrationRequestsView(RegistrationRequests requests) {
        this.requests = requests;
        addClassNames("cv-narrow", "cv-registrations");
        lead.addClassName("cv-lead");
        listHeading.setId("registrations-heading");
        listHeading.getElement().setAttribute("tabindex", "-1");
        listSection.getElement().setAttribute("aria-labelledby", "registrations-heading");
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = IdParameter.require(event, "id");
        SessionDetail session = AdminPage.session(sessionId, requests::forManaging);
        zone = session.conference().timeZone();
        shown = PAGE;
        pageTitle = "Requests for a place: " + session.title();
        lead.setText(session.title() + ": " + ZoneTexts.dayAndRange(session.startsAt(), session.endsAt(), zone)
                + " (" + ZoneTexts.shortName(zone) + ")");
        AdminPage.setStatus(status, "", null);
        removeAll();
        add(heading, lead, new Paragraph("When the session needs approval, people ask for a place and wait for "
                + "your answer. Approving puts the session on their agenda and takes a place, if it has places. "
                + "Each person is told your answer on their agenda page and by email."), status, listSection,
                links());
        renderList();
    }

    private void renderList() {
        listSection.removeAll();
        int count = requests.countPending(sessionId);
        listHeading.setText(switch (count) {
            case 0 -> "No requests waiting";
            case 1 -> "1 request waiting";
            default -> count + " requests waiting";
        });
        listSection.add(listHeading);
        if (count == 0) {
            listSection.add(new Paragraph("Nobody is waiting for an answer."));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-registration-list");
        list.setId("registration-list");
        List<RegistrationRequest> page = requests.pending(sessionId, 0, Math.min(shown, count));
        page.forEach(request -> list.add(item(request)));
        listSection.add(list);
        if (page.size() < count) {
            Button more = new Button("Show more requests", e -> {
                shown += PAGE;
                renderList();
            });
            more.setId("registrations-more");
            listSection.add(more);
        }
    }

    private ListItem item(RegistrationRequest request) {
        ZonedDateTime asked = request.askedAt().atZone(zone);
        Paragraph who = new Paragraph(request.name() + " (" + request.email() + ")");
        who.addClassName("cv-registration-name");
        Paragraph when = new Paragraph("Asked on " + DateTexts.dayWithoutYear(asked.toLocalDate()) + " at "
                + ZoneTexts.time(asked) + " (" + ZoneTexts.shortName(zone) + ")");
        Button approve = new Button("Approve", e -> approve(request));
        approve.addThemeVariants(ButtonVariant.PRIMARY);
        approve.getElement().setAttribute("aria-label", "Approve " + request.name());
        Button decline = new Button("Decline");
        decline.getElement().setAttribute("aria-label", "Decline " + request.name());
        Div actions = new Div(approve, decline);
        actions.addClassName("cv-button-row");
        ListItem item = new ListItem(who, when, actions);
        item.addClassName("cv-registration");
        decline.addClickListener(e -> showDecline(item, actions, request));
        return item;
    }

    /** A message box under the request; the person's answer is sent only when the host confirms. */
    private void showDecline(ListItem item, Div actions, RegistrationRequest request) {
        TextArea message = new TextArea("Message to " + request.name() + " (optional)");
        message.setHelperText("Say why, or what they can do instead. Up to " + RegistrationRequests.MESSAGE_MAX
                + " characters.");
        message.setWidthFull();
        message.setManualValidation(true);
        Button send = new Button("Decline the request", e -> decline(request, message));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.getElement().setAttribute("aria-label", "Decline the request of " + request.name());
        Button cancel = new Button("Cancel");
        Div form = new Div(message, new Div(send, cancel));
        form.addClassName("cv-form");
        cancel.addClickListener(e -> {
            item.remove(form);
            actions.setVisible(true);
            actions.getComponentAt(1).getElement().executeJs("this.focus()");
        });
        actions.setVisible(false);
        item.add(form);
        message.focus();
    }

    private void approve(RegistrationRequest request) {
        ApprovalOutcome outcome;
        try {
            outcome = requests.approve(sessionId, request.id());
        } catch (AccessDeniedException refused) {
            AdminPage.setStatus(status, refused.getMessage() + " Nothing has changed.", "cv-warning");
            return;
        }
        switch (outcome) {
            case APPROVED -> done(request.name() + " has a place now. They are told on their agenda and by email.");
            case FULL -> AdminPage.setStatus(status, "There is no place left for " + request.name() + ", so "
                    + "nothing has changed. Raise the number of places in the session editor, or decline the "
                    + "request.", "cv-warning");
            case GONE -> done(gone(request));
        }
    }

    private void decline(RegistrationRequest request, TextArea message) {
        SaveResult<Boolean> result;
        try {
            result = requests.decline(sessionId, request.id(), message.getValue());
        } catch (AccessDeniedException refused) {
            AdminPage.setStatus(status, refused.getMessage() + " Nothing has changed.", "cv-warning");
            return;
        }
        switch (result) {
            case SaveResult.Saved<Boolean> saved -> done(saved.value()
                    ? "You declined the request of " + request.name() + ". They are told on their agenda and by "
                    + "email." : gone(request));
            case SaveResult.Invalid<Boolean> invalid -> {
                message.setErrorMessage(invalid.firstMessage());
                message.setInvalid(true);
                message.focus();
            }
            case SaveResult.Conflict<Boolean> conflict -> done(gone(request));
        }
    }

    private static String gone(RegistrationRequest request) {
        return "The request of " + request.name() + " is no longer waiting: they withdrew it, or another host "
                + "answered it.";
    }

    /** Says what happened and keeps keyboard focus on the list, as the buttons pressed are gone. */
    private void done(String said) {
        AdminPage.setStatus(status, said, "cv-success");
        renderList();
        listHeading.getElement().executeJs("this.focus()");
    }

    private Div links() {
        Div links = new Div(new Paragraph(AdminPage.link(ConferenceLinks.session(sessionId), "See the session page")),
                new Paragraph(AdminPage.link(ManageLinks.session(sessionId), "Back to editing the session")));
        links.addClassName("cv-manage-links");
        return links;
    }
}
