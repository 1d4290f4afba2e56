package org.convene.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.access.AccessNotice;
import org.convene.access.AccessPlanningService;
import org.convene.agenda.ui.AgendaPageSection;
import org.convene.programme.ui.ConferenceLinks;

import java.util.List;
import java.util.Optional;

/**
 * "Changes to access" on My agenda: a session on it no longer offers, or no longer confirms, something the
 * person needs. Each stays until dismissed (or the session is over).
 */
@SpringComponent
class AccessNoticesSection implements AgendaPageSection {

    private final AccessPlanningService planning;

    AccessNoticesSection(AccessPlanningService planning) {
        this.planning = planning;
    }

    @Override
    public Optional<Component> create() {
        List<AccessNotice> notices = planning.myNotices();
        return notices.isEmpty() ? Optional.empty() : Optional.of(new Notices(planning, notices));
    }

    static final class Notices extends Section {

        private final AccessPlanningService planning;
        private final H2 title = new H2("Changes to access");
        private final UnorderedList list = new UnorderedList();
        /** Present from the start so that screen readers announce a dismissal. */
        private final Div status = new Div();

        Notices(AccessPlanningService planning, List<AccessNotice> notices) {
            this.planning = planning;
            setId("access-notices");
            addClassName("cv-agenda-notices");
            title.getElement().setAttribute("tabindex", "-1");
            status.getElement().setAttribute("role", "status");
            list.addClassName("cv-agenda-notice-list");
            notices.forEach(notice -> list.add(item(notice)));
            add(title, status, list);
        }

        private ListItem item(AccessNotice notice) {
            Anchor session = new Anchor(ConferenceLinks.session(notice.sessionId()), notice.title());
            session.getElement().setAttribute("router-link", "");
            Paragraph what = new Paragraph(notice.sentence());
            what.addClassName("cv-agenda-notice-text");
            ListItem item = new ListItem(session, what);
            Button dismiss = new Button("Dismiss", e -> {
                planning.dismiss(notice.withdrawalId());
                list.remove(item);
                list.setVisible(list.getComponentCount() > 0);
                status.setText("Dismissed the notice about access for \u201c" + notice.title() + "\u201d."
                        + (list.isVisible() ? "" : " There are no other changes to access."));
                // the button is gone: keep keyboard focus nearby rather than at the top of the page
                title.getElement().executeJs("this.focus()");
            });
            dismiss.getElement().setAttribute("aria-label",
                    "Dismiss the notice about access for \u201c" + notice.title() + "\u201d");
            item.add(dismiss);
            item.addClassName("cv-agenda-notice");
            return item;
        }
    }
}
