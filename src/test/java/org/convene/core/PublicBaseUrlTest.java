package org.convene.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicBaseUrlTest {

    @Test
    void development_uses_localhost_when_nothing_is_set() {
        assertThat(new PublicBaseUrl(null).value()).isEqualTo("http://localhost:8080");
        assertThat(new PublicBaseUrl(" ").value()).isEqualTo("http://localhost:8080");
    }

    @Test
    void links_are_the_base_and_the_path_without_a_doubled_slash() {
        PublicBaseUrl base = new PublicBaseUrl("https://convene.example.org/");
        assertThat(base.link("/sessions/3/join")).isEqualTo("https://convene.example.org/sessions/3/join");
        assertThat(new PublicBaseUrl("https://example.org/convene").link("/schedule.ics"))
                .isEqualTo("https://example.org/convene/schedule.ics");
    }

    @Test
    void a_relative_address_another_scheme_a_query_a_fragment_or_a_password_stops_the_start() {
        for (String bad : new String[]{"convene.example.org", "/convene", "ftp://convene.example.org",
                "https://convene.example.org/?a=b", "https://convene.example.org/#top",
                "https://user:secret@convene.example.org", "https:///nohost", "http://exa mple.org"}) {
            assertThatThrownBy(() -> new PublicBaseUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("convene.public-base-url (CONVENE_PUBLIC_BASE_URL)");
        }
    }

    @Test
    void the_error_for_a_password_does_not_repeat_it() {
        assertThatThrownBy(() -> new PublicBaseUrl("https://user:secret@convene.example.org"))
                .message().doesNotContain("secret");
    }
}
