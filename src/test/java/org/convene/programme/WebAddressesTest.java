package org.convene.programme;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://zoom.us/j/123?pwd=abc", "http://www.example.org", "https://carers.example.org/",
            "https://meet.example.org:8443/room#start", "https://192.168.1.20/stream.mp4"})
    void meeting_links_and_websites_people_paste_are_web_addresses(String text) {
        assertThat(WebAddresses.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zoom.us/j/1", "www.example.org", "ftp://files.example.org/a", "mailto:a@example.org",
            "https://", "https:///path", "javascript:alert(1)"})
    void an_address_without_http_or_https_and_a_host_is_refused(String text) {
        assertThat(WebAddresses.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTPS://zoom.us/j/1", "Https://zoom.us/j/1"})
    void the_scheme_must_be_lower_case_as_the_database_checks_expect(String text) {
        assertThat(WebAddresses.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://zoom/j/1", "https://localhost:8080/", "https://example.", "https://.org"})
    void a_host_name_without_a_dot_in_it_is_taken_for_a_typing_slip(String text) {
        assertThat(WebAddresses.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://zoom.us/j/1 ", " https://zoom.us/j/1", "https://zoom.us/j/1 and 2"})
    void spaces_anywhere_are_refused(String text) {
        assertThat(WebAddresses.isValid(text)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void the_same_length_limit_holds_for_every_kind_of_address() {
        String prefix = "https://example.org/";
        assertThat(WebAddresses.isValid(prefix + "a".repeat(WebAddresses.MAX_LENGTH - prefix.length()))).isTrue();
        assertThat(WebAddresses.isValid(prefix + "a".repeat(WebAddresses.MAX_LENGTH - prefix.length() + 1)))
                .isFalse();
    }
}
