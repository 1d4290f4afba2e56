package org.convene.qa.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.convene.qa.QuestionView;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One of the moderation page's lists of questions, under a heading that counts them. Items are kept by question
 * (see {@link KeyedList}), so an update does not move the focus of someone working through the list.
 * <p>
 * A list shows its first {@link #PAGE_SIZE} questions and "Show more" adds as many again: every question shown
 * holds about 30 KB of the server's memory for as long as the page is open (docs/benchmarks.md, the soak), and a
 * facilitator working by keyboard or screen reader moves through a list of fifty more easily than one of hundreds.
 */
final class ModerationSection extends Section {

    /** How many questions a list shows at first, and how many more "Show more" adds. */
    static final int PAGE_SIZE = 50;

    private final H2 heading = new H2();
    private final String title;
    private final OrderedList list = new OrderedList();
    private final Paragraph empty;
    private final Paragraph showing = new Paragraph();
    private final Button showMore = new Button();
    private final KeyedList<QuestionView, ModerationItem> items;
    private List<QuestionView> all = List.of();
    private int limit = PAGE_SIZE;
    /** The question "Show more" last moved focus to, for tests (the browser does the moving); 0 for none. */
    private long focused;

    /** @param intro how the list is ordered, or null */
    ModerationSection(String id, String title, @Nullable String intro, String emptyText, Supplier<ModerationItem> newItem,
                      BiConsumer<ModerationItem, QuestionView> updateItem) {
        this.title = title;
        this.empty = new Paragraph(emptyText);
        this.items = new KeyedList<>(list, QuestionView::id, q -> newItem.get(), updateItem);
        heading.setId(id);
        heading.getElement().setAttribute("tabindex", "-1");
        list.addClassName("cv-mod-list");
        empty.addClassName("cv-muted");
        showing.addClassName("cv-muted");
        showMore.addClickListener(e -> showMore());
        add(heading);
        if (intro != null) {
            add(new Paragraph(intro));
        }
        // how many are shown comes before the list, as on the session page, so a screen reader hears it first
        add(showing, list, empty, showMore);
    }

    void show(List<QuestionView> questions) {
        all = questions;
        List<QuestionView> shown = questions.size() <= limit ? questions : questions.subList(0, limit);
        heading.setText(title + " (" + questions.size() + ")");
        items.show(shown);
        list.setVisible(!questions.isEmpty());
        empty.setVisible(questions.isEmpty());
        int hidden = questions.size() - shown.size();
        showing.setVisible(hidden > 0);
        showing.setText("Showing the first " + shown.size() + " of " + questions.size() + ".");
        int step = Math.min(PAGE_SIZE, hidden);
        showMore.setVisible(hidden > 0);
        showMore.setText(QuestionTexts.showMore(step));
    }

    private void showMore() {
        int firstNew = Math.min(limit, all.size());
        limit += PAGE_SIZE;
        show(all);
        // keyboard and screen reader users carry on where the new questions start
        if (firstNew < all.size()) {
            long id = all.get(firstNew).id();
            ModerationItem item = items.shown(id);
            if (item != null) {
                item.firstAction().ifPresent(Button::focus);
                focused = id;
            }
        }
    }

    /** For tests: the question "Show more" last moved focus to; 0 for none. */
    long focusedAfterShowMore() {
        return focused;
    }

    OrderedList list() {
        return list;
    }

    /** Where the focus goes when the last question leaves the list. */
    void focusHeading() {
        heading.getElement().callJsFunction("focus");
    }
}
