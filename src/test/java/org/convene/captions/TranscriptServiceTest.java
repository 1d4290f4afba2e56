package org.convene.captions;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.account.AccountFixtures.actAs;
import static org.convene.db.Tables.PROGRAMME_SESSION;

@IntegrationTest
class TranscriptServiceTest {

    @Autowired
    CaptionService captions;
    @Autowired
    TranscriptService transcripts;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;

    long session;
    ConveneUser captioner;
    ConveneUser organiser;

    @BeforeEach
    void captionedSession() {
        session = data.liveSession();
        captioner = data.user();
        data.caption(session, captioner);
        organiser = data.user(Role.ORGANISER);
        actAs(captioner);
        captions.send(session, "Good morning.", true);
        clock.advance(Duration.ofSeconds(3));
        captions.send(session, "Welcom to the session.", true);
        captions.send(session, "Still typing", false);
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private void sessionEnds() {
        clock.advance(Duration.ofHours(2));
    }

    @Test
    void a_host_corrects_a_final_line_and_readers_see_the_correction() {
        actAs(organiser);
        assertThat(transcripts.finalLines(session, 0, 10)).extracting(CaptionLine::text)
                .containsExactly("Good morning.", "Welcom to the session.");
        CaptionLine typo = transcripts.finalLines(session, 0, 10).get(1);

        assertThat(transcripts.correct(session, typo.line(), typo.revisions(), "Welcome to the session."))
                .isInstanceOf(SaveResult.Saved.class);
        assertThat(transcripts.correct(session, typo.line(), typo.revisions(), "Twice"))
                .as("the line changed since it was read").isInstanceOf(SaveResult.Conflict.class);
        assertThat(captions.latest(session).lines()).extracting(CaptionLine::text)
                .containsExactly("Good morning.", "Welcome to the session.", "Still typing");
    }

    @Test
    void only_the_sessions_hosts_may_see_correct_or_publish_the_transcript() {
        actAs(captioner);
        assertThatThrownBy(() -> transcripts.state(session)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> transcripts.correct(session, 1, 0, "Changed")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> transcripts.publish(session, 0)).isInstanceOf(AccessDeniedException.class);
        assertThat(transcripts.webVtt(session)).as("not published").isEmpty();
    }

    @Test
    void publishing_waits_for_the_end_then_the_files_are_public_and_offered_to_the_recording() {
        actAs(organiser);
        TranscriptState before = transcripts.state(session);
        assertThat(transcripts.publish(session, before.version())).isInstanceOf(SaveResult.Invalid.class);

        sessionEnds();
        assertThat(transcripts.publish(session, before.version())).isInstanceOf(SaveResult.Saved.class);
        SecurityContextHolder.clearContext();
        String vtt = transcripts.webVtt(session).orElseThrow();
        assertThat(vtt).startsWith("WEBVTT\n").contains("Good morning.").doesNotContain("Still typing");
        assertThat(transcripts.plainText(session).orElseThrow()).contains("] Welcom to the session.");
        var recording = db.select(PROGRAMME_SESSION.CAPTIONS_URL, PROGRAMME_SESSION.TRANSCRIPT_URL)
                .from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle();
        assertThat(recording.value1()).endsWith("/sessions/" + session + "/captions.vtt");
        assertThat(recording.value2()).endsWith("/sessions/" + session + "/transcript.txt");
    }

    @Test
    void the_cart_address_must_be_https_and_shows_to_readers() {
        actAs(organiser);
        int version = transcripts.state(session).version();
        SaveResult<Integer> http = transcripts.saveCartUrl(session, version, "http://cart.example.org/live");
        assertThat(((SaveResult.Invalid<Integer>) http).firstMessage()).contains("starting with https://");
        assertThat(transcripts.saveCartUrl(session, version, "https://cart.example.org/live/abc"))
                .isInstanceOf(SaveResult.Saved.class);
        assertThat(transcripts.saveCartUrl(session, version, "https://cart.example.org/other"))
                .as("someone saved first").isInstanceOf(SaveResult.Conflict.class);
        assertThat(captions.cartUrl(session)).isEqualTo("https://cart.example.org/live/abc");
    }
}
