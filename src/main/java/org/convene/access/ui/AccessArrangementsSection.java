package org.convene.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.access.AccessPlanningService;
import org.convene.access.Arrangement;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.SessionPageSection;

import java.util.List;
import java.util.Optional;

/**
 * On the session page: what is booked or confirmed ("Live captions: confirmed."), for everyone; and for the
 * session's hosts and facilitators only, how many people with it on their agenda need each kind of access.
 */
@SpringComponent
class AccessArrangementsSection implements SessionPageSection {

    private final AccessPlanningService planning;

    AccessArrangementsSection(AccessPlanningService planning) {
        this.planning = planning;
    }

    @Override
    public Place place() {
        return Place.AFTER_PLANNING;
    }

    @Override
    public Optional<Component> create(SessionDetail session) {
        if (session.cancelled()) {
            return Optional.empty();
        }
        Div part = new Div();
        part.setId("access-arrangements");
        part.addClassName("cv-access-arrangements");
        List<Arrangement> arranged = planning.forAttendees(session);
        if (!arranged.isEmpty()) {
            UnorderedList list = new UnorderedList();
            arranged.forEach(a -> list.add(new ListItem(a.sentence())));
            part.add(new H2("Access arranged"), list);
        }
        if (planning.maySeeCounts(session.id())) {
            part.add(AccessPlanningPanel.counts(new H2(AccessPlanningPanel.COUNTS_HEADING),
                    planning.counts(session.id())));
        }
        return part.getComponentCount() == 0 ? Optional.empty() : Optional.of(part);
    }
}
