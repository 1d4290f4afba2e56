package org.convene.access;

import org.convene.programme.AccessFeature;

/** One access feature a session advertises and how far its host has got with it. */
public record Arrangement(AccessFeature feature, ArrangementState state) {

    /** As attendees read it: "British Sign Language (BSL) interpretation: booked." */
    public String sentence() {
        return feature.label() + ": " + state.inWords() + ".";
    }
}
