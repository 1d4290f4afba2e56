package org.convene.accesshelp.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.accesshelp.AccessHelpService;
import org.convene.accesshelp.HelpKind;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.qa.ui.ModerationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Access help at the top of the moderation page (qa.ui.ModerationView), contributed as a SessionViewSection. */
class HelpCountsTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    AccessHelpService service;

    long session;
    ConveneUser facilitator;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }

    private void open() {
        UI.getCurrent().navigate(ModerationView.class, new RouteParameters("id", Long.toString(session)));
    }

    private void sendAs(ConveneUser user, HelpKind kind, String note) {
        Authentication mine = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            service.send(session, kind, note);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(mine);
        }
    }

    private static String text() {
        return _get(Section.class, spec -> spec.withId("access-help-counts")).getElement().getTextRecursively();
    }

    @Test
    void facilitators_see_the_recent_counts_and_notes_at_the_top_of_the_moderation_page() {
        sendAs(data.user(), HelpKind.CAPTIONS_STOPPED, null);
        sendAs(data.user(), HelpKind.CAPTIONS_STOPPED, null);
        sendAs(data.user(), HelpKind.SOMETHING_ELSE, "The sound keeps cutting out");
        login(facilitator);

        open();

        assertThat(text()).startsWith("Access help from attendees")
                .contains("Captions have stopped: 2", "Something else: 1", "The sound keeps cutting out")
                .doesNotContain("Too fast");
    }

    @Test
    void with_nothing_sent_the_page_says_so() {
        login(facilitator);
        open();

        assertThat(text()).contains("Nobody has asked for help in the last 5 minutes.");
    }

    @Test
    void a_new_signal_appears_and_is_announced_politely_without_reloading() {
        login(facilitator);
        open();
        HelpCounts counts = _get(HelpCounts.class);

        sendAs(data.user(), HelpKind.CANNOT_HEAR, null);

        await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
            MockVaadin.runUIQueue();
            return text().contains("I cannot hear: 1");
        });
        assertThat(counts.announced()).isEqualTo("Access help: I cannot hear (1 in the last 5 minutes).");
    }

    @Test
    void attendees_cannot_open_the_moderation_page_and_so_see_no_counts() {
        login(data.user());
        open();

        assertThat(_find(HelpCounts.class)).isEmpty();
    }
}
