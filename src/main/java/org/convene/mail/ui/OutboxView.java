package org.convene.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.time.DateTexts;
import org.convene.core.ui.MainLayout;
import org.convene.mail.MailState;
import org.convene.mail.OutboxAdmin;
import org.convene.mail.OutboxMessage;
import org.convene.mail.OutboxRow;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Every email Convene sent, is about to send, gave up on or kept (no mail server), newest first, for organisers
 * and operators. The list loads page by page. Choosing a message shows its plain text, and its HTML in a
 * sandboxed frame (no scripts, no forms, no links out of it), and offers "Try again" for a failed one.
 */
@Route(value = "manage/mail", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@PageTitle("Email sent by Convene - Convene")
@StyleSheet("styles/mail.css")
public class OutboxView extends Div implements BeforeEnterObserver {

    private final OutboxAdmin admin;
    private final Select<MailState> stateFilter = new Select<>();
    private final Select<String> kindFilter = new Select<>();
    private final Div status = new Div();
    private final Grid<OutboxRow> grid = new Grid<>();
    private final CallbackDataProvider<OutboxRow, Void> rows;
    private final Div message = new Div();

    public OutboxView(OutboxAdmin admin) {
        this.admin = admin;
        status.setId("mail-status");
        status.getElement().setAttribute("role", "status");
        message.setId("mail-message");
        message.addClassName("cv-mail-message");

        stateFilter.setId("mail-state-filter");
        stateFilter.setLabel("State");
        stateFilter.setItems(MailState.values());
        // the empty choice ("All states") is asked for its label too, as null
        stateFilter.setItemLabelGenerator(state -> state == null ? "All states" : stateName(state));
        stateFilter.setEmptySelectionAllowed(true);
        stateFilter.setEmptySelectionCaption("All states");
        stateFilter.addValueChangeListener(e -> filtersChanged());
        kindFilter.setId("mail-kind-filter");
        kindFilter.setLabel("Kind of message");
        kindFilter.setEmptySelectionAllowed(true);
        kindFilter.setEmptySelectionCaption("All kinds");
        kindFilter.setItemLabelGenerator(kind -> kind == null ? "All kinds" : kind);
        kindFilter.addValueChangeListener(e -> filtersChanged());

        rows = new CallbackDataProvider<>(
                query -> admin.messages(stateFilter.getValue(), kindFilter.getValue(), query.getOffset(),
                        query.getLimit()).stream(),
                query -> admin.count(stateFilter.getValue(), kindFilter.getValue()), OutboxRow::id);
        grid.setAriaLabel("Email messages, newest first");
        grid.addClassName("cv-mail-grid");
        // subjects and reasons are read in full, not cut off
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> when(r.createdAt())).setHeader("Written").setKey("created").setAutoWidth(true);
        grid.addColumn(OutboxRow::kind).setHeader("Kind").setKey("kind").setAutoWidth(true);
        grid.addColumn(OutboxRow::toAddress).setHeader("To").setKey("to").setAutoWidth(true);
        grid.addColumn(OutboxRow::subject).setHeader("Subject").setKey("subject").setFlexGrow(2);
        grid.addColumn(OutboxView::stateText).setHeader("State").setKey("state").setFlexGrow(2);
        grid.addColumn(OutboxRow::attempts).setHeader("Attempts").setKey("attempts").setAutoWidth(true);
        grid.setItems(rows);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Anchor back = new Anchor("manage", "Manage the programme");
        back.getElement().setAttribute("router-link", "");
        Paragraph backLink = new Paragraph(back);
        backLink.addClassName("cv-back-link");
        Paragraph server = new Paragraph(admin.mailServerConfigured()
                ? "Email goes out through the mail server."
                : "No mail server is set up, so email is kept here and not sent. Whoever runs Convene can set one "
                + "up (see the Settings part of docs/email.md).");
        server.setId("mail-server-note");
        if (!admin.mailServerConfigured()) {
            server.addClassName("cv-warning");
        }
        Div filters = new Div(stateFilter, kindFilter);
        filters.addClassName("cv-mail-filters");
        add(backLink, new H1("Email sent by Convene"),
                new Paragraph("Every email Convene sends is listed here, newest first. Choose a message to read it. "
                        + "Times are in UTC."),
                server, filters, status, grid, message);
        kindFilter.setItems(admin.kinds());
        stateFilter.clear();
        kindFilter.clear();
        message.removeAll();
        message.setVisible(false);
        filtersChanged();
    }

    private void filtersChanged() {
        rows.refreshAll();
        grid.deselectAll();
        int count = admin.count(stateFilter.getValue(), kindFilter.getValue());
        status.setText(count == 1 ? "1 message." : count + " messages.");
    }

    private void show(@Nullable OutboxRow row) {
        message.removeAll();
        message.setVisible(row != null);
        if (row == null) {
            return;
        }
        OutboxMessage mail = admin.message(row.id()).orElse(null);
        if (mail == null) {
            message.add(new Paragraph("This message is no longer in the outbox."));
            return;
        }
        H2 heading = new H2(mail.subject());
        Paragraph facts = new Paragraph("To " + row.toAddress() + ". " + stateText(row) + ".");
        facts.setId("mail-message-state");
        Pre text = new Pre(mail.text());
        text.addClassName("cv-mail-text");
        text.setId("mail-message-text");
        Details htmlVersion = new Details("Show the HTML version");
        htmlVersion.setId("mail-message-html");
        // the frame is made only when asked for: a page with a frame that may run no scripts cannot be checked
        // by tools that look into frames (axe waits for it for ever)
        htmlVersion.addOpenedChangeListener(e -> {
            if (e.isOpened() && htmlVersion.getContent().findAny().isEmpty()) {
                htmlVersion.add(htmlFrame(mail));
            }
        });
        message.add(heading, facts);
        if (admin.mayRetry(mail.state())) {
            Button retry = new Button("Try again", e -> retry(row));
            retry.setId("mail-retry");
            message.add(retry);
        }
        message.add(new Paragraph("The plain text:"), text, htmlVersion);
    }

    private static IFrame htmlFrame(OutboxMessage mail) {
        IFrame html = new IFrame();
        html.setSrcdoc(mail.html());
        // an empty sandbox: no scripts, forms, pop-ups or navigation from the message's HTML
        html.getElement().setAttribute("sandbox", "");
        html.getElement().setAttribute("title", "The HTML version of \u201c" + mail.subject() + "\u201d");
        html.addClassName("cv-mail-html");
        return html;
    }

    private void retry(OutboxRow row) {
        boolean done = admin.retry(row.id());
        rows.refreshAll();
        grid.deselectAll();
        message.setVisible(false);
        status.setText(done ? "\u201c" + row.subject() + "\u201d will be sent again in a moment."
                : "\u201c" + row.subject() + "\u201d was not tried again: it is no longer failed or kept.");
    }

    static String stateName(MailState state) {
        return switch (state) {
            case PENDING -> "Waiting to be sent";
            case SENT -> "Sent";
            case FAILED -> "Failed";
            case KEPT -> "Kept: no mail server";
        };
    }

    static String stateText(OutboxRow row) {
        return switch (row.state()) {
            case PENDING -> row.attempts() == 0 ? "Waiting to be sent"
                    : "Waiting to try again at " + when(row.nextAttemptAt())
                    + (row.lastError() == null ? "" : " (last time: " + row.lastError() + ")");
            case SENT -> row.sentAt() == null ? "Sent" : "Sent " + when(row.sentAt());
            case FAILED -> "Failed: " + (row.lastError() == null ? "no reason given" : row.lastError());
            case KEPT -> "Kept: no mail server";
        };
    }

    private static String when(Instant instant) {
        ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
        return DateTexts.day(at.toLocalDate()) + ", " + DateTexts.time(at.toLocalTime());
    }

    Grid<OutboxRow> grid() {
        return grid;
    }
}
