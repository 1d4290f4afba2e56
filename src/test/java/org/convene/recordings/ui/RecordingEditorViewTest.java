package org.convene.recordings.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.core.security.ConveneUser;
import org.convene.core.ui.ErrorSummary;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

class RecordingEditorViewTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-23T11:00:00Z");

    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    HostRef carers;
    HostRef council;
    long sessionId;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Co-production Week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        carers = fixture.host("Carers Together");
        council = fixture.host("Northshire Council");
        sessionId = fixture.session(week, "Caring at home").at(START, END).host(carers).create();
        clock.set(END.plusSeconds(3600));
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private ConveneUser coordinatorOf(HostRef host) {
        return fixture.coordinator("Hana Host", host);
    }

    private void open() {
        UI.getCurrent().navigate(RecordingEditorView.class, new RouteParameters("id", Long.toString(sessionId)));
    }

    private static <V> void setAsUser(HasValue<?, V> field, V value) {
        assertThat(((com.vaadin.flow.component.Component) field).isVisible() && !field.isReadOnly()).isTrue();
        field.setValue(value);
    }

    private static TextField field(String label) {
        return _get(TextField.class, spec -> spec.withLabel(label));
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("recording-status")).getElement().getTextRecursively();
    }

    private String storedUrl() {
        return db.select(PROGRAMME_SESSION.RECORDING_URL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).fetchSingle().value1();
    }

    @Test
    void the_host_publishes_the_recording_with_captions_transcript_and_easy_read() {
        login(coordinatorOf(carers));
        open();
        assertThat(_get(H1.class).getText()).isEqualTo("Publish the recording");

        setAsUser(field("Recording address"), "https://video.example.org/care.mp4");
        setAsUser(field("Captions file address (optional)"), "https://video.example.org/care.vtt");
        setAsUser(field("Transcript address (optional)"), "https://video.example.org/care.txt");
        setAsUser(_get(TextArea.class, spec -> spec.withLabel("Easy read summary (optional)")), "We talked about care.");
        _click(_get(Button.class, spec -> spec.withText("Publish the recording")));

        assertThat(status()).isEqualTo("Recording published. It is on the session page and in the Recordings library.");
        assertThat(storedUrl()).isEqualTo("https://video.example.org/care.mp4");
        assertThat(_get(H1.class).getText()).isEqualTo("Change the recording");
        assertThat(field("Recording address").getValue()).isEqualTo("https://video.example.org/care.mp4");
        _get(Button.class, spec -> spec.withText("Take the recording down"));
    }

    @Test
    void the_host_adds_a_bsl_version_with_the_recording_and_it_is_there_when_the_form_opens_again() {
        login(coordinatorOf(carers));
        open();

        setAsUser(field("Recording address"), "https://video.example.org/care.mp4");
        setAsUser(field("BSL version address (optional)"), "https://video.example.org/care-bsl.mp4");
        _click(_get(Button.class, spec -> spec.withText("Publish the recording")));

        assertThat(status()).isEqualTo("Recording published. It is on the session page and in the Recordings library.");
        open();
        assertThat(field("BSL version address (optional)").getValue()).isEqualTo("https://video.example.org/care-bsl.mp4");
    }

    @Test
    void taking_the_recording_down_asks_first_in_a_titled_confirmation_and_keeping_it_changes_nothing() {
        login(coordinatorOf(carers));
        open();
        setAsUser(field("Recording address"), "https://video.example.org/care.mp4");
        setAsUser(field("Transcript address (optional)"), "https://video.example.org/care.txt");
        _click(_get(Button.class, spec -> spec.withText("Publish the recording")));

        _click(_get(Button.class, spec -> spec.withText("Take the recording down")));
        Div panel = _get(Div.class, spec -> spec.withId("recording-takedown"));
        assertThat(panel.getElement().getAttribute("role")).isEqualTo("alertdialog");
        assertThat(panel.getElement().getAttribute("aria-labelledby")).isEqualTo("recording-takedown-title");
        assertThat(_get(H2.class, spec -> spec.withId("recording-takedown-title")).getText())
                .isEqualTo("Take the recording down?");
        assertThat(_get(Paragraph.class, spec -> spec.withId("recording-takedown-text")).getText())
                .startsWith("Attendees will no longer see the recording on the session page or in the Recordings "
                        + "library.")
                .contains("the video itself stays where it is hosted");
        assertThat(panel.getChildren().toList().getLast().getChildren().map(c -> ((Button) c).getText()).toList())
                .as("the safe choice first").containsExactly("Keep it published", "Take it down");
        assertThat(storedUrl()).as("nothing happens until they confirm").isEqualTo("https://video.example.org/care.mp4");

        _click(_get(Button.class, spec -> spec.withText("Keep it published")));
        assertThat(_find(Div.class, spec -> spec.withId("recording-takedown"))).isEmpty();
        assertThat(storedUrl()).isEqualTo("https://video.example.org/care.mp4");
        assertThat(_get(H1.class).getText()).isEqualTo("Change the recording");

        _click(_get(Button.class, spec -> spec.withText("Take the recording down")));
        _click(_get(Button.class, spec -> spec.withText("Take it down")));

        assertThat(storedUrl()).isNull();
        assertThat(status()).isEqualTo("Recording taken down. Attendees no longer see it.");
        assertThat(_get(H1.class).getText()).isEqualTo("Publish the recording");
    }

    @Test
    void mistakes_are_listed_in_an_error_summary_linked_to_each_field_and_what_was_typed_stays() {
        login(coordinatorOf(carers));
        open();
        setAsUser(field("Recording address"), "www.example.org/video");
        setAsUser(field("Captions file address (optional)"), "captions.vtt");

        _click(_get(Button.class, spec -> spec.withText("Publish the recording")));

        ErrorSummary summary = _get(ErrorSummary.class);
        assertThat(summary.isVisible()).isTrue();
        assertThat(summary.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(summary.messages()).containsExactly(
                "Enter the recording’s address as a web address starting with https://, like https://www.youtube.com/watch?v=abc123",
                "Enter the captions file’s address as a web address starting with https://, like https://example.org/captions.vtt");
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref)).contains("#recording-url", "#captions-url");
        assertThat(field("Recording address").isInvalid()).isTrue();
        assertThat(field("Recording address").getErrorMessage()).isEqualTo(summary.messages().getFirst());
        assertThat(field("Recording address").getValue()).isEqualTo("www.example.org/video");
        assertThat(storedUrl()).isNull();
    }

    @Test
    void a_change_made_meanwhile_is_a_conflict_with_a_way_to_load_the_latest_version() {
        login(coordinatorOf(carers));
        open();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.RECORDING_URL, "https://video.example.org/theirs")
                .set(PROGRAMME_SESSION.VERSION, PROGRAMME_SESSION.VERSION.plus(1))
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).execute();
        setAsUser(field("Recording address"), "https://video.example.org/mine");

        _click(_get(Button.class, spec -> spec.withText("Publish the recording")));

        assertThat(status()).contains("Someone else changed this session since you opened this page");
        assertThat(field("Recording address").getValue()).isEqualTo("https://video.example.org/mine");
        assertThat(storedUrl()).isEqualTo("https://video.example.org/theirs");

        _click(_get(Button.class, spec -> spec.withText("Load the latest version")));
        assertThat(field("Recording address").getValue()).isEqualTo("https://video.example.org/theirs");
    }

    @Test
    void before_the_end_the_page_says_when_the_recording_can_be_published_and_has_no_form() {
        clock.set(START.plusSeconds(60));
        login(coordinatorOf(carers));
        open();

        assertThat(_get(RecordingEditorView.class).getElement().getTextRecursively()).contains(
                "You can publish the recording once the session has ended, after 11am (UK time) on Monday 23 November 2026.");
        assertThat(_find(TextField.class, spec -> spec.withLabel("Recording address"))).isEmpty();
    }

    @Test
    void a_coordinator_of_another_host_is_told_they_cannot_and_an_attendee_cannot_open_the_page() {
        login(coordinatorOf(council));
        open();
        assertThat(_get(H1.class).getText()).isEqualTo("You cannot open this page");
        assertThat(_find(TextField.class)).isEmpty();

        logout();
        login(fixture.user("Ada Attendee"));
        assertCannotOpen(RecordingEditorView.class, new RouteParameters("id", Long.toString(sessionId)));
    }
}
