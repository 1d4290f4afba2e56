package org.convene.agenda;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.convene.core.PublicBaseUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class IcsWriterTest {

    private static final PublicBaseUrl BASE = new PublicBaseUrl("https://convene.example.org");
    private static final Instant START = Instant.parse("2031-07-07T09:00:00Z");
    /** After unfolding, every line of the file is one property: a name, then parameters or the value. */
    private static final Pattern CONTENT_LINE = Pattern.compile("[A-Z][A-Z0-9-]*[;:].*");

    private static AgendaEntry entry(String title, String conference, String host, String reason) {
        return new AgendaEntry(7, title, START, START.plusSeconds(3600), "week", conference,
                ZoneId.of("Europe/London"), host, true, 3, true, reason, null);
    }

    private static List<String> unfolded(String ics) {
        assertThat(ics).endsWith("\r\n");
        return List.of(ics.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n", "\n\r", "\r\r\n"})
    void a_line_break_in_any_text_never_starts_a_line_of_its_own(String lineBreak) throws Exception {
        String attack = "Tea" + lineBreak + "X-INJECTED:yes" + lineBreak + "END:VEVENT";
        String ics = IcsWriter.write("Week" + lineBreak + "X-CAL:1", List.of(entry(attack, attack, attack, attack)),
                BASE, START);

        for (String line : unfolded(ics)) {
            assertThat(line).matches(CONTENT_LINE).doesNotContain("\r").doesNotContain("\n")
                    .doesNotStartWith("X-INJECTED").doesNotStartWith("X-CAL");
        }
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(event.getSummary().getValue()).isEqualTo("Cancelled: Tea X-INJECTED:yes END:VEVENT");
        // "\n\r" is two line breaks (a line feed, then a lone carriage return), and stays two
        assertThat(event.getDescription().getValue().replaceAll("\n+", "\n"))
                .startsWith("This session has been cancelled: Tea\nX-INJECTED:yes\nEND:VEVENT");
        assertThat(calendar.<VEvent>getComponents("VEVENT")).hasSize(1);
    }

    @Test
    void commas_semicolons_and_backslashes_are_escaped_and_read_back_unchanged() throws Exception {
        String title = "Rights, votes; and C:\\care\\plans";
        String ics = IcsWriter.write("Week", List.of(entry(title, "Co-production; week, one", "A\\B", null)),
                BASE, START);

        assertThat(ics).contains("SUMMARY:Cancelled: Rights\\, votes\\; and C:\\\\care\\\\plans");
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").getFirst();
        assertThat(event.getSummary().getValue()).isEqualTo("Cancelled: " + title);
        assertThat(event.getDescription().getValue())
                .contains("Co-production; week, one.").contains("Hosted by A\\B.");
    }

    @Test
    void other_control_characters_are_left_out_and_tabs_kept() {
        assertThat(IcsWriter.oneLine("a\u0000b\u0007c\td\u000Be")).isEqualTo("abc\tde");
        assertThat(IcsWriter.lines("one\r\ntwo\rthree\nfour\u001Bfive")).isEqualTo("one\ntwo\nthree\nfourfive");
    }

    @Test
    void a_session_going_ahead_links_to_its_join_link_on_convene_not_the_meeting() {
        AgendaEntry goingAhead = new AgendaEntry(7, "Tea", START, START.plusSeconds(3600), "week", "Week",
                ZoneId.of("Europe/London"), null, true, 3, false, null, null);

        String ics = IcsWriter.write("Week", List.of(goingAhead), BASE, START);

        assertThat(ics).doesNotContain("meet.example.org")
                .contains("LOCATION:https://convene.example.org/sessions/7/join")
                .contains("URL:https://convene.example.org/sessions/7");
    }

    @Test
    void an_alarm_asked_for_rings_before_each_session_that_goes_ahead() throws Exception {
        AgendaEntry goesAhead = new AgendaEntry(8, "Tea", START, START.plusSeconds(3600), "week", "Week",
                ZoneId.of("Europe/London"), null, true, 1, false, null, null);
        AgendaEntry cancelled = entry("Coffee", "Week", "Host", null);

        String ics = IcsWriter.write("Week", List.of(goesAhead, cancelled), BASE, START,
                java.time.Duration.ofMinutes(15));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events.get(0).getAlarms()).singleElement().satisfies(alarm -> {
            assertThat(alarm.getProperty("TRIGGER").orElseThrow().getValue()).isEqualTo("-PT15M");
            assertThat(alarm.getProperty("ACTION").orElseThrow().getValue()).isEqualTo("DISPLAY");
            assertThat(alarm.getProperty("DESCRIPTION").orElseThrow().getValue()).isEqualTo("Starts in 15 minutes: Tea");
        });
        assertThat(events.get(1).getAlarms()).isEmpty();
        assertThat(calendar.validate().hasErrors()).isFalse();
    }

    @Test
    void without_an_alarm_asked_for_the_calendar_has_none() {
        String ics = IcsWriter.write("Week", List.of(entry("Tea", "Week", "Host", null)), BASE, START);

        assertThat(ics).doesNotContain("VALARM");
    }
}
