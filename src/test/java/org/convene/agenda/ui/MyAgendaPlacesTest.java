package org.convene.agenda.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.agenda.AgendaService;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** The agenda page lists waiting lists apart from the agenda, and tells me of a place I was given. */
class MyAgendaPlacesTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    AgendaService agenda;
    @Autowired
    DSLContext db;

    long workshop;
    ConveneUser holder;
    ConveneUser me;

    @BeforeEach
    void fullWorkshopWithMeWaiting() {
        long conference = data.conference("Europe/London", LocalDate.of(2031, 7, 7), LocalDate.of(2031, 7, 11));
        workshop = data.session(conference, "Small workshop", Instant.parse("2031-07-07T09:00:00Z"),
                Instant.parse("2031-07-07T10:00:00Z"));
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, 1).where(PROGRAMME_SESSION.ID.eq(workshop))
                .execute();
        holder = data.user();
        me = data.user();
        AccountFixtures.actAs(holder);
        agenda.add(workshop);
        AccountFixtures.actAs(me);
        agenda.joinWaitingList(workshop);
        AccountFixtures.actAs(data.user());
        agenda.joinWaitingList(workshop);
    }

    private void open() {
        login(me);
        UI.getCurrent().navigate(MyAgendaView.class);
    }

    @Test
    void waiting_lists_are_listed_apart_with_my_number_and_I_can_leave_one() {
        open();

        assertThat(_find(H2.class, spec -> spec.withText("Waiting lists you are on"))).hasSize(1);
        assertThat(_find(Paragraph.class, spec -> spec.withText("You are next on the waiting list.")))
                .hasSize(1);
        assertThat(_find(Paragraph.class, spec -> spec.withText("You have not added any sessions yet.")))
                .hasSize(1);

        _click(_get(Button.class, spec -> spec.withText("Leave the waiting list")));

        assertThat(agenda.myWaitingList()).isEmpty();
        assertThat(_find(H2.class, spec -> spec.withText("Waiting lists you are on"))).isEmpty();
    }

    @Test
    void a_place_given_from_the_waiting_list_is_told_until_dismissed() {
        AccountFixtures.actAs(holder);
        agenda.remove(workshop);
        open();

        assertThat(_find(H2.class, spec -> spec.withText("You have a place"))).hasSize(1);
        assertThat(_find(H2.class, spec -> spec.withText("Waiting lists you are on"))).isEmpty();
        assertThat(agenda.mySessionIds()).contains(workshop);

        _click(_get(Button.class, spec -> spec.withText("Dismiss")));

        assertThat(_find(H2.class, spec -> spec.withText("You have a place"))).isEmpty();
        assertThat(agenda.myPlaceNotices()).isEmpty();
    }
}
