package org.convene.captions.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.captions.CaptionService;
import org.convene.captions.TranscriptService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class CaptionsAdminViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    CaptionService captions;
    @Autowired
    TranscriptService transcripts;

    long session;
    ConveneUser organiser;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        ConveneUser captioner = data.user();
        data.caption(session, captioner);
        SecurityContext none = SecurityContextHolder.getContext();
        SecurityContext sender = SecurityContextHolder.createEmptyContext();
        sender.setAuthentication(new UsernamePasswordAuthenticationToken(captioner, null, captioner.getAuthorities()));
        SecurityContextHolder.setContext(sender);
        captions.send(session, "Hello evryone.", true);
        SecurityContextHolder.setContext(none);
        organiser = data.user(Role.ORGANISER);
    }

    private void open() {
        UI.getCurrent().navigate(CaptionsAdminView.class, new RouteParameters("id", Long.toString(session)));
    }

    private String status() {
        return _get(Div.class, spec -> spec.withId("captions-status")).getText();
    }

    @Test
    void a_host_saves_a_cart_address_and_is_told_plainly_when_it_is_not_https() {
        login(organiser);
        open();
        TextField cart = _get(TextField.class, spec -> spec.withId("cart-url"));
        cart.setValue("http://cart.example.org/live");
        _click(_get(Button.class, spec -> spec.withId("save-cart-url")));
        assertThat(cart.isInvalid()).isTrue();
        assertThat(cart.getErrorMessage()).contains("starting with https://");

        cart.setValue("https://cart.example.org/live/abc");
        _click(_get(Button.class, spec -> spec.withId("save-cart-url")));
        assertThat(status()).isEqualTo("Saved. The session page links to the live text page.");
        assertThat(captions.cartUrl(session)).isEqualTo("https://cart.example.org/live/abc");
    }

    @Test
    void a_host_corrects_a_line_and_publishes_after_the_session() {
        login(organiser);
        open();
        Button publish = _get(Button.class, spec -> spec.withId("transcript-publish"));
        assertThat(publish.isEnabled()).as("not before the session ends").isFalse();

        var line = transcripts.finalLines(session, 0, 1).getFirst();
        assertThat(transcripts.correct(session, line.line(), line.revisions(), "Hello everyone."))
                .isInstanceOf(org.convene.core.SaveResult.Saved.class);

        clock.advance(Duration.ofHours(2));
        open();
        _click(_get(Button.class, spec -> spec.withId("transcript-publish")));
        assertThat(status()).isEqualTo("The transcript is published.");
        assertThat(_get(Button.class, spec -> spec.withId("transcript-publish")).getText())
                .isEqualTo("Take the transcript down");
        assertThat(transcripts.webVtt(session).orElseThrow()).contains("Hello everyone.");
    }

    @Test
    void an_attendee_cannot_open_the_page() {
        login(data.user());
        assertCannotOpen(CaptionsAdminView.class, new RouteParameters("id", Long.toString(session)));
    }
}
