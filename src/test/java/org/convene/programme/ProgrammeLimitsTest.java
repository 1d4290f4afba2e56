package org.convene.programme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammeLimitsTest {

    @Test
    void a_limit_reads_as_the_forms_have_always_said_it() {
        assertThat(ProgrammeLimits.charactersOrFewer(64)).isEqualTo("64 characters or fewer");
        assertThat(ProgrammeLimits.charactersOrFewer(ProgrammeLimits.CONFERENCE_NAME_MAX)).isEqualTo("200 characters or fewer");
        assertThat(ProgrammeLimits.charactersOrFewer(ProgrammeLimits.DESCRIPTION_MAX)).isEqualTo("5,000 characters or fewer");
    }
}
