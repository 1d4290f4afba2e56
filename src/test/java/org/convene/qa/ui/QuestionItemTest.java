package org.convene.qa.ui;

import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an item tells the browser: everything the first time, then only what differs, and nothing when nothing does. */
class QuestionItemTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final QuestionItem.Html HTML = QuestionItem::bodyHtml;

    private static QuestionView question(int votes) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        return new QuestionView(7, 1, "Will the slides be shared?", "Asker", false, null, QuestionState.APPROVED,
                false, votes, at, at, null, null, List.of());
    }

    private static List<String> fields(ObjectNode change) {
        return change.propertyNames().stream().toList();
    }

    @Test
    void for_someone_who_cannot_vote_the_item_is_its_words_and_its_count_with_no_toggle() {
        QuestionItem item = new QuestionItem();

        ObjectNode first = item.show(question(3), false, QuestionItem.Voting.NOT_SIGNED_IN, ZONE, false, HTML);

        assertThat(first).isNotNull();
        assertThat(fields(first)).containsExactlyInAnyOrder("id", "justAsked", "html", "count", "note");
        assertThat(first.get("count").asString()).isEqualTo("3 votes");
        assertThat(item.voteButtonShown()).isFalse();
    }

    @Test
    void an_unchanged_question_sends_nothing_and_a_new_count_sends_the_count_alone() {
        QuestionItem item = new QuestionItem();
        item.show(question(3), false, QuestionItem.Voting.NOT_SIGNED_IN, ZONE, false, HTML);

        assertThat(item.show(question(3), false, QuestionItem.Voting.NOT_SIGNED_IN, ZONE, false, HTML)).isNull();
        ObjectNode change = item.show(question(4), false, QuestionItem.Voting.NOT_SIGNED_IN, ZONE, false, HTML);

        assertThat(change).isNotNull();
        assertThat(fields(change)).containsExactly("id", "count");
        assertThat(change.get("count").asString()).isEqualTo("4 votes");
    }

    @Test
    void a_person_who_may_vote_gets_the_toggle_with_its_state_and_a_label_that_follows_the_count() {
        QuestionItem item = new QuestionItem();
        item.show(question(3), false, QuestionItem.Voting.NOT_SIGNED_IN, ZONE, false, HTML);

        ObjectNode signedIn = item.show(question(3), false, QuestionItem.Voting.CAN_VOTE, ZONE, false, HTML);
        assertThat(signedIn).isNotNull();
        assertThat(signedIn.get("vote").get("show").asBoolean()).isTrue();
        assertThat(signedIn.get("vote").get("pressed").asBoolean()).isFalse();
        assertThat(item.voteLabel()).isEqualTo("Up-vote: Will the slides be shared?, 3 votes");

        ObjectNode voted = item.show(question(4), true, QuestionItem.Voting.CAN_VOTE, ZONE, false, HTML);
        assertThat(voted).isNotNull();
        assertThat(fields(voted)).containsExactlyInAnyOrder("id", "count", "note", "vote");
        assertThat(item.votePressed()).isEqualTo("true");
        assertThat(item.voteLabel()).isEqualTo("Up-vote: Will the slides be shared?, 4 votes");
        assertThat(item.voteNoteText()).isEqualTo("You up-voted this.");
    }

    @Test
    void the_whole_item_can_be_sent_again_from_what_was_sent() {
        QuestionItem item = new QuestionItem();
        item.show(question(2), true, QuestionItem.Voting.CAN_VOTE, ZONE, true, HTML);

        ObjectNode whole = item.whole();

        assertThat(whole.get("id").asLong()).isEqualTo(7);
        assertThat(whole.get("justAsked").asBoolean()).isTrue();
        assertThat(whole.get("html").asString()).isEqualTo(item.bodyHtml()).contains("Just asked");
        assertThat(whole.get("count").asString()).isEqualTo("2 votes");
        assertThat(whole.get("vote").get("pressed").asBoolean()).isTrue();
    }
}
