package org.convene.mail.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.Role;
import org.convene.mail.MailContent;
import org.convene.mail.MailState;
import org.convene.mail.OutboxAdmin;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.MAIL_OUTBOX;

class OutboxViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;
    @Autowired
    OutboxAdmin admin;

    /** A kind of its own, so the filter shows only this test's rows in the shared database. */
    String kind;

    @BeforeEach
    void setUp() {
        kind = "view-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    @Test
    void organisers_see_the_messages_newest_first_with_their_state_in_words() {
        Instant now = Instant.parse("2026-06-02T09:00:00Z");
        long older = row("older@mail.example", "Reminder one", MailState.SENT, null, now.minus(Duration.ofHours(1)));
        long failed = row("failed@mail.example", "Reminder two", MailState.FAILED,
                "the mail server refused it for good (SMTP 550)", now);
        row("kept@mail.example", "Reminder three", MailState.KEPT, "not sent: no mail server is configured",
                now.minus(Duration.ofHours(2)));
        OutboxView view = open();

        var grid = view.grid();
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._get(grid, 0).id()).isEqualTo(failed);
        assertThat(GridKt._get(grid, 1).id()).isEqualTo(older);
        assertThat(GridKt._getFormatted(grid, 0, "to")).isEqualTo("failed@mail.example");
        assertThat(GridKt._getFormatted(grid, 0, "state"))
                .isEqualTo("Failed: the mail server refused it for good (SMTP 550)");
        assertThat(GridKt._getFormatted(grid, 1, "state")).startsWith("Sent");
        assertThat(GridKt._getFormatted(grid, 2, "state")).isEqualTo("Kept: no mail server");
        assertThat(GridKt._getFormatted(grid, 0, "created")).isEqualTo("Tuesday 2 June 2026, 9am");
        assertThat(_get(Div.class, spec -> spec.withId("mail-status")).getText()).isEqualTo("3 messages.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mail-server-note")).getText())
                .isEqualTo("Email goes out through the mail server.");
    }

    @Test
    void the_state_filter_shows_only_that_state() {
        row("a@mail.example", "Sent one", MailState.SENT, null, Instant.now());
        long failed = row("b@mail.example", "Failed one", MailState.FAILED, "not a valid email address", Instant.now());
        OutboxView view = open();

        @SuppressWarnings("unchecked")
        Select<MailState> state = _get(Select.class, spec -> spec.withId("mail-state-filter"));
        state.setValue(MailState.FAILED);

        assertThat(GridKt._size(view.grid())).isEqualTo(1);
        assertThat(GridKt._get(view.grid(), 0).id()).isEqualTo(failed);
        assertThat(_get(Div.class, spec -> spec.withId("mail-status")).getText()).isEqualTo("1 message.");
    }

    @Test
    void choosing_a_message_shows_its_text_and_its_html_in_a_sandbox() {
        row("reader@mail.example", "Your session <moved>", MailState.SENT, null, Instant.now());
        OutboxView view = open();

        view.grid().select(GridKt._get(view.grid(), 0));

        assertThat(_get(Pre.class, spec -> spec.withId("mail-message-text")).getText())
                .contains("It moved to Tuesday <10:00>.");
        assertThat(_find(IFrame.class)).as("made when asked for").isEmpty();
        _get(Details.class, spec -> spec.withId("mail-message-html")).setOpened(true);
        IFrame frame = _get(IFrame.class);
        assertThat(frame.getElement().getAttribute("sandbox")).isEmpty();
        assertThat(frame.getSrcdoc().orElseThrow()).contains("It moved to Tuesday &lt;10:00&gt;.");
        assertThat(frame.getElement().getAttribute("title")).isEqualTo("The HTML version of \u201cYour session <moved>\u201d");
        assertThat(_get(Details.class, spec -> spec.withId("mail-message-html")).getSummaryText())
                .isEqualTo("Show the HTML version");
        assertThat(_find(Button.class, spec -> spec.withId("mail-retry"))).as("a sent message is not retried").isEmpty();
    }

    @Test
    void try_again_puts_a_failed_message_back_in_the_queue_due_now() {
        clock.set(Instant.parse("2026-06-02T09:00:00Z"));
        long failed = row("retry@mail.example", "Try me", MailState.FAILED, "could not connect to the mail server",
                Instant.parse("2026-06-01T09:00:00Z"));
        OutboxView view = open();
        view.grid().select(GridKt._get(view.grid(), 0));

        _click(_get(Button.class, spec -> spec.withId("mail-retry")));

        var row = db.selectFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(failed)).fetchSingle();
        assertThat(row.getState()).isEqualTo(MailState.PENDING);
        assertThat(row.getAttempts()).isZero();
        assertThat(row.getNextAttemptAt()).isEqualTo(Instant.parse("2026-06-02T09:00:00Z"));
        assertThat(row.getLastError()).isNull();
        assertThat(_get(Div.class, spec -> spec.withId("mail-status")).getText())
                .isEqualTo("\u201cTry me\u201d will be sent again in a moment.");
        assertThat(GridKt._getFormatted(view.grid(), 0, "state")).isEqualTo("Waiting to be sent");
    }

    @Test
    void a_kept_message_can_be_tried_again_now_that_a_mail_server_is_configured() {
        long kept = row("kept-again@mail.example", "Kept one", MailState.KEPT, "not sent: no mail server is configured",
                Instant.now());
        OutboxView view = open();
        view.grid().select(GridKt._get(view.grid(), 0));

        _click(_get(Button.class, spec -> spec.withId("mail-retry")));

        assertThat(db.select(MAIL_OUTBOX.STATE).from(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(kept)).fetchSingle().value1())
                .isEqualTo(MailState.PENDING);
    }

    @Test
    void only_organisers_may_open_it() {
        login(data.user(Role.FACILITATOR, Role.HOST));
        assertCannotOpen(OutboxView.class);
    }

    @Test
    void the_service_refuses_anyone_but_an_organiser() {
        login(data.user(Role.HOST));
        assertThatThrownBy(() -> admin.messages(null, null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.retry(1)).isInstanceOf(AccessDeniedException.class);
    }

    private OutboxView open() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(OutboxView.class);
        @SuppressWarnings("unchecked")
        Select<String> kinds = _get(Select.class, spec -> spec.withId("mail-kind-filter"));
        kinds.setValue(kind);
        return _get(OutboxView.class);
    }

    private long row(String to, String subject, MailState state, String lastError, Instant created) {
        MailContent content = MailContent.builder(subject).paragraph("It moved to Tuesday <10:00>.")
                .why("It is on your agenda.").build();
        return db.insertInto(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.IDEMPOTENCY_KEY, TestData.unique("view"))
                .set(MAIL_OUTBOX.KIND, kind)
                .set(MAIL_OUTBOX.TO_ADDRESS, to)
                .set(MAIL_OUTBOX.SUBJECT, content.subject())
                .set(MAIL_OUTBOX.TEXT_BODY, content.text())
                .set(MAIL_OUTBOX.HTML_BODY, content.html())
                .set(MAIL_OUTBOX.STATE, state)
                .set(MAIL_OUTBOX.ATTEMPTS, state == MailState.KEPT ? 0 : 1)
                .set(MAIL_OUTBOX.LAST_ERROR, lastError)
                .set(MAIL_OUTBOX.SENT_AT, state == MailState.SENT ? created : null)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, created)
                .set(MAIL_OUTBOX.CREATED_AT, created)
                .returning(MAIL_OUTBOX.ID).fetchSingle().getId();
    }
}
