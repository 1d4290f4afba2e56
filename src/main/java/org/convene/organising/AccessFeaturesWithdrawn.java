package org.convene.organising;

import org.convene.programme.AccessFeature;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A session no longer offers access features it offered before: the session editor saved it so, or a CSV import
 * updated it so. Published in the transaction of the write, so listeners (the access feature tells the people
 * who need them) write in it too.
 */
public record AccessFeaturesWithdrawn(long sessionId, Set<AccessFeature> features) {

    public AccessFeaturesWithdrawn {
        features = Set.copyOf(features);
    }

    /**
     * The withdrawal a write makes, or empty when it takes nothing away: what was offered before and is not after.
     * One rule for every writer, so the editor and the imports count a withdrawal the same way.
     */
    public static Optional<AccessFeaturesWithdrawn> between(long sessionId, Set<AccessFeature> before,
                                                            Set<AccessFeature> after) {
        Set<AccessFeature> withdrawn = EnumSet.noneOf(AccessFeature.class);
        before.stream().filter(feature -> !after.contains(feature)).forEach(withdrawn::add);
        return withdrawn.isEmpty() ? Optional.empty() : Optional.of(new AccessFeaturesWithdrawn(sessionId, withdrawn));
    }
}
