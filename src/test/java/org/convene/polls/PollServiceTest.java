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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.account.AccountFixtures.actAs;
import static org.convene.db.Tables.POLL_ANSWER;

@IntegrationTest
class PollServiceTest {

    @Autowired
    PollService polls;
    @Autowired
    PollLive live;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    long session;
    ConveneUser facilitator;

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long prepared(boolean multiple, boolean anonymous, String... options) {
        actAs(facilitator);
        SaveResult<Long> result = polls.prepare(session, new PollDraft("Was this clear?", List.of(options), multiple,
                anonymous));
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved<Long>) result).value();
    }

    private long opened(boolean multiple, boolean anonymous, String... options) {
        long id = prepared(multiple, anonymous, options);
        polls.open(id);
        return id;
    }

    private void answer(ConveneUser user, long pollId, Integer... choices) {
        actAs(user);
        assertThat(polls.answer(pollId, List.of(choices))).isInstanceOf(SaveResult.Saved.class);
    }

    private Poll poll(long pollId) {
        return polls.board(session).polls().stream().filter(p -> p.id() == pollId).findFirst().orElseThrow();
    }

    @Test
    void a_facilitator_prepares_opens_and_closes_a_poll() {
        long id = prepared(false, false, "Yes", "No", "  ");
        assertThat(poll(id).state()).isEqualTo(PollState.DRAFT);
        assertThat(poll(id).options()).extracting(PollOption::label).containsExactly("Yes", "No");
        polls.open(id);
        assertThat(poll(id).state()).isEqualTo(PollState.OPEN);
        polls.close(id);
        assertThat(poll(id).state()).isEqualTo(PollState.CLOSED);
        assertThatThrownBy(() -> polls.close(id)).isInstanceOf(PollException.class)
                .hasMessage("This poll is not open, so it cannot be closed.");
    }

    @Test
    void an_organiser_may_run_polls_of_any_session() {
        actAs(data.user(Role.ORGANISER));
        assertThat(polls.mayRun(session)).isTrue();
        assertThat(polls.prepare(session, new PollDraft("Ready?", List.of("Yes", "No"), false, false)))
                .isInstanceOf(SaveResult.Saved.class);
    }

    @Test
    void attendees_and_people_not_signed_in_may_not_prepare_open_or_close_polls() {
        long id = prepared(false, false, "Yes", "No");
        ConveneUser attendee = data.user();
        actAs(attendee);
        assertThat(polls.mayRun(session)).isFalse();
        assertThatThrownBy(() -> polls.prepare(session, new PollDraft("Mine?", List.of("A", "B"), false, false)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only the session's facilitators, its host and the organisers may run its polls.");
        assertThatThrownBy(() -> polls.open(id)).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> polls.open(id)).isInstanceOf(AccessDeniedException.class);
        actAs(facilitator);
        polls.open(id);
        actAs(attendee);
        assertThatThrownBy(() -> polls.close(id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> polls.report(session)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_poll_needs_a_question_and_two_different_answers() {
        actAs(facilitator);
        SaveResult<Long> result = polls.prepare(session, new PollDraft(" ", List.of("Yes", ""), false, false));
        assertThat(((SaveResult.Invalid<Long>) result).problems()).containsExactly(
                java.util.Map.entry(PollDraft.QUESTION, "Enter the question"),
                java.util.Map.entry(PollDraft.OPTIONS, "Enter at least 2 answers to choose from"));
        SaveResult<Long> same = polls.prepare(session, new PollDraft("Q", List.of("Yes", "yes"), false, false));
        assertThat(((SaveResult.Invalid<Long>) same).problems()).containsEntry(PollDraft.OPTIONS, "Each answer must be different");
        List<String> nine = new ArrayList<>();
        for (int i = 1; i <= PollLimits.OPTIONS_MAX + 1; i++) {
            nine.add("Answer " + i);
        }
        SaveResult<Long> tooMany = polls.prepare(session, new PollDraft("Q", nine, false, false));
        assertThat(((SaveResult.Invalid<Long>) tooMany).problems()).containsEntry(PollDraft.OPTIONS, "A poll can have at most 8 answers");
    }

    @Test
    void people_answer_only_open_polls_and_only_with_its_answers() {
        long id = prepared(false, false, "Yes", "No");
        ConveneUser attendee = data.user();
        actAs(attendee);
        assertThatThrownBy(() -> polls.answer(id, List.of(1))).isInstanceOf(PollException.class)
                .hasMessage("This poll is not open yet.");
        actAs(facilitator);
        polls.open(id);
        actAs(attendee);
        assertThat(((SaveResult.Invalid<?>) polls.answer(id, List.of(1, 2))).problems())
                .containsEntry(PollService.CHOICES, "Choose only one answer");
        assertThat(((SaveResult.Invalid<?>) polls.answer(id, List.of())).problems())
                .containsEntry(PollService.CHOICES, "Choose an answer, then press Submit");
        assertThat(((SaveResult.Invalid<?>) polls.answer(id, List.of(3))).problems())
                .containsEntry(PollService.CHOICES, "Choose from the answers shown");
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> polls.answer(id, List.of(1))).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Sign in to answer polls.");
        actAs(facilitator);
        polls.close(id);
        actAs(attendee);
        assertThatThrownBy(() -> polls.answer(id, List.of(1))).isInstanceOf(PollException.class)
                .hasMessage("This poll has closed, so answers are no longer taken.");
    }

    @Test
    void a_changed_answer_replaces_the_first_one() {
        long id = opened(false, false, "Yes", "No");
        ConveneUser attendee = data.user();
        answer(attendee, id, 1);
        answer(attendee, id, 2);
        Poll poll = poll(id);
        assertThat(poll.answered()).isEqualTo(1);
        assertThat(poll.options()).extracting(PollOption::count).containsExactly(0, 1);
        actAs(attendee);
        assertThat(polls.myAnswers(session)).containsEntry(id, Set.of(2));
    }

    @Test
    void two_answers_from_one_person_racing_on_two_connections_leave_one_answer() throws Exception {
        long id = opened(true, false, "Red", "Green", "Blue");
        ConveneUser attendee = data.user();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SaveResult<Set<Integer>>>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    List<Integer> choice = t == 0 ? List.of(1) : List.of(2, 3);
                    results.add(threads.submit(() -> {
                        actAs(attendee);
                        try {
                            start.await();
                            return polls.answer(id, choice);
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                    }));
                }
                start.countDown();
                for (Future<SaveResult<Set<Integer>>> result : results) {
                    assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(SaveResult.Saved.class);
                }
                assertThat(db.fetchCount(POLL_ANSWER, POLL_ANSWER.POLL_ID.eq(id))).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(poll(id).answered()).isEqualTo(1);
    }

    @Test
    void results_count_people_and_say_it_in_words() {
        long id = opened(false, false, "Yes", "No", "Not sure");
        answer(data.user(), id, 1);
        answer(data.user(), id, 1);
        answer(data.user(), id, 2);
        Poll poll = poll(id);
        assertThat(poll.answered()).isEqualTo(3);
        assertThat(poll.options()).extracting(poll::sentence).containsExactly(
                "2 of 3 chose Yes (67%)", "1 of 3 chose No (33%)", "0 of 3 chose Not sure (0%)");
        assertThat(poll.answeredInWords()).isEqualTo("3 people answered");
    }

    @Test
    void multiple_choice_counts_each_person_once_and_each_choice() {
        long id = opened(true, false, "Captions", "Slides", "Breaks");
        answer(data.user(), id, 1, 2);
        answer(data.user(), id, 1);
        Poll poll = poll(id);
        assertThat(poll.answered()).isEqualTo(2);
        assertThat(poll.options()).extracting(poll::sentence).containsExactly(
                "2 of 2 chose Captions (100%)", "1 of 2 chose Slides (50%)", "0 of 2 chose Breaks (0%)");
    }

    @Test
    void closing_an_anonymous_poll_forgets_who_answered_and_keeps_the_counts() {
        long id = opened(false, true, "Yes", "No");
        ConveneUser attendee = data.user();
        answer(attendee, id, 1);
        answer(data.user(), id, 2);
        actAs(facilitator);
        polls.close(id);
        assertThat(db.fetchCount(POLL_ANSWER, POLL_ANSWER.POLL_ID.eq(id).and(POLL_ANSWER.USER_ID.isNotNull())))
                .isZero();
        assertThat(poll(id).options()).extracting(PollOption::count).containsExactly(1, 1);
        actAs(attendee);
        assertThat(polls.myAnswers(session)).doesNotContainKey(id);
    }

    @Test
    void a_named_poll_keeps_who_answered_but_the_report_shows_only_counts() throws Exception {
        long id = opened(false, false, "Yes", "No");
        answer(data.user(), id, 1);
        actAs(facilitator);
        polls.close(id);
        java.io.StringWriter csv = new java.io.StringWriter();
        assertThat(polls.writeCsv(session, csv)).isEqualTo(2);
        assertThat(csv.toString()).startsWith("poll,question,state,anonymous,multiple_choice,answer,chosen_by,answered,percent,result\r\n")
                .contains(",Was this clear?,CLOSED,false,false,Yes,1,1,100,1 of 1 chose Yes (100%)\r\n");
    }

    @Test
    void every_open_page_on_a_node_hears_of_a_change_from_one_read() throws Exception {
        long id = opened(false, false, "Yes", "No");
        BlockingQueue<PollBoard> first = new ArrayBlockingQueue<>(10);
        BlockingQueue<PollBoard> second = new ArrayBlockingQueue<>(10);
        try (PollLive.Registration a = live.watch(session, first::add);
             PollLive.Registration b = live.watch(session, second::add)) {
            answer(data.user(), id, 2);
            // the notice of the opening may still be on its way: wait for the board with the answer
            PollBoard heard = until(first, board -> board.polls().getFirst().answered() == 1);
            assertThat(until(second, board -> board.polls().getFirst().answered() == 1)).isSameAs(heard);
        }
        assertThat(live.watched(session)).isFalse();
    }

    private static PollBoard until(BlockingQueue<PollBoard> heard, java.util.function.Predicate<PollBoard> wanted)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            PollBoard board = heard.poll(100, TimeUnit.MILLISECONDS);
            if (board != null && wanted.test(board)) {
                return board;
            }
        }
        throw new AssertionError("no such board was heard within 10 s");
    }
}
