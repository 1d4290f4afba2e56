package org.convene.qa.ui;

import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page showing a question holds the same copy of its HTML, not one of its own. */
class QuestionHtmlTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    private static QuestionView question(long id, int votes) {
        return new QuestionView(id, 1, "Will the slides be shared?", "Asker", false, null, QuestionState.APPROVED,
                false, votes, AT, AT, null, null, List.of());
    }

    @Test
    void two_pages_showing_the_same_question_share_one_copy_of_its_html() {
        QuestionHtml html = new QuestionHtml();
        QuestionItem onOnePage = new QuestionItem();
        QuestionItem onAnother = new QuestionItem();

        onOnePage.show(question(7, 3), false, QuestionItem.Voting.NOT_SIGNED_IN, LONDON, false, html::of);
        onAnother.show(question(7, 3), false, QuestionItem.Voting.NOT_SIGNED_IN, LONDON, false, html::of);

        assertThat(onOnePage.bodyHtml()).isSameAs(onAnother.bodyHtml())
                .isEqualTo(QuestionItem.bodyHtml(question(7, 3), LONDON, false));
    }

    @Test
    void a_new_vote_count_needs_no_new_html() {
        QuestionHtml html = new QuestionHtml();

        String before = html.of(question(7, 3), LONDON, false);
        String after = html.of(question(7, 4), LONDON, false);

        assertThat(after).isSameAs(before);
        assertThat(html.size()).isEqualTo(1);
    }

    @Test
    void the_time_zone_and_just_asked_give_their_own_html() {
        QuestionHtml html = new QuestionHtml();

        String london = html.of(question(7, 0), LONDON, false);
        String newYork = html.of(question(7, 0), ZoneId.of("America/New_York"), false);
        String justAsked = html.of(question(7, 0), LONDON, true);

        assertThat(london).isNotEqualTo(newYork).isNotEqualTo(justAsked);
        assertThat(justAsked).contains("Just asked");
        assertThat(html.size()).isEqualTo(3);
    }

    @Test
    void the_cache_starts_again_when_it_holds_as_many_as_it_may() {
        QuestionHtml html = new QuestionHtml();
        for (int id = 0; id < QuestionHtml.MOST_KEPT; id++) {
            html.of(question(id, 0), LONDON, false);
        }
        assertThat(html.size()).isEqualTo(QuestionHtml.MOST_KEPT);

        html.of(question(-1, 0), LONDON, false);

        assertThat(html.size()).isEqualTo(1);
    }
}
