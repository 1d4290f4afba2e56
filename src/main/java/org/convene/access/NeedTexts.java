package org.convene.access;

import org.convene.programme.AccessFeature;

/** Plain words for access needs, one place for the account page, the counts and the messages. */
public final class NeedTexts {

    private NeedTexts() {
    }

    /** What a person ticks on their account page: "I need live captions". */
    public static String choice(AccessFeature feature) {
        return "I need " + what(feature);
    }

    /** "live captions", fitting after "need". */
    public static String what(AccessFeature feature) {
        return switch (feature) {
            case BSL_INTERPRETATION -> "British Sign Language (BSL) interpretation";
            case LIVE_CAPTIONS -> "live captions";
            case EASY_READ -> "easy read materials";
            case AUDIO_OR_PHONE -> "an audio-only or phone option";
            case BUILT_IN_BREAKS -> "breaks built in";
        };
    }

    /** A count as hosts read it: "1 needs live captions", "4 need live captions". */
    public static String count(AccessFeature feature, int people) {
        return people + (people == 1 ? " needs " : " need ") + what(feature);
    }
}
