package org.convene.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.access.AccessPlanningService;
import org.convene.programme.ui.SessionViewSection;

import java.time.ZoneId;
import java.util.Optional;

/**
 * On the moderation page, for the session's facilitators and hosts: how many people with the session on their
 * agenda need each kind of access ("4 need live captions"), counts and never names, as in the session editor.
 * Read when the page opens: needs are recorded ahead, not during the session.
 */
@SpringComponent
class AccessModerationSection implements SessionViewSection {

    static final String ID = "moderation-access-needs";

    private final AccessPlanningService planning;

    AccessModerationSection(AccessPlanningService planning) {
        this.planning = planning;
    }

    @Override
    public View view() {
        return View.MODERATION;
    }

    /** After the live access help (what is going wrong now comes first), before the polls. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(long sessionId, ZoneId zone) {
        if (!planning.maySeeCounts(sessionId)) {
            return Optional.empty();
        }
        H2 heading = new H2(AccessPlanningPanel.COUNTS_HEADING);
        heading.setId(ID + "-heading");
        Div counts = AccessPlanningPanel.counts(heading, planning.counts(sessionId));
        Section part = new Section(counts);
        part.setId(ID);
        part.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        return Optional.of(part);
    }
}
