package org.convene.core.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeRedirectsTest {

    @Test
    void the_host_of_a_remembered_address_is_dropped() {
        assertThat(RelativeRedirects.target("http://evil.example:8080/sessions/3?tab=questions"))
                .isEqualTo("/sessions/3?tab=questions");
        assertThat(RelativeRedirects.target("https://evil.example")).isEqualTo("/");
    }

    @Test
    void a_relative_target_stays_on_this_site() {
        assertThat(RelativeRedirects.target("/manage")).isEqualTo("/manage");
        assertThat(RelativeRedirects.target("manage")).isEqualTo("/manage");
        assertThat(RelativeRedirects.target("")).isEqualTo("/");
        assertThat(RelativeRedirects.target("//evil.example/path")).isEqualTo("/path");
        assertThat(RelativeRedirects.target("/..//evil.example")).doesNotStartWith("//");
    }

    @Test
    void something_that_is_not_an_address_goes_to_the_home_page() {
        assertThat(RelativeRedirects.target("http://[broken")).isEqualTo("/");
    }
}
