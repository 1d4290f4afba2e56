package org.convene.agenda;

import org.convene.programme.NoSuchSessionException;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AgendaServiceTest {

    @Autowired
    AgendaService agenda;
    @Autowired
    TestData data;

    long conference;
    long morning;
    long overlapping;
    long afternoon;

    @BeforeEach
    void programme() {
        conference = data.conference("Europe/London", LocalDate.of(2031, 7, 7), LocalDate.of(2031, 7, 11));
        morning = data.session(conference, "Morning webinar", Instant.parse("2031-07-07T09:00:00Z"), Instant.parse("2031-07-07T10:00:00Z"));
        overlapping = data.session(conference, "Overlapping workshop", Instant.parse("2031-07-07T09:30:00Z"), Instant.parse("2031-07-07T11:00:00Z"));
        afternoon = data.session(conference, "Afternoon panel", Instant.parse("2031-07-07T13:00:00Z"), Instant.parse("2031-07-07T14:00:00Z"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_session_added_twice_is_on_the_agenda_once_and_can_be_removed() {
        AccountFixtures.actAs(data.user());
        agenda.add(morning);
        agenda.add(morning);

        assertThat(agenda.myAgenda()).extracting(AgendaEntry::sessionId).containsExactly(morning);

        agenda.remove(morning);
        assertThat(agenda.mySessionIds()).isEmpty();
    }

    @Test
    void each_person_sees_only_their_own_agenda() {
        ConveneUser alex = data.user();
        ConveneUser sam = data.user();
        AccountFixtures.actAs(alex);
        agenda.add(morning);
        AccountFixtures.actAs(sam);
        agenda.add(afternoon);

        assertThat(agenda.mySessionIds()).containsExactly(afternoon);
        AccountFixtures.actAs(alex);
        assertThat(agenda.mySessionIds()).containsExactly(morning);
    }

    @Test
    void agenda_lists_sessions_in_start_order_with_their_conference_time_zone() {
        AccountFixtures.actAs(data.user());
        agenda.add(afternoon);
        agenda.add(morning);

        assertThat(agenda.myAgenda())
                .extracting(AgendaEntry::title)
                .containsExactly("Morning webinar", "Afternoon panel");
        assertThat(agenda.myAgenda().getFirst().conferenceZone().getId()).isEqualTo("Europe/London");
    }

    @Test
    void overlapping_sessions_are_reported_once_per_pair_and_back_to_back_ones_are_not() {
        AccountFixtures.actAs(data.user());
        long backToBack = data.session(conference, "Straight after", Instant.parse("2031-07-07T11:00:00Z"), Instant.parse("2031-07-07T12:00:00Z"));
        agenda.add(morning);
        agenda.add(overlapping);
        agenda.add(backToBack);
        agenda.add(afternoon);

        assertThat(AgendaService.clashes(agenda.myAgenda()))
                .extracting(c -> c.first().title() + " / " + c.second().title())
                .containsExactly("Morning webinar / Overlapping workshop");
    }

    @Test
    void adding_a_session_that_does_not_exist_is_refused_clearly() {
        AccountFixtures.actAs(data.user());
        assertThatThrownBy(() -> agenda.add(987654321L))
                .isInstanceOf(NoSuchSessionException.class)
                .hasMessageContaining("no session");
    }

    @Test
    void someone_not_signed_in_has_an_empty_agenda_and_cannot_change_one() {
        assertThat(agenda.mySessionIds()).isEmpty();
        assertThatThrownBy(() -> agenda.add(morning)).isInstanceOf(CurrentUser.NotSignedInException.class);
    }
}
