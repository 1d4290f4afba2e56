package org.convene.captions.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.captions.CaptionLimits;
import org.convene.captions.CaptionPreferences;
import org.convene.captions.CaptionService;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.programme.ui.ConferenceLinks;
import org.convene.qa.ui.StageView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convene.db.Tables.PROGRAMME_SESSION;

class CaptionPaneTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    CaptionService captions;
    @Autowired
    DSLContext db;

    long session;
    ConveneUser captioner;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.LIVE_CAPTIONS, true)
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();
        captioner = data.user();
        data.caption(session, captioner);
    }

    /** Sends as the captioner without disturbing who the page is signed in as. */
    private void send(String text, boolean isFinal) {
        SecurityContext page = SecurityContextHolder.getContext();
        SecurityContext sender = SecurityContextHolder.createEmptyContext();
        sender.setAuthentication(new UsernamePasswordAuthenticationToken(captioner, null, captioner.getAuthorities()));
        SecurityContextHolder.setContext(sender);
        try {
            clock.advance(Duration.ofMillis(CaptionLimits.RATE_WINDOW.toMillis() / CaptionLimits.SENDS_PER_WINDOW + 1));
            assertThat(captions.send(session, text, isFinal)).isInstanceOf(SaveResult.Saved.class);
        } finally {
            SecurityContextHolder.setContext(page);
        }
    }

    private void openSessionPage() {
        UI.getCurrent().navigate(ConferenceLinks.session(session), QueryParameters.empty());
    }

    private CaptionPane pane() {
        return _get(CaptionPane.class);
    }

    private Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private List<String> lines() {
        return _find(pane(), Paragraph.class).stream().filter(p -> p.hasClassName("cv-caption"))
                .map(Paragraph::getText).toList();
    }

    private void awaitLines(String... expected) {
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertThat(lines()).containsExactly(expected);
        });
    }

    @Test
    void the_pane_is_closed_until_opened_and_then_shows_the_lines_so_far_without_being_a_live_region() {
        send("Welcome to the session.", true);
        openSessionPage();

        Button toggle = button("captions-toggle");
        assertThat(toggle.getText()).isEqualTo("Show live captions");
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(_find(Div.class, spec -> spec.withId("captions-body-" + session))).as("hidden").isEmpty();

        toggle.click();

        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(lines()).containsExactly("Welcome to the session.");
        Div box = _get(Div.class, spec -> spec.withId("captions-lines-" + session));
        assertThat(box.getElement().getAttribute("aria-live")).isNull();
        assertThat(box.getElement().getAttribute("tabindex")).isEqualTo("0");
        assertThat(_get(Div.class, spec -> spec.withId("captions-announcer")).getElement().getAttribute("aria-live"))
                .isEqualTo("polite");
    }

    @Test
    void new_and_revised_lines_arrive_live_and_final_lines_are_announced_only_when_chosen() {
        openSessionPage();
        button("captions-toggle").click();
        assertThat(_find(pane(), Paragraph.class).stream().map(Paragraph::getText))
                .contains("No captions yet. They appear here when the captioner starts.");

        send("Good", false);
        awaitLines("Good");
        send("Good morning.", true);
        awaitLines("Good morning.");
        Div announcer = _get(Div.class, spec -> spec.withId("captions-announcer"));
        assertThat(announcer.getText()).as("not announced unless chosen").isEmpty();

        _get(Checkbox.class, spec -> spec.withId("captions-announce")).setValue(true);
        send("Next line.", true);
        awaitLines("Good morning.", "Next line.");
        assertThat(announcer.getText()).isEqualTo("Next line.");
    }

    @Test
    void pausing_keeps_new_lines_waiting_with_a_count_and_resuming_shows_them() {
        openSessionPage();
        button("captions-toggle").click();
        send("Before the pause.", true);
        awaitLines("Before the pause.");

        button("captions-pause").click();
        assertThat(button("captions-pause").getText()).isEqualTo("Resume");
        send("First while paused.", true);
        send("Second while paused.", true);
        Paragraph status = _get(Paragraph.class, spec -> spec.withId("captions-pause-status"));
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertThat(status.getText()).isEqualTo("Paused. 2 new lines are waiting. Choose Resume to show them.");
        });
        assertThat(lines()).containsExactly("Before the pause.");

        button("captions-pause").click();
        assertThat(lines()).containsExactly("Before the pause.", "First while paused.", "Second while paused.");
        assertThat(status.isVisible()).isFalse();
    }

    @Test
    void earlier_lines_load_on_request_so_the_page_shows_a_bounded_number() {
        for (int i = 1; i <= CaptionLimits.PAGE + 3; i++) {
            send("Line " + i, true);
        }
        openSessionPage();
        button("captions-toggle").click();
        assertThat(lines()).hasSize(CaptionLimits.PAGE);
        assertThat(lines().getFirst()).isEqualTo("Line 4");

        button("captions-earlier").click();
        assertThat(lines()).hasSize(CaptionLimits.PAGE + 3);
        assertThat(lines().getFirst()).isEqualTo("Line 1");
        assertThat(_find(Button.class, spec -> spec.withId("captions-earlier"))).as("no more to load").isEmpty();
    }

    @Test
    void a_signed_in_readers_choices_are_remembered_in_their_account() {
        ConveneUser reader = data.user();
        login(reader);
        openSessionPage();
        button("captions-toggle").click();
        _get(Checkbox.class, spec -> spec.withId("captions-large")).setValue(true);
        _get(Checkbox.class, spec -> spec.withId("captions-contrast")).setValue(true);

        assertThat(captions.preferences()).isEqualTo(new CaptionPreferences(true, false, true, false));
        assertThat(_get(Div.class, spec -> spec.withId("captions-lines-" + session)).getClassNames())
                .contains("cv-captions-large", "cv-captions-contrast");

        UI.getCurrent().navigate(StageView.class, new RouteParameters("id", Long.toString(session)));
        openSessionPage();
        button("captions-toggle").click();
        assertThat(_get(Checkbox.class, spec -> spec.withId("captions-large")).getValue()).isTrue();
    }

    @Test
    void the_stage_view_has_the_pane_too() {
        UI.getCurrent().navigate(StageView.class, new RouteParameters("id", Long.toString(session)));
        assertThat(_find(CaptionPane.class)).hasSize(1);
    }

    @Test
    void a_session_without_captions_has_no_pane() {
        long plain = data.liveSession();
        UI.getCurrent().navigate(ConferenceLinks.session(plain), QueryParameters.empty());
        assertThat(_find(CaptionPane.class)).isEmpty();
    }
}
