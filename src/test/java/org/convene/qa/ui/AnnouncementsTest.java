package org.convene.qa.ui;

import org.convene.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnnouncementsTest {

    private final TestClock clock = new TestClock();
    private final Announcements announcements = new Announcements(clock);

    private static Announcements.Item item(Announcements.Kind kind, String sentence) {
        return new Announcements.Item(kind, sentence);
    }

    @Test
    void a_single_change_is_said_in_full_at_once() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(announcements.offer(List.of(item(Announcements.Kind.NEW_QUESTION, "New question: Why?"))))
                .hasValue("New question: Why?");
    }

    @Test
    void changes_within_the_quiet_window_wait_and_are_then_said_as_one_summary() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        announcements.offer(List.of(item(Announcements.Kind.NEW_QUESTION, "New question: one")));

        clock.advance(Duration.ofSeconds(2));
        assertThat(announcements.offer(List.of(item(Announcements.Kind.NEW_QUESTION, "New question: two")))).isEmpty();
        assertThat(announcements.offer(List.of(item(Announcements.Kind.NEW_QUESTION, "New question: three"),
                item(Announcements.Kind.REPLY, "Sam replied to “one”: yes"),
                item(Announcements.Kind.MINE, "Your question was approved. Everyone can see it now.")))).isEmpty();
        assertThat(announcements.hasHeld()).isTrue();
        assertThat(announcements.untilNextAllowed()).isEqualTo(Duration.ofSeconds(8));

        clock.advance(Duration.ofSeconds(8));
        assertThat(announcements.flush()).hasValue(
                "Your question was approved. Everyone can see it now. Sam replied to “one”: yes. 2 new questions.");
        assertThat(announcements.hasHeld()).isFalse();
        assertThat(announcements.flush()).isEmpty();
    }

    @Test
    void new_questions_the_page_does_not_show_are_counted_with_what_to_do_to_see_them() {
        Announcements.Item shown = item(Announcements.Kind.NEW_QUESTION, "New question: one");
        Announcements.Item hidden = new Announcements.Item(Announcements.Kind.NEW_NOT_SHOWN,
                "New question: two (not in the list shown: sort by newest to see it)", "sort by newest");

        assertThat(Announcements.summarise(List.of(shown, hidden, hidden)))
                .isEqualTo("3 new questions; 2 are not in the list shown: sort by newest to see them.");
        assertThat(Announcements.summarise(List.of(shown, hidden)))
                .isEqualTo("2 new questions; 1 is not in the list shown: sort by newest to see it.");
        assertThat(Announcements.summarise(List.of(hidden)))
                .isEqualTo("New question: two (not in the list shown: sort by newest to see it)");
        assertThat(Announcements.summarise(List.of(hidden, item(Announcements.Kind.ANSWERED, "Answered: one"))))
                .isEqualTo("New question: two (not in the list shown: sort by newest to see it). Answered: one.");
    }

    @Test
    void nothing_to_say_says_nothing() {
        assertThat(announcements.offer(List.of())).isEmpty();
        assertThat(announcements.untilNextAllowed()).isZero();
    }
}
