package org.convene.accesshelp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BslVideoTest {

    @Test
    void youtube_and_vimeo_addresses_become_their_players() {
        assertThat(BslVideo.player("https://www.youtube.com/watch?v=abc123XYZ_-&t=4"))
                .hasValue("https://www.youtube-nocookie.com/embed/abc123XYZ_-");
        assertThat(BslVideo.player("https://youtu.be/abc123XYZ")).hasValue("https://www.youtube-nocookie.com/embed/abc123XYZ");
        assertThat(BslVideo.player("https://www.youtube.com/live/abc123XYZ")).hasValue("https://www.youtube-nocookie.com/embed/abc123XYZ");
        assertThat(BslVideo.player("https://www.youtube.com/embed/abc123XYZ")).hasValue("https://www.youtube-nocookie.com/embed/abc123XYZ");
        assertThat(BslVideo.player("https://vimeo.com/123456789")).hasValue("https://player.vimeo.com/video/123456789");
        assertThat(BslVideo.player("https://player.vimeo.com/video/123456789")).hasValue("https://player.vimeo.com/video/123456789");
    }

    @Test
    void any_other_address_is_a_link_not_a_frame() {
        assertThat(BslVideo.player("https://interpreters.example.org/live/room-4")).isEmpty();
        assertThat(BslVideo.player("https://www.youtube.com/channel/UC123")).isEmpty();
        assertThat(BslVideo.player("http://www.youtube.com/watch?v=abc123XYZ")).isEmpty();
        assertThat(BslVideo.player("https://www.youtube.com/watch?v=<script>")).isEmpty();
    }

    @Test
    void only_https_web_addresses_are_accepted_and_blank_means_none() {
        assertThat(BslVideo.clean("   ")).isNull();
        assertThat(BslVideo.problem(null)).isEmpty();
        assertThat(BslVideo.problem("https://interpreters.example.org/live")).isEmpty();
        assertThat(BslVideo.problem("http://interpreters.example.org/live")).hasValue("Enter the interpreter’s "
                + "video address as a web address starting with https://, like https://www.youtube.com/watch?v=abc123");
        assertThat(BslVideo.problem("https://localhost/live")).isPresent();
    }
}
