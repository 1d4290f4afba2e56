package org.convene.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "bell\u0007", "esc\u001B[31m", "del\u007F", "c1\u0085", "c1\u009F",
            "lone cr\rhere", "form\ffeed", "vertical\u000Btab"})
    void refuses_control_characters_in_any_field(String text) {
        assertThat(TextRule.problem("The title", text, TextRule.Lines.ONE)).contains(
                "The title contains a character that cannot be stored (a control character). Remove it and try again.");
        assertThat(TextRule.allows(text, TextRule.Lines.MANY)).isFalse();
    }

    @Test
    void allows_tab_everywhere_and_line_breaks_only_in_fields_of_several_lines() {
        assertThat(TextRule.allows("a\tb", TextRule.Lines.ONE)).isTrue();
        assertThat(TextRule.allows("one\ntwo\r\nthree", TextRule.Lines.MANY)).isTrue();
        assertThat(TextRule.problem("The title", "one\ntwo", TextRule.Lines.ONE))
                .contains("The title contains a character that cannot be stored (a line break). Remove it and try again.");
        assertThat(TextRule.allows("one\r\ntwo", TextRule.Lines.ONE)).isFalse();
    }

    @Test
    void refuses_half_of_a_character_pair_but_allows_whole_pairs() {
        assertThat(TextRule.allows("smile \uD83D\uDE00 and \u00E9\u0301 \u200B\u202E", TextRule.Lines.ONE)).isTrue();
        assertThat(TextRule.problem("Your name", "x\uD83D", TextRule.Lines.ONE)).contains(
                "Your name contains a character that cannot be stored (half of a character pair). Remove it and try again.");
        assertThat(TextRule.allows("\uDE00x", TextRule.Lines.MANY)).isFalse();
    }

    @Test
    void nothing_and_plain_text_are_fine() {
        assertThat(TextRule.problem("The title", null, TextRule.Lines.ONE)).isEmpty();
        assertThat(TextRule.problem("The title", "", TextRule.Lines.ONE)).isEmpty();
        assertThat(TextRule.problem("The title", "Café – ünïcödé 日本語", TextRule.Lines.ONE)).isEmpty();
    }
}
