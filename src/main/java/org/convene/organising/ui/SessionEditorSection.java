package org.convene.organising.ui;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * A part of the session editor that belongs to a feature built on organising, such as the access needs counts
 * and arrangement states. The editor adds a new component from each bean under the people of a saved session,
 * and makes them again after each save (what the session offers may have changed), so organising depends on
 * none of those features.
 */
public interface SessionEditorSection {

    /** A new component for the editor of this saved session, or empty when there is nothing to show. */
    Optional<Component> create(long sessionId);
}
