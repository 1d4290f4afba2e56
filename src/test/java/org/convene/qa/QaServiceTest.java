package org.convene.qa;

import static org.convene.qa.QaResults.saved;

import org.convene.IntegrationTest;
import org.convene.core.SaveResult;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.qa.QaStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.convene.db.Tables.QA_EVENT;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.QUESTION;
import static org.convene.db.Tables.QUESTION_VOTE;

@IntegrationTest
class QaServiceTest {

    @Autowired
    QaService qa;
    @Autowired
    QaModerationService moderation;
    @Autowired
    QaLiveUpdates live;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;

    long session;
    ConveneUser asker;
    ConveneUser voter;
    ConveneUser facilitator;

    @BeforeEach
    void liveSession() {
        session = data.liveSession();
        asker = data.user();
        voter = data.user();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        clock.reset();
    }

    private static void as(ConveneUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private int questionCount() {
        return db.fetchCount(QUESTION, QUESTION.SESSION_ID.eq(session));
    }

    private void expectInvalid(SaveResult<?> result, String code, String message) {
        SaveResult.Invalid<?> invalid = QaResults.invalid(result);
        assertThat(invalid.problems()).containsExactly(Map.entry(QaFields.TEXT, message));
        assertThat(invalid.code()).isEqualTo(code);
        assertThat(questionCount()).as("nothing saved").isZero();
    }

    private void expectRefusal(Runnable action, QaException.Code code, String message) {
        int before = questionCount();
        assertThatThrownBy(action::run).isInstanceOf(QaException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((QaException) e).code()).isEqualTo(code));
        assertThat(questionCount()).as("nothing half-saved").isEqualTo(before);
    }

    @Test
    void a_question_without_pre_moderation_is_public_at_once() {
        as(asker);
        QuestionView question = saved(qa.ask(session, "  How do we start co-producing?  ", false));

        assertThat(question.text()).isEqualTo("How do we start co-producing?");
        assertThat(question.state()).isEqualTo(QuestionState.APPROVED);
        assertThat(question.authorName()).isEqualTo(asker.displayName());
        SecurityContextHolder.clearContext();
        QaSnapshot snapshot = qa.snapshot(session);
        assertThat(snapshot.questions()).extracting(QuestionView::id).containsExactly(question.id());
        assertThat(snapshot.seq()).isEqualTo(1);
    }

    @Test
    void a_cancelled_session_takes_no_questions_and_no_votes() {
        as(asker);
        QuestionView before = saved(qa.ask(session, "Will the slides be shared?", false));
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CANCELLED_AT, clock.instant())
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();

        expectRefusal(() -> saved(qa.ask(session, "Is it still on?", false)), QaException.Code.CLOSED,
                "This session has been cancelled, so it takes no questions.");
        as(voter);
        assertThatThrownBy(() -> qa.vote(before.id(), true)).isInstanceOf(QaException.class)
                .hasMessage("This session has been cancelled, so voting has closed.");
    }

    @Test
    void pending_question_is_visible_only_to_its_author_and_facilitators() {
        as(facilitator);
        moderation.updateSettings(session, true, true, true);
        as(asker);
        QuestionView pending = saved(qa.ask(session, "Is there an easy-read version?", false));

        assertThat(qa.board(session).mine()).singleElement()
                .satisfies(mine -> assertThat(mine.waitingForApproval()).isTrue());
        assertThat(qa.board(session).questions()).isEmpty();
        as(voter);
        assertThat(qa.board(session).questions()).isEmpty();
        assertThat(qa.board(session).mine()).isEmpty();
        as(facilitator);
        assertThat(qa.moderationBoard(session).inState(QuestionState.PENDING))
                .extracting(QuestionView::id).containsExactly(pending.id());
    }

    @Test
    void a_facilitator_can_edit_then_approve_and_the_question_becomes_public() {
        as(facilitator);
        moderation.updateSettings(session, true, true, true);
        as(asker);
        QuestionView pending = saved(qa.ask(session, "is there easy read", false));
        as(facilitator);
        moderation.approve(pending.id(), "Is there an easy-read version of the slides?");

        assertThat(qa.snapshot(session).questions()).singleElement()
                .satisfies(q -> {
                    assertThat(q.text()).isEqualTo("Is there an easy-read version of the slides?");
                    assertThat(q.state()).isEqualTo(QuestionState.APPROVED);
                });
    }

    @Test
    void a_dismissed_question_tells_its_author_why_and_nobody_else() {
        as(asker);
        QuestionView question = saved(qa.ask(session, "Off-topic question", false));
        as(facilitator);
        moderation.dismiss(question.id(), "This is covered in tomorrow's session.");

        as(asker);
        MyQuestion mine = qa.board(session).mine().getFirst();
        assertThat(mine.dismissed()).isTrue();
        assertThat(mine.question().dismissReason()).isEqualTo("This is covered in tomorrow's session.");
        as(voter);
        assertThat(qa.board(session).questions()).isEmpty();
    }

    @Test
    void anonymous_questions_hide_the_author_from_everyone_facilitators_included() {
        as(asker);
        QuestionView question = saved(qa.ask(session, "A sensitive question", true));
        assertThat(question.authorName()).isNull();
        assertThat(question.anonymous()).isTrue();

        as(facilitator);
        assertThat(qa.moderationBoard(session).questions()).singleElement()
                .satisfies(q -> assertThat(q.authorName()).isNull());
        as(asker);
        assertThat(qa.board(session).mine()).hasSize(1);
    }

    @Test
    void bad_questions_are_refused_with_specific_messages_and_nothing_is_saved() {
        as(asker);
        expectInvalid(qa.ask(session, "", false), "EMPTY", "Your question is empty. Type something first.");
        expectInvalid(qa.ask(session, "   \n\t ", false), "EMPTY", "Your question is empty. Type something first.");
        expectInvalid(qa.ask(session, "x".repeat(501), false), "TOO_LONG",
                "Your question is 501 characters long. It can be at most 500.");
        assertThat(saved(qa.ask(session, "y".repeat(500), false)).text()).hasSize(500);
        expectRefusal(() -> saved(qa.ask(987654321L, "Hello", false)), QaException.Code.NOT_FOUND, "no session");

        SecurityContextHolder.clearContext();
        expectRefusal(() -> saved(qa.ask(session, "Hello", false)), QaException.Code.NOT_SIGNED_IN, "Log in");
    }

    @Test
    void closed_q_and_a_and_disallowed_anonymity_are_refused() {
        as(facilitator);
        moderation.updateSettings(session, false, false, false);
        as(asker);
        expectRefusal(() -> saved(qa.ask(session, "Hello", false)), QaException.Code.CLOSED, "closed");
        as(facilitator);
        moderation.updateSettings(session, true, false, false);
        as(asker);
        expectRefusal(() -> saved(qa.ask(session, "Hello", true)), QaException.Code.ANONYMOUS_NOT_ALLOWED, "anonymous");
    }

    @Test
    void questions_can_be_sent_before_the_session_starts_but_not_after_it_ends() {
        clock.set(Instant.now().minus(Duration.ofDays(1)));
        as(asker);
        assertThat(saved(qa.ask(session, "Sent in early", false)).state()).isEqualTo(QuestionState.APPROVED);

        clock.set(Instant.now().plus(Duration.ofHours(2)));
        expectRefusal(() -> saved(qa.ask(session, "Too late", false)), QaException.Code.SESSION_OVER, "ended");
    }

    @Test
    void asking_too_fast_hits_the_rate_limit_with_a_clear_message() {
        as(asker);
        for (int i = 0; i < 5; i++) {
            saved(qa.ask(session, "Question " + i, false));
        }
        expectRefusal(() -> saved(qa.ask(session, "One too many", false)), QaException.Code.RATE_LIMITED, "wait a minute");
    }

    @Test
    void one_vote_per_person_which_can_be_taken_back() {
        as(asker);
        QuestionView question = saved(qa.ask(session, "Vote for me", false));
        as(voter);
        qa.vote(question.id(), true);
        qa.vote(question.id(), true);
        assertThat(qa.snapshot(session).questions().getFirst().votes()).isEqualTo(1);
        assertThat(qa.board(session).myVotes()).containsExactly(question.id());

        qa.vote(question.id(), false);
        assertThat(qa.snapshot(session).questions().getFirst().votes()).isZero();
        assertThat(qa.board(session).myVotes()).isEmpty();
    }

    @Test
    void voting_closes_when_the_session_ends_and_a_refused_vote_counts_nothing() {
        as(asker);
        QuestionView question = saved(qa.ask(session, "Before the end?", false));
        Instant endsAt = db.select(PROGRAMME_SESSION.ENDS_AT).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.ID.eq(session)).fetchSingle(PROGRAMME_SESSION.ENDS_AT);
        clock.set(endsAt);

        as(voter);
        assertThatThrownBy(() -> qa.vote(question.id(), true)).isInstanceOf(QaException.class)
                .hasMessage("This session has ended, so voting has closed.");
        assertThat(db.fetchCount(QUESTION_VOTE, QUESTION_VOTE.QUESTION_ID.eq(question.id()))).isZero();
        assertThat(qa.snapshot(session).questions().getFirst().votes()).isZero();
    }

    @Test
    void a_vote_for_a_question_that_no_longer_exists_is_refused_plainly() {
        as(voter);
        assertThatThrownBy(() -> qa.vote(Long.MAX_VALUE, true)).isInstanceOf(QaException.class)
                .hasMessage("That question no longer exists.");
    }

    @Test
    void nobody_votes_for_their_own_question_or_a_pending_one() {
        as(asker);
        QuestionView own = saved(qa.ask(session, "Mine", false));
        assertThatThrownBy(() -> qa.vote(own.id(), true)).hasMessageContaining("your own question");

        as(facilitator);
        moderation.updateSettings(session, true, true, true);
        as(asker);
        QuestionView pending = saved(qa.ask(session, "Waiting", false));
        as(voter);
        assertThatThrownBy(() -> qa.vote(pending.id(), true)).hasMessageContaining("everyone can see");
    }

    @Test
    void merging_a_duplicate_carries_its_votes_over_without_counting_anyone_twice() {
        as(asker);
        QuestionView original = saved(qa.ask(session, "What is co-production?", false));
        QuestionView duplicate = saved(qa.ask(session, "Can someone define co-production?", false));
        ConveneUser third = data.user();
        as(voter);
        qa.vote(original.id(), true);
        qa.vote(duplicate.id(), true);
        as(third);
        qa.vote(duplicate.id(), true);

        as(facilitator);
        moderation.merge(duplicate.id(), original.id());

        List<QuestionView> visible = qa.snapshot(session).questions();
        assertThat(visible).extracting(QuestionView::id).containsExactly(original.id());
        assertThat(visible.getFirst().votes()).isEqualTo(2);
        QuestionView merged = qa.moderationBoard(session).questions().stream()
                .filter(q -> q.id() == duplicate.id()).findFirst().orElseThrow();
        assertThat(merged.state()).isEqualTo(QuestionState.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(original.id());
    }

    @Test
    void one_question_is_on_stage_at_a_time_and_answering_takes_it_off() {
        as(asker);
        QuestionView first = saved(qa.ask(session, "First", false));
        QuestionView second = saved(qa.ask(session, "Second", false));
        as(facilitator);
        moderation.pin(first.id());
        moderation.pin(second.id());

        assertThat(qa.snapshot(session).questions()).filteredOn(QuestionView::pinned)
                .extracting(QuestionView::id).containsExactly(second.id());

        moderation.markAnswered(second.id());
        assertThat(qa.snapshot(session).questions()).noneMatch(QuestionView::pinned);
        assertThat(qa.snapshot(session).questions()).filteredOn(q -> q.id() == second.id())
                .singleElement().extracting(QuestionView::state).isEqualTo(QuestionState.ANSWERED);
    }

    @Test
    void facilitators_reply_in_text_under_a_question() {
        as(asker);
        QuestionView question = saved(qa.ask(session, "Where are the slides?", false));
        as(facilitator);
        moderation.reply(question.id(), "They are on the session page after the session.");

        assertThat(qa.snapshot(session).questions().getFirst().replies()).singleElement()
                .satisfies(r -> {
                    assertThat(r.text()).isEqualTo("They are on the session page after the session.");
                    assertThat(r.authorName()).isEqualTo(facilitator.displayName());
                });
    }

    @Test
    void a_facilitators_text_that_cannot_be_stored_comes_back_on_its_field_and_changes_nothing() {
        as(asker);
        QuestionView question = saved(qa.ask(session, "Where are the slides?", false));
        as(facilitator);

        SaveResult.Invalid<Long> reply = QaResults.invalid(moderation.reply(question.id(), "  "));
        assertThat(reply.problems()).containsExactly(Map.entry(QaFields.TEXT, "Your reply is empty. Type something first."));
        SaveResult.Invalid<Long> edit = QaResults.invalid(moderation.edit(question.id(), "x".repeat(QaLimits.QUESTION_MAX_LENGTH + 1)));
        assertThat(edit.code()).isEqualTo("TOO_LONG");
        SaveResult.Invalid<Long> dismiss = QaResults.invalid(
                moderation.dismiss(question.id(), "r".repeat(QaLimits.DISMISS_REASON_MAX_LENGTH + 1)));
        assertThat(dismiss.problems()).containsOnlyKeys(QaFields.REASON);

        QuestionView unchanged = qa.snapshot(session).questions().getFirst();
        assertThat(unchanged.text()).isEqualTo("Where are the slides?");
        assertThat(unchanged.state()).isEqualTo(QuestionState.APPROVED);
        assertThat(unchanged.replies()).isEmpty();
    }

    @Test
    void a_question_sent_in_reports_each_field_it_cannot_store_in_form_order() {
        as(facilitator);
        SaveResult.Invalid<QuestionView> invalid = QaResults.invalid(moderation.askOnBehalf(session, "",
                "n".repeat(QaLimits.ON_BEHALF_OF_MAX_LENGTH + 1)));

        assertThat(invalid.problems().keySet()).containsExactly(QaFields.TEXT, QaFields.ON_BEHALF_OF);
        assertThat(invalid.code()).isEqualTo("EMPTY");
        assertThat(questionCount()).isZero();
    }

    @Test
    void only_this_sessions_facilitators_and_organisers_may_moderate() {
        as(asker);
        QuestionView question = saved(qa.ask(session, "Moderate me", false));
        ConveneUser otherFacilitator = data.user(Role.FACILITATOR);
        data.facilitate(data.liveSession(), otherFacilitator);

        as(voter);
        assertThatThrownBy(() -> moderation.dismiss(question.id(), null)).isInstanceOf(QaException.class)
                .satisfies(e -> assertThat(((QaException) e).code()).isEqualTo(QaException.Code.FORBIDDEN));
        as(otherFacilitator);
        assertThatThrownBy(() -> moderation.pin(question.id())).isInstanceOf(QaException.class);
        assertThatThrownBy(() -> qa.moderationBoard(session)).isInstanceOf(QaException.class);

        as(data.user(Role.ORGANISER));
        moderation.pin(question.id());
        assertThat(qa.snapshot(session).questions().getFirst().pinned()).isTrue();
    }

    @Test
    void a_facilitator_can_enter_a_question_sent_in_by_phone() {
        as(facilitator);
        QuestionView entered = saved(moderation.askOnBehalf(session, "Will there be a recording?", "Pat, by phone"));

        assertThat(entered.onBehalfOf()).isEqualTo("Pat, by phone");
        assertThat(entered.authorName()).isNull();
        assertThat(qa.snapshot(session).questions()).extracting(QuestionView::onBehalfOf).containsExactly("Pat, by phone");
    }

    @Test
    void every_change_gets_the_next_sequence_number_on_its_stream_with_no_gaps() {
        as(facilitator);
        moderation.updateSettings(session, true, true, true);
        as(asker);
        QuestionView a = saved(qa.ask(session, "A", false));
        QuestionView b = saved(qa.ask(session, "B", false));
        as(facilitator);
        moderation.approve(a.id(), null);
        moderation.dismiss(b.id(), null);
        moderation.pin(a.id());

        List<Long> publicSeqs = db.select(QA_EVENT.SEQ).from(QA_EVENT)
                .where(QA_EVENT.SESSION_ID.eq(session), QA_EVENT.STREAM.eq(QaStream.PUBLIC)).orderBy(QA_EVENT.SEQ).fetch(QA_EVENT.SEQ);
        List<Long> moderationSeqs = db.select(QA_EVENT.SEQ).from(QA_EVENT)
                .where(QA_EVENT.SESSION_ID.eq(session), QA_EVENT.STREAM.eq(QaStream.MODERATION)).orderBy(QA_EVENT.SEQ).fetch(QA_EVENT.SEQ);
        // public: settings, A approved, settings... exactly the events the public may see, numbered 1..n
        assertThat(publicSeqs).containsExactly(1L, 2L, 3L);
        assertThat(moderationSeqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void committed_changes_reach_live_listeners_in_order_after_commit() {
        List<QaEvent> received = new CopyOnWriteArrayList<>();
        try (QaLiveUpdates.Registration ignored = live.subscribe(session, update -> received.addAll(update.publicEvents()))) {
            as(asker);
            QuestionView first = saved(qa.ask(session, "First live", false));
            QuestionView second = saved(qa.ask(session, "Second live", false));
            as(facilitator);
            moderation.markAnswered(first.id());

            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= 3);
            assertThat(received).extracting(QaEvent::type)
                    .containsExactly(QaEvent.CREATED, QaEvent.CREATED, QaEvent.UPDATED);
            assertThat(received).extracting(e -> e.question().id()).containsExactly(first.id(), second.id(), first.id());
            assertThat(received.get(2).question().state()).isEqualTo(QuestionState.ANSWERED);
            long firstSeq = received.getFirst().seq();
            assertThat(received).extracting(QaEvent::seq).containsExactly(firstSeq, firstSeq + 1, firstSeq + 2);
        }
    }

    @Test
    void a_burst_of_votes_becomes_a_few_coalesced_announcements_with_the_final_count() throws Exception {
        as(asker);
        QuestionView question = saved(qa.ask(session, "Popular question", false));
        List<QaEvent> received = new CopyOnWriteArrayList<>();
        try (QaLiveUpdates.Registration ignored = live.subscribe(session, update -> received.addAll(update.publicEvents()))) {
            for (int i = 0; i < 30; i++) {
                as(data.user());
                qa.vote(question.id(), true);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> received.stream()
                    .anyMatch(e -> QaEvent.VOTES.equals(e.type()) && e.votes().get(question.id()) == 30));
            long announcements = received.stream().filter(e -> QaEvent.VOTES.equals(e.type())).count();
            assertThat(announcements).isBetween(1L, 15L);
        }
    }

    @Test
    void a_question_or_reason_with_a_nul_or_control_character_is_refused_with_its_own_code() {
        as(asker);
        expectInvalid(qa.ask(session, "Why\u0000?", false), "INVALID_CHARACTER",
                "Your question contains a character that cannot be stored (a control character). Remove it and try again.");
        SaveResult.Invalid<QuestionView> half = QaResults.invalid(qa.ask(session, "Half \uD83D a smile", false));
        assertThat(half.code()).isEqualTo("INVALID_CHARACTER");
        assertThat(half.firstMessage()).contains("half of a character pair");
        QuestionView fine = saved(qa.ask(session, "Two lines\nare fine\tand tabs too", false));
        assertThat(fine.text()).isEqualTo("Two lines\nare fine\tand tabs too");

        as(facilitator);
        SaveResult.Invalid<Long> reason = QaResults.invalid(moderation.dismiss(fine.id(), "Off\u0007topic"));
        assertThat(reason.problems()).containsOnlyKeys(QaFields.REASON);
        SaveResult.Invalid<QuestionView> name = QaResults.invalid(moderation.askOnBehalf(session, "By phone", "Mrs\nPatel"));
        assertThat(name.problems()).containsOnlyKeys(QaFields.ON_BEHALF_OF);
    }
}
