package org.convene.agenda.ui;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * A part of "My agenda" that belongs to a feature built on the agenda, such as notices that a session no longer
 * offers access someone needs. The page adds a new component from each bean after its own notices, each time it
 * is opened, so the agenda depends on none of those features.
 */
public interface AgendaPageSection {

    /** A new component for one visit to the signed-in person's agenda, or empty when there is nothing to show. */
    Optional<Component> create();
}
