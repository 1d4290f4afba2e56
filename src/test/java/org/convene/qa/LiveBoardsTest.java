package org.convene.qa;

import static org.convene.qa.QaResults.saved;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shared board against the real database and fan-out: built once per change, the same for every watcher. */
@IntegrationTest
class LiveBoardsTest {

    @Autowired
    LiveBoards boards;
    @Autowired
    QaService qa;
    @Autowired
    QaModerationService moderation;
    @Autowired
    TestData data;

    long session;
    ConveneUser asker;
    ConveneUser facilitator;
    final List<QaLiveUpdates.Registration> registrations = new ArrayList<>();

    @BeforeEach
    void setUp() {
        session = data.liveSession();
        asker = data.user();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }

    @AfterEach
    void tearDown() {
        registrations.forEach(QaLiveUpdates.Registration::close);
        SecurityContextHolder.clearContext();
    }

    private static void as(ConveneUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
    }

    private AtomicReference<LiveBoard> watch() {
        AtomicReference<LiveBoard> seen = new AtomicReference<>();
        registrations.add(boards.watch(session, seen::set));
        return seen;
    }

    private static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(assertion::run);
    }

    @Test
    void every_watcher_gets_the_very_same_board_built_once_per_change() {
        List<AtomicReference<LiveBoard>> pages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pages.add(watch());
        }
        as(asker);
        QuestionView asked = saved(qa.ask(session, "Shared by everyone?", false));

        eventually(() -> assertThat(pages.getFirst().get()).isNotNull()
                .satisfies(b -> assertThat(b.publicQuestions()).extracting(QuestionView::id).contains(asked.id())));
        LiveBoard first = pages.getFirst().get();
        assertThat(pages).allSatisfy(page -> assertThat(page.get()).isSameAs(first));
    }

    @Test
    void a_burst_of_changes_arrives_whole_and_in_order_and_matches_a_fresh_read() {
        AtomicReference<LiveBoard> page = watch();
        for (int i = 0; i < 20; i++) {
            as(data.user());
            saved(qa.ask(session, "Burst question " + i, false));
        }
        as(facilitator);
        QuestionView first = boards.read(session).publicQuestions().getFirst();
        moderation.markAnswered(first.id());

        LiveBoard fresh = boards.read(session);
        eventually(() -> assertThat(page.get()).isNotNull()
                .satisfies(b -> assertThat(b.moderationSeq()).isEqualTo(fresh.moderationSeq())));
        assertThat(page.get().publicQuestions()).isEqualTo(fresh.publicQuestions());
        assertThat(page.get().publicQuestions()).filteredOn(q -> q.id() == first.id()).singleElement()
                .extracting(QuestionView::state).isEqualTo(QuestionState.ANSWERED);
    }

    @Test
    void a_pending_question_reaches_only_its_author_and_an_anonymous_one_never_names_them() {
        AtomicReference<LiveBoard> page = watch();
        as(facilitator);
        moderation.updateSettings(session, true, true, true);
        as(asker);
        QuestionView pending = saved(qa.ask(session, "Checked first?", true));

        eventually(() -> assertThat(page.get()).isNotNull()
                .satisfies(b -> assertThat(b.mine(asker.id())).extracting(QuestionView::id).containsExactly(pending.id())));
        assertThat(page.get().publicQuestions()).isEmpty();
        assertThat(page.get().mine(facilitator.id())).isEmpty();
        assertThat(page.get().settings().preModeration()).isTrue();

        as(facilitator);
        moderation.approve(pending.id(), null);
        eventually(() -> assertThat(page.get().publicQuestions()).singleElement()
                .satisfies(q -> assertThat(q.authorName()).isNull()));
    }

    @Test
    void votes_reach_the_board_as_counts() {
        as(asker);
        QuestionView question = saved(qa.ask(session, "Vote for me", false));
        AtomicReference<LiveBoard> page = watch();
        for (int i = 0; i < 5; i++) {
            as(data.user());
            qa.vote(question.id(), true);
        }
        eventually(() -> assertThat(page.get()).isNotNull()
                .satisfies(b -> assertThat(b.publicQuestions()).singleElement().extracting(QuestionView::votes).isEqualTo(5)));
    }

    @Test
    void when_the_last_watcher_leaves_and_another_comes_the_board_is_current_again() {
        QaLiveUpdates.Registration first = boards.watch(session, b -> { });
        first.close();
        as(asker);
        saved(qa.ask(session, "Asked while nobody watched", false));

        AtomicReference<LiveBoard> page = watch();
        saved(qa.ask(session, "Asked while watched", false));

        eventually(() -> assertThat(page.get()).isNotNull()
                .satisfies(b -> assertThat(b.publicQuestions()).extracting(QuestionView::text)
                        .containsExactly("Asked while nobody watched", "Asked while watched")));
    }
}
