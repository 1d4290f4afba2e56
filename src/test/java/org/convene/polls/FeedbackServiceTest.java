package org.convene.polls;

import org.convene.IntegrationTest;
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

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.account.AccountFixtures.actAs;
import static org.convene.db.Tables.SESSION_FEEDBACK;

@IntegrationTest
class FeedbackServiceTest {

    @Autowired
    FeedbackService feedback;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    long ended;
    ConveneUser facilitator;

    @BeforeEach
    void setUp() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long conference = data.conference("Europe/London", today.minusDays(1), today.plusDays(1));
        ended = data.session(conference, TestData.unique("Ended"), now.minusSeconds(7200), now.minusSeconds(3600));
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(ended, facilitator);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void feedback_is_given_once_per_person_and_may_be_changed() {
        ConveneUser attendee = data.user();
        actAs(attendee);
        assertThat(feedback.give(ended, new FeedbackDraft(5, 4, ComeAgain.YES, "  Great captions  ")))
                .isInstanceOf(SaveResult.Saved.class);
        assertThat(feedback.give(ended, new FeedbackDraft(3, null, ComeAgain.PARTLY, "")))
                .isInstanceOf(SaveResult.Saved.class);
        assertThat(db.fetchCount(SESSION_FEEDBACK, SESSION_FEEDBACK.SESSION_ID.eq(ended))).isEqualTo(1);
        assertThat(feedback.mine(ended)).contains(new FeedbackDraft(3, null, ComeAgain.PARTLY, ""));
    }

    @Test
    void feedback_opens_when_the_session_ends() {
        long live = data.liveSession();
        actAs(data.user());
        assertThat(feedback.isOpen(live)).isFalse();
        assertThatThrownBy(() -> feedback.give(live, new FeedbackDraft(5, 5, ComeAgain.YES, "")))
                .isInstanceOf(PollException.class).hasMessage("Feedback opens when the session ends.");
    }

    @Test
    void people_not_signed_in_are_asked_to_log_in() {
        assertThatThrownBy(() -> feedback.give(ended, new FeedbackDraft(5, 5, ComeAgain.YES, "")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Log in to give feedback, so that each person gives it once.");
    }

    @Test
    void empty_or_too_long_feedback_is_refused_with_a_plain_message() {
        actAs(data.user());
        SaveResult<FeedbackDraft> empty = feedback.give(ended, FeedbackDraft.EMPTY);
        assertThat(((SaveResult.Invalid<FeedbackDraft>) empty).problems())
                .containsExactly(Map.entry(FeedbackQuestions.FIELD_USEFUL, "Answer at least one question, or write something"));
        SaveResult<FeedbackDraft> longText = feedback.give(ended,
                new FeedbackDraft(null, null, null, "x".repeat(FeedbackLimits.COMMENT_MAX + 1)));
        assertThat(((SaveResult.Invalid<FeedbackDraft>) longText).problems()).containsEntry(
                FeedbackQuestions.FIELD_COMMENT, "What you write must be 1000 characters or fewer. You have 1001.");
        assertThat(feedback.give(ended, new FeedbackDraft(null, null, null, "x".repeat(FeedbackLimits.COMMENT_MAX))))
                .isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    void only_facilitators_hosts_and_organisers_enter_feedback_given_by_phone() {
        actAs(data.user());
        assertThatThrownBy(() -> feedback.enterByPhone(ended, new FeedbackDraft(4, 4, ComeAgain.YES, "")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only the session's facilitators, its host and the organisers may enter feedback given by phone.");
        actAs(facilitator);
        feedback.enterByPhone(ended, new FeedbackDraft(4, 4, ComeAgain.YES, ""));
        feedback.enterByPhone(ended, new FeedbackDraft(2, 1, ComeAgain.NO, "Could not hear"));
        FeedbackSummary summary = feedback.summary(ended);
        assertThat(summary.given()).isEqualTo(2);
        assertThat(summary.byPhone()).isEqualTo(2);
        assertThat(db.fetchCount(SESSION_FEEDBACK, SESSION_FEEDBACK.SESSION_ID.eq(ended)
                .and(SESSION_FEEDBACK.USER_ID.isNotNull()))).isZero();
    }

    @Test
    void the_summary_counts_each_answer_and_keeps_the_texts_without_names() throws Exception {
        actAs(data.user());
        feedback.give(ended, new FeedbackDraft(5, 2, ComeAgain.YES, "Too fast"));
        actAs(data.user());
        feedback.give(ended, new FeedbackDraft(5, null, ComeAgain.NO, ""));
        actAs(data.user());
        assertThatThrownBy(() -> feedback.summary(ended)).isInstanceOf(AccessDeniedException.class);
        actAs(facilitator);
        FeedbackSummary summary = feedback.summary(ended);
        assertThat(summary.given()).isEqualTo(2);
        assertThat(summary.useful(5)).isEqualTo(2);
        assertThat(summary.accessible(2)).isEqualTo(1);
        assertThat(summary.comeAgain(ComeAgain.NO)).isEqualTo(1);
        assertThat(summary.comments()).containsExactly("Too fast");
        StringWriter csv = new StringWriter();
        assertThat(feedback.writeCsv(ended, csv)).isEqualTo(14);
        assertThat(csv.toString()).contains("How useful was this session for you?,Very useful,2\r\n",
                "Would you come to a session like this again?,No,1\r\n", "Anything else,Too fast,1\r\n");
    }

    @Test
    void a_hosts_report_adds_up_the_feedback_of_its_sessions_for_those_who_may_read_it() {
        long other = data.liveSession();
        actAs(data.user());
        feedback.give(ended, new FeedbackDraft(5, null, null, ""));
        assertThatThrownBy(() -> feedback.summary(java.util.List.of(ended, other)))
                .isInstanceOf(AccessDeniedException.class);
        actAs(data.user(Role.ORGANISER));
        FeedbackSummary summary = feedback.summary(java.util.List.of(ended, other));
        assertThat(summary.given()).isEqualTo(1);
        assertThat(summary.useful(5)).isEqualTo(1);
    }
}
