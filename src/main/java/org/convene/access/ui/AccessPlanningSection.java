package org.convene.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.access.AccessPlanningService;
import org.convene.organising.ui.SessionEditorSection;

import java.util.Optional;

/** The counts of needs and the arrangement states in the session editor of a saved session. */
@SpringComponent
class AccessPlanningSection implements SessionEditorSection {

    private final AccessPlanningService planning;

    AccessPlanningSection(AccessPlanningService planning) {
        this.planning = planning;
    }

    @Override
    public Optional<Component> create(long sessionId) {
        return Optional.of(new AccessPlanningPanel(planning, sessionId));
    }
}
