package org.convene.accesshelp.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.accesshelp.AccessHelpService;
import org.convene.accesshelp.HelpKind;
import org.convene.attendance.ui.SessionReportView;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Access help in the session's attendance report (attendance.ui.SessionReportView). */
class HelpReportTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    AccessHelpService service;

    long session;
    Instant start;

    @BeforeEach
    void setUp() {
        start = Instant.parse("2026-06-02T13:00:00Z");
        session = data.session(data.conference("Europe/London", LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 2)),
                TestData.unique("Reported"), start, start.plus(Duration.ofHours(1)));
    }

    private void sendAs(ConveneUser user, HelpKind kind, String note, Instant at) {
        Authentication mine = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        clock.set(at);
        try {
            service.send(session, kind, note);
        } finally {
            SecurityContextHolder.getContext().setAuthentication(mine);
        }
    }

    private void open() {
        UI.getCurrent().navigate(SessionReportView.class, new RouteParameters("id", Long.toString(session)));
    }

    @Test
    void the_report_shows_the_whole_sessions_counts_per_kind_the_notes_and_a_csv() {
        sendAs(data.user(), HelpKind.CAPTIONS_STOPPED, null, start.plus(Duration.ofMinutes(5)));
        sendAs(data.user(), HelpKind.CAPTIONS_STOPPED, null, start.plus(Duration.ofMinutes(35)));
        sendAs(data.user(), HelpKind.SOMETHING_ELSE, "Please describe the pictures", start.plus(Duration.ofMinutes(20)));
        clock.set(start.plus(Duration.ofDays(1)));
        login(data.user(Role.ORGANISER));

        open();

        Section section = _get(Section.class, spec -> spec.withId("access-help-report"));
        String text = section.getElement().getTextRecursively();
        assertThat(text).startsWith("Access help from attendees").contains("2.20pm: Please describe the pictures");
        NativeTable table = _get(section, NativeTable.class);
        assertThat(table.getElement().getTextRecursively()).contains("Captions have stopped22.05pm2.35pm",
                "Too fast0––");
        assertThat(_get(section, Anchor.class).getText()).isEqualTo("Access help, counts per kind (CSV)");
    }

    @Test
    void a_session_without_signals_says_nobody_used_it() {
        login(data.user(Role.ORGANISER));
        open();

        assertThat(_get(Section.class, spec -> spec.withId("access-help-report")).getElement().getTextRecursively())
                .contains("Nobody used “Tell the facilitator” during this session.");
    }
}
