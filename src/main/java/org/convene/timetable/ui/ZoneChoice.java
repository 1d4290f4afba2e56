package org.convene.timetable.ui;

import org.jspecify.annotations.Nullable;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The tz URL parameter of programme pages: absent for the conference's zone, "local" for the reader's
 * browser zone (so a shared link shows each reader their own), or an explicit zone id such as
 * "Pacific/Auckland". Anything unreadable falls back to the conference's zone.
 */
record ZoneChoice(Kind kind, @Nullable ZoneId explicitZone) {

    static final String PARAMETER = "tz";
    static final String LOCAL = "local";

    enum Kind { CONFERENCE, LOCAL, EXPLICIT }

    static final ZoneChoice CONFERENCE = new ZoneChoice(Kind.CONFERENCE, null);
    static final ZoneChoice BROWSER = new ZoneChoice(Kind.LOCAL, null);

    static ZoneChoice parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return CONFERENCE;
        }
        if (value.equalsIgnoreCase(LOCAL)) {
            return BROWSER;
        }
        return zoneId(value).map(zone -> new ZoneChoice(Kind.EXPLICIT, zone)).orElse(CONFERENCE);
    }

    static Optional<ZoneId> zoneId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The URL value, or null when the parameter should be left out. */
    @Nullable String parameterValue() {
        return switch (kind) {
            case CONFERENCE -> null;
            case LOCAL -> LOCAL;
            case EXPLICIT -> Objects.requireNonNull(explicitZone, "an explicit choice names its zone").getId();
        };
    }

    boolean isConferenceZone() {
        return kind == Kind.CONFERENCE;
    }
}
