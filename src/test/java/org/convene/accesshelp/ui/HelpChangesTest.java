package org.convene.accesshelp.ui;

import org.convene.accesshelp.HelpKind;
import org.convene.accesshelp.HelpSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HelpChangesTest {

    private static HelpSummary summary(Map<HelpKind, Integer> counts) {
        return new HelpSummary(1, counts, List.of(), Instant.EPOCH);
    }

    @Test
    void what_went_up_is_said_in_one_sentence() {
        assertThat(HelpChanges.announcement(summary(Map.of(HelpKind.TOO_FAST, 1)),
                summary(Map.of(HelpKind.TOO_FAST, 2, HelpKind.CANNOT_HEAR, 1))))
                .hasValue("Access help: I cannot hear (1 in the last 5 minutes), Too fast (2 in the last 5 minutes).");
    }

    @Test
    void counts_that_fall_out_of_the_window_are_not_news() {
        assertThat(HelpChanges.announcement(summary(Map.of(HelpKind.TOO_FAST, 2)), summary(Map.of(HelpKind.TOO_FAST, 1))))
                .isEmpty();
        assertThat(HelpChanges.announcement(null, summary(Map.of()))).isEmpty();
    }
}
