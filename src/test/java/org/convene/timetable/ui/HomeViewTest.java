package org.convene.timetable.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import org.convene.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.CONFERENCE;

class HomeViewTest extends KaribuTest {

    @Autowired
    DSLContext db;

    @AfterEach
    void clean() {
        db.deleteFrom(CONFERENCE).where(CONFERENCE.SLUG.like("home-test-%")).execute();
    }

    private void conference(String slug, String name, LocalDate first, LocalDate last) {
        db.insertInto(CONFERENCE).set(CONFERENCE.SLUG, slug).set(CONFERENCE.NAME, name)
                .set(CONFERENCE.TIME_ZONE, java.time.ZoneId.of("Europe/London")).set(CONFERENCE.FIRST_DAY, first)
                .set(CONFERENCE.LAST_DAY, last).execute();
    }

    @Test
    void home_leads_to_the_running_conference_and_lists_past_ones() {
        clock.set(Instant.parse("2031-07-08T10:00:00Z"));
        conference("home-test-2030", "Week 2030", LocalDate.of(2030, 7, 1), LocalDate.of(2030, 7, 5));
        conference("home-test-2031", "Week 2031", LocalDate.of(2031, 7, 7), LocalDate.of(2031, 7, 11));

        UI.getCurrent().navigate(HomeView.class);

        assertThat(_get(H2.class, spec -> spec.withText("Happening now: Week 2031"))).isNotNull();
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref))
                .contains("conferences/home-test-2031", "conferences/home-test-2030");
    }
}
