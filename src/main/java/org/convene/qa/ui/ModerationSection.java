package org.convene.qa.ui;

import org.jspecify.annotations.Nullable;
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
 */
final class ModerationSection extends Section {

    private final H2 heading = new H2();
    private final String title;
    private final OrderedList list = new OrderedList();
    private final Paragraph empty;
    private final KeyedList<QuestionView, ModerationItem> items;

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
        add(heading);
        if (intro != null) {
            add(new Paragraph(intro));
        }
        add(list, empty);
    }

    void show(List<QuestionView> questions) {
        heading.setText(title + " (" + questions.size() + ")");
        items.show(questions);
        list.setVisible(!questions.isEmpty());
        empty.setVisible(questions.isEmpty());
    }

    OrderedList list() {
        return list;
    }

    /** Where the focus goes when the last question leaves the list. */
    void focusHeading() {
        heading.getElement().callJsFunction("focus");
    }
}
