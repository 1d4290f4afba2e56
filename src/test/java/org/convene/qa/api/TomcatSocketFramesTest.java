package org.convene.qa.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame header written before a public frame's bytes (RFC 6455 5.2): the length in its shortest form. */
class TomcatSocketFramesTest {

    @Test
    void a_payload_up_to_125_bytes_has_its_length_in_the_second_byte() {
        assertThat(TomcatSocketFrames.header(0)).containsExactly(0x81, 0);
        assertThat(TomcatSocketFrames.header(125)).containsExactly(0x81, 125);
    }

    @Test
    void a_payload_up_to_65535_bytes_has_a_sixteen_bit_length() {
        assertThat(TomcatSocketFrames.header(126)).containsExactly(0x81, 126, 0, 126);
        assertThat(TomcatSocketFrames.header(65_535)).containsExactly(0x81, 126, 0xFF, 0xFF);
    }

    @Test
    void a_longer_payload_has_a_sixty_four_bit_length() {
        assertThat(TomcatSocketFrames.header(65_536)).containsExactly(0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0);
        assertThat(TomcatSocketFrames.header(70_000)).containsExactly(0x81, 127, 0, 0, 0, 0, 0, 1, 0x11, 0x70);
    }
}
