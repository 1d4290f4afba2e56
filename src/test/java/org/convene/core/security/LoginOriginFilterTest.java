package org.convene.core.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.core.security.LoginOriginFilter.fromAnotherSite;

class LoginOriginFilterTest {

    @Test
    void our_own_host_passes_whatever_the_scheme_or_port_a_proxy_left() {
        assertThat(fromAnotherSite("https://convene.example.org", null, "convene.example.org")).isFalse();
        assertThat(fromAnotherSite("http://Convene.Example.org:8080", null, "convene.example.org")).isFalse();
        assertThat(fromAnotherSite(null, "https://convene.example.org/login?error", "convene.example.org")).isFalse();
    }

    @Test
    void no_origin_and_no_referer_pass_as_curl_and_privacy_settings_send_neither() {
        assertThat(fromAnotherSite(null, null, "convene.example.org")).isFalse();
        assertThat(fromAnotherSite(" ", null, "convene.example.org")).isFalse();
    }

    @Test
    void another_host_an_opaque_origin_or_an_unreadable_address_is_another_site() {
        assertThat(fromAnotherSite("https://convene.example.org.evil.example", null, "convene.example.org")).isTrue();
        assertThat(fromAnotherSite("null", "https://convene.example.org/login", "convene.example.org")).isTrue();
        assertThat(fromAnotherSite(null, "https://evil.example/convene.example.org", "convene.example.org")).isTrue();
        assertThat(fromAnotherSite("https://exa mple", null, "convene.example.org")).isTrue();
    }

    @Test
    void addresses_that_hold_a_secret_send_no_referrer_and_the_rest_only_our_origin() {
        assertThat(SecurityHeaders.referrerPolicy("/invitations/abc")).isEqualTo("no-referrer");
        assertThat(SecurityHeaders.referrerPolicy("/calendar/feeds/abc.ics")).isEqualTo("no-referrer");
        assertThat(SecurityHeaders.referrerPolicy("/conferences/week/schedule.ics")).isEqualTo("no-referrer");
        assertThat(SecurityHeaders.referrerPolicy("/mail/unsubscribe/abc")).isEqualTo("no-referrer");
        assertThat(SecurityHeaders.referrerPolicy("/sessions/12")).isEqualTo("strict-origin-when-cross-origin");
    }
}
