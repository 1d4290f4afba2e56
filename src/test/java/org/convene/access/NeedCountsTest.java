package org.convene.access;

import org.convene.programme.AccessFeature;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NeedCountsTest {

    @Test
    void one_line_per_need_somebody_has_in_the_lists_order_with_singular_and_plural() {
        NeedCounts counts = new NeedCounts(7, 9, 6, Map.of(AccessFeature.EASY_READ, 2,
                AccessFeature.LIVE_CAPTIONS, 4, AccessFeature.BSL_INTERPRETATION, 1, AccessFeature.AUDIO_OR_PHONE, 0));

        assertThat(counts.lines()).containsExactly("1 needs British Sign Language (BSL) interpretation",
                "4 need live captions", "2 need easy read materials");
        assertThat(counts.summary()).startsWith("9 people have this session on their agenda: 1 needs");
        assertThat(counts.lead()).isEqualTo("9 people have this session on their agenda. What they need:");
    }

    @Test
    void small_counts_still_show() {
        NeedCounts counts = new NeedCounts(7, 1, 1, Map.of(AccessFeature.BUILT_IN_BREAKS, 1));

        assertThat(counts.summary()).isEqualTo("1 person has this session on their agenda: 1 needs breaks built in.");
    }

    @Test
    void nobody_on_the_agenda_or_nobody_with_needs_is_said_in_words() {
        assertThat(new NeedCounts(7, 0, 0, Map.of()).summary())
                .isEqualTo("Nobody has this session on their agenda yet.");
        assertThat(new NeedCounts(7, 0, 0, Map.of()).lead()).isEqualTo("Nobody has this session on their agenda yet.");
        assertThat(new NeedCounts(7, 3, 0, Map.of()).summary())
                .isEqualTo("3 people have this session on their agenda. None of them has recorded an access need.");
        assertThat(new NeedCounts(7, 3, 0, Map.of()).lines()).isEmpty();
    }
}
