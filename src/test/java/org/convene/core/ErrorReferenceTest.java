package org.convene.core;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReferenceTest {

    @Test
    void a_reference_is_eight_characters_that_cannot_be_misread() {
        for (int i = 0; i < 1000; i++) {
            assertThat(ErrorReference.next()).matches("[A-HJ-NP-Z2-9]{8}");
        }
    }

    @Test
    void references_do_not_repeat_in_practice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(ErrorReference.next());
        }
        assertThat(seen).hasSize(1000);
    }
}
