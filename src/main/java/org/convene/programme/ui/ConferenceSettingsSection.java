package org.convene.programme.ui;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * A part of a conference's settings page (organisers only) that belongs to a feature built on the programme, such
 * as the attendance rule and certificates. The page adds a new component from each bean after the conference's
 * details, in {@link #order()}, so the organising feature depends on none of them. The section's own service
 * checks who may change what it offers.
 */
public interface ConferenceSettingsSection {

    /** Lower comes first among the contributed sections. */
    default int order() {
        return 0;
    }

    /** A new component for the settings page of this conference, or empty when there is nothing to show. */
    Optional<Component> create(long conferenceId);
}
