package org.convene.accesshelp.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.accesshelp.AccessHelpLimits;
import org.convene.accesshelp.HelpKind;
import org.convene.core.security.ConveneUser;
import org.convene.timetable.ui.HomeView;
import org.convene.timetable.ui.SessionView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.ACCESS_HELP_SIGNAL;

/** "Tell the facilitator" on the session page (timetable.ui.SessionView), contributed as a SessionPageSection. */
class HelpButtonsTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    long session;
    ConveneUser attendee;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        attendee = data.user();
    }

    private void open(long id) {
        UI.getCurrent().navigate(SessionView.class, new RouteParameters("id", Long.toString(id)));
    }

    private static Button button(HelpKind kind) {
        return _get(Button.class, spec -> spec.withText(kind.label()));
    }

    private int stored(HelpKind kind) {
        return db.fetchCount(ACCESS_HELP_SIGNAL, ACCESS_HELP_SIGNAL.SESSION_ID.eq(session)
                .and(ACCESS_HELP_SIGNAL.KIND.eq(kind)));
    }

    @Test
    void an_attendee_sees_one_button_per_kind_under_the_heading() {
        login(attendee);
        open(session);

        Section section = _get(Section.class, spec -> spec.withId("access-help"));
        assertThat(section.getElement().getTextRecursively()).startsWith("Tell the facilitator");
        assertThat(_find(section, Button.class)).extracting(Button::getText).contains(
                "Captions have stopped", "I cannot hear", "Too fast", "I need a break", "I cannot see the interpreter",
                "Something else");
        assertThat(_get(HelpButtons.class).statusText()).isEmpty();
        assertThat(_get(HelpButtons.class).getElement().getChild(_get(HelpButtons.class).getElement().getChildCount() - 1)
                .getAttribute("aria-live")).isEqualTo("polite");
    }

    @Test
    void pressing_a_button_sends_the_signal_and_says_so_politely() {
        login(attendee);
        open(session);

        _click(button(HelpKind.CAPTIONS_STOPPED));

        assertThat(stored(HelpKind.CAPTIONS_STOPPED)).isEqualTo(1);
        assertThat(_get(HelpButtons.class).statusText()).isEqualTo("Sent. The facilitators can see it.");
        _click(button(HelpKind.TOO_FAST));
        assertThat(_get(HelpButtons.class).statusText()).isEqualTo("Sent again. The facilitators can see it.");
    }

    @Test
    void something_else_opens_a_short_note_that_is_sent_with_it() {
        login(attendee);
        open(session);
        Button somethingElse = button(HelpKind.SOMETHING_ELSE);
        assertThat(_find(TextField.class, spec -> spec.withId("help-note"))).as("hidden until asked for").isEmpty();

        _click(somethingElse);
        assertThat(somethingElse.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        TextField note = _get(TextField.class, spec -> spec.withId("help-note"));
        note.setValue("The slides are too small");
        _click(_get(Button.class, spec -> spec.withId("help-note-send")));

        assertThat(db.select(ACCESS_HELP_SIGNAL.NOTE).from(ACCESS_HELP_SIGNAL)
                .where(ACCESS_HELP_SIGNAL.SESSION_ID.eq(session)).fetchSingle().value1())
                .isEqualTo("The slides are too small");
        assertThat(note.getValue()).isEmpty();
        assertThat(_get(HelpButtons.class).statusText()).isEqualTo("Sent. The facilitators can see it.");
    }

    @Test
    void a_note_too_long_is_marked_on_the_field_and_said_and_kept() {
        login(attendee);
        open(session);
        _click(button(HelpKind.SOMETHING_ELSE));
        TextField note = _get(TextField.class, spec -> spec.withId("help-note"));
        String tooLong = "x".repeat(AccessHelpLimits.TEXT_MAX + 1);
        note.setValue(tooLong);
        _click(_get(Button.class, spec -> spec.withId("help-note-send")));

        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("Your note must be 200 characters or fewer. It has 201.");
        assertThat(_get(HelpButtons.class).statusText()).isEqualTo(note.getErrorMessage());
        assertThat(note.getValue()).isEqualTo(tooLong);
        assertThat(stored(HelpKind.SOMETHING_ELSE)).isZero();
    }

    @Test
    void too_many_presses_are_refused_in_words_without_losing_the_page() {
        login(attendee);
        open(session);
        for (int i = 0; i < AccessHelpLimits.SIGNALS_PER_PERSON; i++) {
            _click(button(HelpKind.CANNOT_HEAR));
        }
        _click(button(HelpKind.CANNOT_HEAR));

        assertThat(stored(HelpKind.CANNOT_HEAR)).isEqualTo(AccessHelpLimits.SIGNALS_PER_PERSON);
        assertThat(_get(HelpButtons.class).statusText()).startsWith("You have sent 5 messages in the last 5 minutes.");
    }

    @Test
    void a_visitor_not_signed_in_is_offered_the_log_in_instead_of_buttons() {
        open(session);

        Section section = _get(Section.class, spec -> spec.withId("access-help"));
        assertThat(_find(section, Button.class)).isEmpty();
        assertThat(_get(section, Anchor.class, spec -> spec.withText("Log in to tell the facilitator")).getHref())
                .isEqualTo("login");
    }

    @Test
    void the_buttons_appear_only_from_shortly_before_the_start_to_the_end() {
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long tomorrow = data.session(data.conference("Europe/London", LocalDate.now(), LocalDate.now().plusDays(3)),
                TestData.unique("Tomorrow"), start, start.plus(Duration.ofHours(1)));
        login(attendee);

        open(tomorrow);
        assertThat(_find(HelpButtons.class)).isEmpty();

        clock.set(start.minus(Duration.ofMinutes(5)));
        UI.getCurrent().navigate(HomeView.class);
        open(tomorrow);
        assertThat(_find(HelpButtons.class)).hasSize(1);

        clock.set(start.plus(Duration.ofHours(2)));
        UI.getCurrent().navigate(HomeView.class);
        open(tomorrow);
        assertThat(_find(HelpButtons.class)).isEmpty();
    }
}
