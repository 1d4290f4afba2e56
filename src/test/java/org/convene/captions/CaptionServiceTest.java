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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.convene.account.AccountFixtures.actAs;
import static org.convene.db.Tables.CAPTION_LINE;

@IntegrationTest
class CaptionServiceTest {

    @Autowired
    CaptionService captions;
    @Autowired
    CaptionLive live;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;

    long session;
    ConveneUser captioner;

    @BeforeEach
    void liveSession() {
        session = data.liveSession();
        captioner = data.user();
        data.caption(session, captioner);
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private CaptionLine sent(String text, boolean isFinal) {
        SaveResult<CaptionLine> result = captions.send(session, text, isFinal);
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved<CaptionLine>) result).value();
    }

    private int lineCount() {
        return db.fetchCount(CAPTION_LINE, CAPTION_LINE.SESSION_ID.eq(session));
    }

    @Test
    void the_sessions_captioner_facilitator_and_an_organiser_may_send_captions() {
        ConveneUser facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
        ConveneUser organiser = data.user(Role.ORGANISER);

        actAs(captioner);
        assertThat(captions.mayCaption(session)).isTrue();
        sent("Welcome, everyone.", true);
        actAs(facilitator);
        sent("Thank you for coming.", true);
        actAs(organiser);
        sent("We start in a minute.", true);

        assertThat(captions.latest(session).lines()).extracting(CaptionLine::text)
                .containsExactly("Welcome, everyone.", "Thank you for coming.", "We start in a minute.");
    }

    @Test
    void an_attendee_a_facilitator_of_another_session_and_nobody_signed_in_are_refused() {
        ConveneUser attendee = data.user();
        ConveneUser otherFacilitator = data.user(Role.FACILITATOR);
        data.facilitate(data.liveSession(), otherFacilitator);

        actAs(attendee);
        assertThat(captions.mayCaption(session)).isFalse();
        assertThatThrownBy(() -> captions.send(session, "Hello", true)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Only this session's captioners, facilitators and the organisers");
        actAs(otherFacilitator);
        assertThatThrownBy(() -> captions.send(session, "Hello", true)).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> captions.send(session, "Hello", true)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Sign in");
        assertThat(lineCount()).isZero();
    }

    @Test
    void a_line_is_revised_until_it_is_final_and_the_next_send_starts_a_new_line() {
        actAs(captioner);
        CaptionLine first = sent("Good", false);
        CaptionLine revised = sent("Good morning", false);
        CaptionLine done = sent("Good morning, everyone.", true);
        CaptionLine next = sent("Today", false);

        assertThat(revised.line()).isEqualTo(first.line());
        assertThat(done.line()).isEqualTo(first.line());
        assertThat(done.isFinal()).isTrue();
        assertThat(done.revisions()).isEqualTo(2);
        assertThat(done.change()).isGreaterThan(revised.change());
        assertThat(next.line()).isEqualTo(first.line() + 1);
        assertThat(captions.latest(session).lines()).extracting(CaptionLine::text, CaptionLine::isFinal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Good morning, everyone.", true),
                        org.assertj.core.groups.Tuple.tuple("Today", false));
    }

    @Test
    void two_captioners_each_revise_their_own_open_line_and_lines_keep_the_order_they_were_started() {
        ConveneUser second = data.user();
        data.caption(session, second);

        actAs(captioner);
        sent("First speaker", false);
        actAs(second);
        sent("Second speaker", false);
        actAs(captioner);
        sent("First speaker talks.", true);
        actAs(second);
        sent("Second speaker answers.", true);

        assertThat(captions.latest(session).lines()).extracting(CaptionLine::line, CaptionLine::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "First speaker talks."),
                        org.assertj.core.groups.Tuple.tuple(2L, "Second speaker answers."));
    }

    @Test
    void empty_too_long_and_unstorable_text_is_refused_with_a_code_and_a_clear_message() {
        actAs(captioner);
        assertThat(invalid(captions.send(session, "   ", true)).code()).isEqualTo("EMPTY");
        SaveResult.Invalid<CaptionLine> tooLong = invalid(captions.send(session, "a".repeat(CaptionLimits.LINE_MAX + 1), true));
        assertThat(tooLong.code()).isEqualTo("TOO_LONG");
        assertThat(tooLong.firstMessage()).isEqualTo("A caption line must be 500 characters or fewer. "
                + "Send a long sentence as two lines.");
        assertThat(invalid(captions.send(session, "bell\u0007", true)).code()).isEqualTo("INVALID_CHARACTER");
        assertThat(lineCount()).isZero();
        sent("a".repeat(CaptionLimits.LINE_MAX), true);
        assertThat(lineCount()).isOne();
    }

    @Test
    void a_sender_who_sends_too_fast_is_told_to_wait_and_may_send_again_later() {
        actAs(captioner);
        for (int i = 0; i < CaptionLimits.SENDS_PER_WINDOW; i++) {
            sent("Line " + i, true);
        }
        assertThatThrownBy(() -> captions.send(session, "One too many", true)).isInstanceOf(CaptionException.class)
                .hasMessageContaining("Wait a moment")
                .satisfies(e -> assertThat(((CaptionException) e).code()).isEqualTo(CaptionException.Code.RATE_LIMITED));
        clock.advance(CaptionLimits.RATE_WINDOW.plusSeconds(1));
        sent("Back again", true);
    }

    @Test
    void scrolling_back_pages_through_the_whole_session() {
        actAs(captioner);
        for (int i = 1; i <= CaptionLimits.PAGE + 5; i++) {
            clock.advance(Duration.ofSeconds(1)); // stays inside the rate limit
            sent("Line " + i, true);
        }
        CaptionPage latest = captions.latest(session);
        assertThat(latest.lines()).hasSize(CaptionLimits.PAGE);
        assertThat(latest.lines().getFirst().text()).isEqualTo("Line 6");
        assertThat(latest.hasEarlier()).isTrue();
        CaptionPage earlier = captions.earlier(session, latest.lines().getFirst().line());
        assertThat(earlier.lines()).extracting(CaptionLine::text)
                .containsExactly("Line 1", "Line 2", "Line 3", "Line 4", "Line 5");
        assertThat(earlier.hasEarlier()).isFalse();
    }

    @Test
    void a_committed_change_reaches_the_nodes_readers_once_in_order() {
        List<CaptionUpdate> heard = new CopyOnWriteArrayList<>();
        try (CaptionLive.Registration ignored = live.subscribe(session, heard::add)) {
            actAs(captioner);
            sent("Hello", false);
            sent("Hello there.", true);
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.stream()
                    .anyMatch(u -> u.lines().stream().anyMatch(l -> l.isFinal() && l.text().equals("Hello there."))));
        }
        assertThat(heard).allSatisfy(u -> assertThat(u.sessionId()).isEqualTo(session));
    }

    @Test
    void the_readers_choices_are_remembered_in_their_account_and_not_for_anonymous_readers() {
        ConveneUser reader = data.user();
        actAs(reader);
        assertThat(captions.preferences()).isEqualTo(CaptionPreferences.DEFAULT);
        CaptionPreferences chosen = new CaptionPreferences(true, true, false, true);
        assertThat(captions.savePreferences(chosen)).isTrue();
        assertThat(captions.preferences()).isEqualTo(chosen);
        SecurityContextHolder.clearContext();
        assertThat(captions.savePreferences(chosen)).isFalse();
        assertThat(captions.preferences()).isEqualTo(CaptionPreferences.DEFAULT);
    }

    @SuppressWarnings("unchecked")
    private static SaveResult.Invalid<CaptionLine> invalid(SaveResult<CaptionLine> result) {
        assertThat(result).isInstanceOf(SaveResult.Invalid.class);
        return (SaveResult.Invalid<CaptionLine>) result;
    }
}
