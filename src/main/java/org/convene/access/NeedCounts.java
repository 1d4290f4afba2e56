package org.convene.access;

import org.convene.programme.AccessFeature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many people with a session on their agenda recorded each access need: counts, never names. A count stays
 * shown however small: it says how many, not who.
 *
 * @param onAgenda how many people have the session on their agenda
 * @param withNeeds how many of them recorded at least one need
 */
public record NeedCounts(long sessionId, int onAgenda, int withNeeds, Map<AccessFeature, Integer> perFeature) {

    public NeedCounts {
        EnumMap<AccessFeature, Integer> copy = new EnumMap<>(AccessFeature.class);
        perFeature.forEach((feature, count) -> {
            if (count > 0) {
                copy.put(feature, count);
            }
        });
        perFeature = Collections.unmodifiableMap(copy);
    }

    public int count(AccessFeature feature) {
        return perFeature.getOrDefault(feature, 0);
    }

    /** "4 need live captions", one line per need somebody has, in the list's order; empty when nobody has. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        perFeature.forEach((feature, count) -> lines.add(NeedTexts.count(feature, count)));
        return lines;
    }

    /** The sentence before the list of lines: who is counted, or that there is nothing to count. */
    public String lead() {
        if (onAgenda == 0 || perFeature.isEmpty()) {
            return summary();
        }
        return (onAgenda == 1 ? "1 person has" : onAgenda + " people have") + " this session on their agenda. "
                + "What they need:";
    }

    /** The whole picture in one sentence, as a host reads it first. */
    public String summary() {
        String people = onAgenda == 1 ? "1 person has" : onAgenda + " people have";
        if (onAgenda == 0) {
            return "Nobody has this session on their agenda yet.";
        }
        if (perFeature.isEmpty()) {
            return people + " this session on their agenda. None of them has recorded an access need.";
        }
        return people + " this session on their agenda: " + String.join(", ", lines()) + ".";
    }
}
