package org.convene.accesshelp.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.timetable.ui.SessionView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** The BSL interpreter's video on the session page (timetable.ui.SessionView). */
class BslVideoPartTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    long session;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
    }

    private void video(String url) {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.BSL_VIDEO_URL, url)
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();
    }

    private void open() {
        UI.getCurrent().navigate(SessionView.class, new RouteParameters("id", Long.toString(session)));
    }

    @Test
    void a_youtube_address_is_shown_in_a_titled_player_the_viewer_can_make_larger() {
        video("https://www.youtube.com/watch?v=abc123XYZ");
        open();

        IFrame player = _get(IFrame.class, spec -> spec.withId("bsl-player"));
        assertThat(player.getSrc()).isEqualTo("https://www.youtube-nocookie.com/embed/abc123XYZ");
        assertThat(player.getTitle()).hasValue("BSL interpreter video");
        Button larger = _get(Button.class, spec -> spec.withId("bsl-larger"));
        _click(larger);
        assertThat(larger.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(player.getParent().orElseThrow().getElement().getClassList()).contains("cv-bsl-large");
        assertThat(_find(TextField.class, spec -> spec.withId("bsl-address"))).as("visitors get no form").isEmpty();
    }

    @Test
    void another_address_is_a_clear_link() {
        video("https://interpreters.example.org/live/room-4");
        open();

        assertThat(_find(IFrame.class)).isEmpty();
        Anchor link = _get(Anchor.class, spec -> spec.withId("bsl-link"));
        assertThat(link.getText()).isEqualTo("Watch the BSL interpreter (opens in a new tab)");
        assertThat(link.getHref()).isEqualTo("https://interpreters.example.org/live/room-4");
    }

    @Test
    void a_session_without_a_video_shows_nothing_to_visitors() {
        open();

        assertThat(_find(Section.class, spec -> spec.withId("bsl"))).isEmpty();
    }

    @Test
    void an_organiser_sets_the_address_on_the_page_and_a_wrong_one_is_refused_in_words() {
        video("https://interpreters.example.org/live/room-4");
        ConveneUser organiser = data.user(Role.ORGANISER);
        login(organiser);
        open();
        TextField address = _get(TextField.class, spec -> spec.withId("bsl-address"));
        BslVideoPart part = _get(BslVideoPart.class);

        address.setValue("not an address");
        _click(_get(Button.class, spec -> spec.withId("bsl-save")));
        assertThat(address.isInvalid()).isTrue();
        assertThat(part.statusText()).startsWith("Enter the interpreter’s video address as a web address");

        address.setValue("https://vimeo.com/123456789");
        _click(_get(Button.class, spec -> spec.withId("bsl-save")));
        assertThat(part.statusText()).isEqualTo("Saved. Attendees now see the interpreter video.");
        assertThat(_get(IFrame.class, spec -> spec.withId("bsl-player")).getSrc())
                .isEqualTo("https://player.vimeo.com/video/123456789");
        assertThat(db.select(PROGRAMME_SESSION.BSL_VIDEO_URL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle().value1()).isEqualTo("https://vimeo.com/123456789");

        address.setValue("");
        _click(_get(Button.class, spec -> spec.withId("bsl-save")));
        assertThat(part.statusText()).isEqualTo("Removed. Attendees no longer see an interpreter video.");
    }
}
