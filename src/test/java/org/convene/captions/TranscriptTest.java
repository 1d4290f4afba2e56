package org.convene.captions;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTest {

    private static final Instant START = Instant.parse("2026-07-08T09:30:00Z");

    private static CaptionLine line(long n, String text, int startSecond, int sentSecond) {
        return new CaptionLine(n, n, text, true, START.plusSeconds(startSecond), START.plusSeconds(sentSecond), 0);
    }

    @Test
    void a_webvtt_file_has_numbered_cues_with_times_relative_to_the_session_start() {
        String vtt = Transcript.webVtt(START, List.of(line(1, "Good morning.", 65, 67), line(2, "Welcome.", 68, 69)));
        assertThat(vtt).isEqualTo("""
                WEBVTT

                1
                00:01:05.000 --> 00:01:08.000
                Good morning.

                2
                00:01:08.000 --> 00:01:15.000
                Welcome.
                """);
    }

    @Test
    void lines_sent_before_the_start_count_from_the_start_and_a_cue_lasts_at_least_a_second() {
        List<Transcript.Cue> cues = Transcript.cues(START, List.of(line(1, "Testing", -30, -29), line(2, "Hello", 0, 0)));
        assertThat(cues.getFirst().from()).isEqualTo(Duration.ZERO);
        assertThat(cues.getFirst().to()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_long_line_shows_until_it_was_finished_when_nothing_follows() {
        List<Transcript.Cue> cues = Transcript.cues(START, List.of(line(1, "A long sentence", 10, 25)));
        assertThat(cues.getFirst().to()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void an_arrow_markup_and_line_breaks_in_the_text_cannot_break_the_file() {
        assertThat(Transcript.cueText("a --> b & <c>")).isEqualTo("a --&gt; b &amp; &lt;c&gt;");
        assertThat(Transcript.cueText("one\n\ntwo\r\nthree")).isEqualTo("one two three");
        String vtt = Transcript.webVtt(START, List.of(line(1, "x --> y\n\nz", 1, 2)));
        assertThat(vtt).doesNotContain("x -->").doesNotContain("\n\nz").contains("x --&gt; y z");
    }

    @Test
    void hours_are_written_in_the_timestamp() {
        assertThat(Transcript.timestamp(Duration.ofMillis(3_723_045))).isEqualTo("01:02:03.045");
    }

    @Test
    void the_plain_transcript_has_a_time_per_line() {
        assertThat(Transcript.plainText(START, List.of(line(1, "Good morning.", 65, 67), line(2, "Welcome.", 3700, 3701))))
                .isEqualTo("[00:01:05] Good morning.\n[01:01:40] Welcome.\n");
    }
}
