package org.convene.access;

import org.convene.programme.AccessFeature;

import java.util.EnumSet;
import java.util.Set;

/**
 * The access needs a person recorded, from the same list sessions advertise. No free text: hosts see counts
 * only, and a person's own words could tell who they are in a small session.
 */
public record AccessNeeds(Set<AccessFeature> features) {

    public AccessNeeds {
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    public static AccessNeeds none() {
        return new AccessNeeds(Set.of());
    }

    public boolean isEmpty() {
        return features.isEmpty();
    }
}
