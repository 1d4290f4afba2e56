package org.convene.qa.ui;

import com.vaadin.flow.dom.Element;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The item's shape, which every open page holds for every question: kept small where nobody can vote. */
class QuestionItemTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static QuestionView question(int votes) {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        return new QuestionView(7, 1, "Will the slides be shared?", "Asker", false, null, QuestionState.APPROVED,
                false, votes, at, at, null, null, List.of());
    }

    private static List<String> childClasses(Element element) {
        return element.getChildren().map(child -> child.getTag() + "." + String.join(".", child.getClassList())).toList();
    }

    @Test
    void for_someone_who_cannot_vote_the_item_is_its_words_and_its_count_only() {
        QuestionItem item = new QuestionItem();
        item.show(question(3), false, QuestionItem.Voting.NOT_SIGNED_IN, ZONE);

        assertThat(childClasses(item.getElement())).containsExactly("div.cv-question-body", "span.cv-vote-count");
        assertThat(item.voteCountText()).isEqualTo("3 votes");
    }

    @Test
    void a_vote_button_joins_the_count_in_one_row_and_the_count_keeps_updating() {
        QuestionItem item = new QuestionItem();
        item.show(question(3), false, QuestionItem.Voting.NOT_SIGNED_IN, ZONE);
        item.show(question(3), false, QuestionItem.Voting.CAN_VOTE, ZONE);

        assertThat(childClasses(item.getElement())).containsExactly("div.cv-question-body", "div.cv-vote-row");
        Element row = item.getElement().getChild(1);
        assertThat(childClasses(row)).containsExactly("vaadin-button.cv-vote", "span.cv-vote-count");
        item.show(question(4), true, QuestionItem.Voting.CAN_VOTE, ZONE);
        assertThat(item.voteCountText()).isEqualTo("4 votes");
        assertThat(row.getChild(1).getProperty("innerHTML")).isEqualTo("4 votes");
        assertThat(item.voteNoteText()).isEqualTo("You up-voted this.");
    }
}
