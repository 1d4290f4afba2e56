package org.convene.organising.ui;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ConferenceLinks;
import org.convene.programme.ui.ManageLinks;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.organising.SessionChangeResult;
import org.convene.organising.SessionChangeService;
import org.convene.programme.SessionStatus;

import java.util.Objects;

/**
 * Cancelling a session, or restoring a cancelled one. The page says how many people have the session on
 * their agenda before anyone presses the button: they are who a cancellation reaches (their agenda, their
 * calendar app). Nothing is deleted, so a mistaken cancellation can be undone here.
 */
@Route(value = "manage/sessions/:id(\\d+)/cancel", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
public class SessionCancelView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final SessionChangeService changes;

    private final ErrorSummary errors = new ErrorSummary();
    private final H1 heading = new H1();
    private final Paragraph lead = new Paragraph();
    private final Div status = new Div();
    private final Div body = new Div();
    private final TextArea reason = new TextArea("Reason (optional)");

    private long sessionId;
    private int version;
    private String pageTitle = "Cancel a session";

    public SessionCancelView(SessionChangeService changes) {
        this.changes = changes;
        addClassName("cv-narrow");
        lead.addClassName("cv-lead");
        status.setId("cancel-status");
        status.getElement().setAttribute("role", "status");
        reason.setId("cancellation-reason");
        reason.setWidthFull();
        reason.setManualValidation(true);
        reason.setHelperText("Attendees see this on the session page and on their agenda, for example "
                + "“The speaker is unwell. We hope to run this session next year.”");
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = IdParameter.require(event, "id");
        SessionStatus session = AdminPage.session(id, changes::status);
        removeAll();
        status.setText("");
        status.setClassName("");
        errors.clear(reason);
        reason.clear();
        body.removeAll();
        add(errors, heading, lead, status, body);
        sessionId = id;
        render(session);
        add(new Paragraph(AdminPage.link(ConferenceLinks.session(sessionId), "See the session page")),
                new Paragraph(AdminPage.link(ManageLinks.session(sessionId), "Back to editing the session")));
    }

    private void render(SessionStatus session) {
        version = session.version();
        body.removeAll();
        lead.setText(session.title() + ": " + ZoneTexts.dayAndRange(session.startsAt(), session.endsAt(),
                session.zone()) + " (" + ZoneTexts.shortName(session.zone()) + "), part of " + session.conferenceName());
        String people = session.onAgendas() == 1 ? "1 person has" : session.onAgendas() + " people have";
        if (session.cancelled()) {
            pageTitle = "Restore: " + session.title();
            heading.setText("Restore this session");
            body.add(new Paragraph("This session was cancelled on "
                    + DateTexts.day(Objects.requireNonNull(session.cancelledAt(), "cancelled").atZone(session.zone())
                    .toLocalDate()) + "."
                    + (session.cancellationReason() == null ? " No reason was given."
                    : " The reason given: “" + session.cancellationReason() + "”")));
            Div warning = new Div(new H2("Before you restore it"), new Paragraph(people
                    + " this session on their agenda. Restoring it tells them it is back on, and their calendar "
                    + "apps show it again at the next update."));
            warning.addClassName("cv-warning");
            Button restore = new Button("Restore this session", e -> handle(changes.restore(sessionId, version),
                    "Session restored. It is back on the timetable and on people’s agendas."));
            restore.addThemeVariants(ButtonVariant.PRIMARY);
            body.add(warning, restore);
        } else {
            pageTitle = "Cancel: " + session.title();
            heading.setText("Cancel this session");
            Div warning = new Div(new H2("Before you cancel it"), new Paragraph(people
                    + " this session on their agenda. They will see that it is cancelled on their agenda, on the "
                    + "timetable and in their calendar apps, and nobody will be able to join it. "
                    + "You can restore it afterwards if you need to."));
            warning.addClassName("cv-warning");
            Button cancel = new Button("Cancel this session", e -> cancel());
            cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
            Div form = new Div(reason, cancel);
            form.addClassName("cv-form");
            body.add(warning, form);
        }
    }

    private void cancel() {
        errors.clear(reason);
        handle(changes.cancel(sessionId, version, reason.getValue()),
                "Session cancelled. People who chose it will see that on their agenda.");
    }

    private void handle(SessionChangeResult result, String success) {
        switch (result) {
            case SessionChangeResult.Done done -> {
                reason.clear();
                render(changes.status(sessionId));
                UI.getCurrent().getPage().setTitle(pageTitle);
                status.setText(success);
                status.setClassName("cv-success");
            }
            case SessionChangeResult.Invalid invalid -> {
                errors.show(reason, invalid.message());
                UI.getCurrent().getPage().setTitle(ErrorSummary.pageTitle(true, pageTitle));
            }
            case SessionChangeResult.Conflict conflict -> AdminPage.showConflictIn(status,
                    "Someone else changed this session since you opened this page, so nothing was changed. "
                            + "Load the latest version to see what it is now.",
                    () -> render(changes.status(sessionId)),
                    "Loaded the latest version. Check it before you carry on.");
        }
    }
}
