package org.convene.attendance;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;

@IntegrationTest
class PresenceServiceTest {

    private static final Instant START = Instant.parse("2031-04-10T10:00:00Z");
    private static final Instant END = Instant.parse("2031-04-10T11:00:00Z");

    @Autowired
    PresenceService presence;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    long conference;
    long session;
    ConveneUser alex;

    @BeforeEach
    void programme() {
        conference = data.conference("Europe/London", LocalDate.of(2031, 4, 10), LocalDate.of(2031, 4, 14));
        session = data.session(conference, "Planning care together", START, END);
        alex = data.user();
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
    }

    private void interval(long sessionId, ConveneUser user, String from, String to) {
        Instant joined = Instant.parse("2031-04-10T" + from + "Z");
        Instant left = Instant.parse("2031-04-10T" + to + "Z");
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, sessionId).set(ATTENDANCE_INTERVAL.USER_ID, user.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, joined).set(ATTENDANCE_INTERVAL.LEFT_AT, left)
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, left).execute();
    }

    @Test
    void overlapping_intervals_of_one_person_count_once() {
        interval(session, alex, "10:00:00", "10:40:00");
        interval(session, alex, "10:30:00", "10:50:00");
        interval(session, alex, "10:35:00", "10:45:00");

        PersonPresence p = presence.presenceOf(session, alex.id()).orElseThrow();

        assertThat(p.present()).isEqualTo(Duration.ofMinutes(50));
        assertThat(p.metRule()).isFalse();
    }

    @Test
    void presence_outside_the_session_times_does_not_count_and_gaps_are_not_filled() {
        interval(session, alex, "09:30:00", "10:20:00");
        interval(session, alex, "10:30:00", "11:30:00");

        PersonPresence p = presence.presenceOf(session, alex.id()).orElseThrow();

        assertThat(p.present()).isEqualTo(Duration.ofMinutes(50));
        assertThat(p.sessionLength()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void fifty_one_minutes_of_an_hour_meets_the_default_rule_of_85_percent() {
        interval(session, alex, "10:00:00", "10:51:00");
        ConveneUser sam = data.user();
        interval(session, sam, "10:00:00", "10:50:59");

        assertThat(presence.presenceAt(session)).extracting(PersonPresence::userId, PersonPresence::metRule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(alex.id(), true),
                        org.assertj.core.groups.Tuple.tuple(sam.id(), false));
        assertThat(presence.rule(conference)).isEqualTo(new AttendanceRule(85));
    }

    @Test
    void a_conference_with_a_lower_rule_counts_shorter_presence_as_attended() {
        interval(session, alex, "10:00:00", "10:45:00");
        AccountFixtures.actAs(data.user(Role.ORGANISER));

        presence.setRule(conference, new AttendanceRule(75));

        assertThat(presence.presenceOf(session, alex.id()).orElseThrow().metRule()).isTrue();
    }

    @Test
    void only_organisers_change_the_rule() {
        AccountFixtures.actAs(alex);

        assertThatThrownBy(() -> presence.setRule(conference, new AttendanceRule(50)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(presence.rule(conference).percent()).isEqualTo(85);
    }

    @Test
    void a_rule_outside_1_to_100_percent_is_refused() {
        assertThatThrownBy(() -> new AttendanceRule(0)).hasMessageContaining("between 1 and 100");
        assertThatThrownBy(() -> new AttendanceRule(101)).hasMessageContaining("between 1 and 100");
    }

    @Test
    void presence_across_a_conference_lists_each_session_the_person_was_at() {
        long second = data.session(conference, "Easy read workshop", Instant.parse("2031-04-10T13:00:00Z"),
                Instant.parse("2031-04-10T14:00:00Z"));
        interval(session, alex, "10:00:00", "10:10:00");
        interval(second, alex, "13:00:00", "14:00:00");
        interval(second, data.user(), "13:00:00", "14:00:00");

        assertThat(presence.presenceAcross(conference, alex.id()))
                .extracting(PersonPresence::sessionId, PersonPresence::present)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(session, Duration.ofMinutes(10)),
                        org.assertj.core.groups.Tuple.tuple(second, Duration.ofMinutes(60)));
    }
}
