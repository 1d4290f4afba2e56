package org.convene.certificates;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateCodesTest {

    @Test
    void codes_are_twenty_characters_of_an_unambiguous_alphabet_and_do_not_repeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(CertificateCodes.random());
        }
        assertThat(codes).hasSize(1000).allSatisfy(code -> assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{20}"));
    }

    @Test
    void a_code_is_read_however_it_was_typed() {
        assertThat(CertificateCodes.read("abcd-efgh-jkmn-pqrs-tvwx")).contains("ABCDEFGHJKMNPQRSTVWX");
        assertThat(CertificateCodes.read("ABCD EFGH JKMN PQRS TVWO")).contains("ABCDEFGHJKMNPQRSTVW0");
        assertThat(CertificateCodes.read("IL00-0000-0000-0000-0000")).contains("11000000000000000000");
    }

    @Test
    void what_cannot_be_a_code_is_not_looked_up() {
        assertThat(CertificateCodes.read("ABCD")).isEmpty();
        assertThat(CertificateCodes.read("ABCD-EFGH-JKMN-PQRS-TVWU")).isEmpty();
        assertThat(CertificateCodes.read("x".repeat(1000))).isEmpty();
    }

    @Test
    void codes_print_in_groups_of_four() {
        assertThat(CertificateCodes.grouped("ABCDEFGHJKMNPQRSTVWX")).isEqualTo("ABCD-EFGH-JKMN-PQRS-TVWX");
    }

    @Test
    void the_minutes_needed_round_up_as_the_rule_counts_seconds() {
        assertThat(CertificateRules.neededMinutes(java.time.Duration.ofMinutes(60), 85)).isEqualTo(51);
        assertThat(CertificateRules.neededMinutes(java.time.Duration.ofMinutes(45), 85)).isEqualTo(39);
    }
}
