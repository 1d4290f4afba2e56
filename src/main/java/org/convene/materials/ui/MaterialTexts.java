package org.convene.materials.ui;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.materials.Material;
import org.convene.materials.Publication;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A material's state and link in words, shared by the hosts' page and the session page. */
final class MaterialTexts {

    private MaterialTexts() {
    }

    /** For hosts: "Hidden: ...", "Published: ...", "Attendees can see it from ...". */
    static String publicationState(Material material, Instant now, ZoneId zone) {
        Instant at = material.publishAt();
        if (material.publication() == Publication.HIDDEN || at == null) {
            return "Hidden: only the session’s hosts and the organisers can see it.";
        }
        String rule = switch (material.publication()) {
            case DAY_BEFORE -> " (the day before the session)";
            case AFTER_SESSION -> " (after the session)";
            case NOW, HIDDEN -> "";
        };
        return material.publishedAt(now)
                ? "Published: attendees can see it on the session page" + rule + "."
                : "Attendees can see it from " + when(at, zone) + rule + ".";
    }

    /** "Monday 22 November 2032 at midnight (UK time)". */
    static String when(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        String time = local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? "midnight" : ZoneTexts.time(local);
        return DateTexts.day(local.toLocalDate()) + " at " + time + " (" + ZoneTexts.shortName(zone) + ")";
    }

    /** The address a page links to: a file on Convene (relative, as the pages' base is the app) or the web address. */
    static String href(Material material) {
        return material.isFile() ? material.href().substring(1) : material.href();
    }
}
