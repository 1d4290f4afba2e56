package org.convene.qa.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.convene.qa.MyQuestion;
import org.convene.qa.QaBoard;
import org.convene.qa.QuestionView;
import org.convene.qa.ReplyView;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** "Your questions": the reader's own questions in every state, newest first, with their replies. */
final class MyQuestionsList extends Div {

    private final UnorderedList list = new UnorderedList();
    /** What the list shows now, to leave it alone when an update does not change it. */
    private List<QuestionView> shown = List.of();
    private @Nullable ZoneId shownZone;
    /** Whether the list is visible, kept here: asking the element costs every page on every push. */
    private boolean showing;

    MyQuestionsList() {
        addClassName("cv-qa-mine");
        list.addClassName("cv-my-questions");
        add(new H3("Your questions"), list);
        setVisible(false);
    }

    void show(QaBoard board, ZoneId zone) {
        if (board.mine().isEmpty() && !showing) {
            // most readers in a plenary have asked nothing: the push that brings them the others' questions
            // should not also visit this list's elements
            return;
        }
        List<QuestionView> mine = board.mine().stream().map(MyQuestion::question)
                .sorted(Comparator.comparing(QuestionView::askedAt).reversed()).toList();
        boolean visible = board.signedIn() && !mine.isEmpty();
        if (visible != showing) {
            showing = visible;
            setVisible(visible);
        }
        if (mine.equals(shown) && zone.equals(shownZone)) {
            return;
        }
        shown = mine;
        shownZone = zone;
        list.removeAll();
        for (QuestionView q : mine) {
            list.add(item(q, zone));
        }
    }

    private static ListItem item(QuestionView q, ZoneId zone) {
        ListItem item = new ListItem();
        item.addClassName("cv-my-question");
        Paragraph text = new Paragraph(q.text());
        text.addClassName("cv-question-text");
        Paragraph status = new Paragraph(QuestionTexts.myStatus(q));
        status.addClassNames("cv-my-status", "cv-my-status-" + q.state().name().toLowerCase());
        Paragraph meta = new Paragraph((q.anonymous() ? "Asked anonymously, " : "Asked with your name, ")
                + QuestionTexts.askedAt(q.askedAt(), zone));
        meta.addClassName("cv-question-meta");
        item.add(text, status, meta);
        if (q.pinned()) {
            Span onStage = new Span("On stage");
            onStage.addClassNames("cv-badge", "cv-badge-stage");
            item.add(onStage);
        }
        if (!q.replies().isEmpty()) {
            UnorderedList replies = new UnorderedList();
            replies.addClassName("cv-replies");
            for (ReplyView reply : q.replies()) {
                replies.add(new ListItem("Reply from " + reply.authorName() + ": " + reply.text()));
            }
            item.add(replies);
        }
        return item;
    }

    /** "question text: status" for each question shown, newest first; empty while hidden. */
    List<String> texts() {
        if (!isVisible()) {
            return List.of();
        }
        return list.getChildren().map(li -> li.getChildren().map(c -> c.getElement().getText()).limit(2)
                .collect(Collectors.joining(": "))).toList();
    }
}
