package org.convene.organising;

import org.convene.programme.AccessFeature;

import java.util.Set;

/**
 * The session editor saved a session that no longer offers access features it offered before. Published in the
 * transaction of the save, so listeners (the access feature tells the people who need them) write in it too.
 */
public record AccessFeaturesWithdrawn(long sessionId, Set<AccessFeature> features) {

    public AccessFeaturesWithdrawn {
        features = Set.copyOf(features);
    }
}
