package org.convene.accesshelp.ui;

import org.convene.accesshelp.HelpKind;
import org.convene.accesshelp.HelpSummary;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the moderation page says aloud when access help changes: only what went up (a count dropping out of the
 * window is not news), as one sentence.
 */
final class HelpChanges {

    private HelpChanges() {
    }

    static Optional<String> announcement(@Nullable HelpSummary before, HelpSummary after) {
        List<String> parts = new ArrayList<>();
        for (HelpKind kind : HelpKind.values()) {
            int was = before == null ? 0 : before.count(kind);
            int now = after.count(kind);
            if (now > was) {
                parts.add(kind.label() + " (" + now + " in the last " + HelpTexts.windowMinutes() + ")");
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Access help: " + String.join(", ", parts) + ".");
    }
}
