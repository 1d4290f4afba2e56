package org.convene.agenda;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.MAIL_OUTBOX;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/** Places kept for sessions with a capacity, the waiting list and its order, promotion, and closing times. */
@IntegrationTest
class PlacesTest {

    @Autowired
    AgendaService agenda;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;

    long conference;
    long workshop;
    long walkIn;
    final List<ConveneUser> people = new ArrayList<>();

    @BeforeEach
    void programme() {
        conference = data.conference("Europe/London", LocalDate.of(2031, 7, 7), LocalDate.of(2031, 7, 11));
        workshop = data.session(conference, "Co-production workshop", Instant.parse("2031-07-07T09:00:00Z"),
                Instant.parse("2031-07-07T10:00:00Z"));
        walkIn = data.session(conference, "Open webinar", Instant.parse("2031-07-07T11:00:00Z"),
                Instant.parse("2031-07-07T12:00:00Z"));
        capacity(workshop, 2);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_USER_ID.in(people.stream().map(ConveneUser::id).toList()))
                .execute();
    }

    private void capacity(long sessionId, Integer capacity) {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, capacity)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).execute();
    }

    private ConveneUser person() {
        ConveneUser user = data.user();
        people.add(user);
        return user;
    }

    private AddOutcome addAs(ConveneUser user, long sessionId) {
        AccountFixtures.actAs(user);
        return agenda.add(sessionId);
    }

    private AddOutcome waitAs(ConveneUser user, long sessionId) {
        AccountFixtures.actAs(user);
        return agenda.joinWaitingList(sessionId);
    }

    private int holders(long sessionId) {
        return db.fetchCount(AGENDA_ITEM, AGENDA_ITEM.SESSION_ID.eq(sessionId));
    }

    @Test
    void adding_takes_a_place_while_there_is_one_and_then_changes_nothing() {
        assertThat(addAs(person(), workshop)).isEqualTo(AddOutcome.ADDED);
        assertThat(addAs(person(), workshop)).isEqualTo(AddOutcome.ADDED);
        ConveneUser late = person();

        assertThat(addAs(late, workshop)).isEqualTo(AddOutcome.FULL);
        assertThat(agenda.mySessionIds()).doesNotContain(workshop);
        assertThat(agenda.myWaitingList()).isEmpty();
        assertThat(agenda.placeStatus(workshop).state()).isEqualTo(PlaceStatus.State.FULL);
        assertThat(agenda.placeStatus(workshop).summary()).isEqualTo("Full. Nobody is waiting yet.");
    }

    @Test
    void the_session_page_counts_places_left_in_words() {
        addAs(person(), workshop);
        assertThat(agenda.placeStatus(workshop).summary()).isEqualTo("1 of 2 places left.");
        assertThat(agenda.placeStatus(workshop).state()).isEqualTo(PlaceStatus.State.ON_AGENDA);
        assertThat(agenda.placeStatus(walkIn).summary()).isNull();
    }

    @Test
    void a_session_without_places_takes_everyone_as_today() {
        for (int i = 0; i < 5; i++) {
            assertThat(addAs(person(), walkIn)).isEqualTo(AddOutcome.ADDED);
        }
        assertThat(holders(walkIn)).isEqualTo(5);
        assertThat(agenda.placeStatus(walkIn).state()).isEqualTo(PlaceStatus.State.ON_AGENDA);
    }

    @Test
    void the_waiting_list_keeps_the_order_people_joined_in_and_shows_each_their_number() {
        clock.set(Instant.parse("2031-06-01T09:00:00Z"));
        addAs(person(), workshop);
        addAs(person(), workshop);
        ConveneUser first = person();
        ConveneUser second = person();
        ConveneUser third = person();
        assertThat(waitAs(first, workshop)).isEqualTo(AddOutcome.WAITING);
        // the same instant: the order of joining still decides
        assertThat(waitAs(second, workshop)).isEqualTo(AddOutcome.WAITING);
        clock.advance(Duration.ofMinutes(1));
        assertThat(waitAs(third, workshop)).isEqualTo(AddOutcome.WAITING);

        assertThat(agenda.myWaitingList()).singleElement().satisfies(entry -> {
            assertThat(entry.sessionId()).isEqualTo(workshop);
            assertThat(entry.position()).isEqualTo(3);
        });
        assertThat(agenda.placeStatus(workshop)).satisfies(status -> {
            assertThat(status.state()).isEqualTo(PlaceStatus.State.WAITING);
            assertThat(status.position()).isEqualTo(3);
            assertThat(status.summary()).isEqualTo("Full. 3 people are waiting.");
        });
        AccountFixtures.actAs(second);
        assertThat(agenda.placeStatus(workshop).position()).isEqualTo(2);

        AccountFixtures.actAs(first);
        assertThat(agenda.leaveWaitingList(workshop)).isTrue();
        AccountFixtures.actAs(second);
        assertThat(agenda.placeStatus(workshop).position()).isEqualTo(1);
        assertThat(agenda.leaveWaitingList(walkIn)).isFalse();
    }

    @Test
    void when_someone_with_a_place_leaves_the_first_in_line_gets_it_and_is_told_on_their_agenda() {
        ConveneUser holder = person();
        addAs(holder, workshop);
        addAs(person(), workshop);
        ConveneUser first = person();
        ConveneUser second = person();
        waitAs(first, workshop);
        waitAs(second, workshop);

        AccountFixtures.actAs(holder);
        agenda.remove(workshop);

        assertThat(holders(workshop)).isEqualTo(2);
        AccountFixtures.actAs(first);
        assertThat(agenda.mySessionIds()).contains(workshop);
        assertThat(agenda.myWaitingList()).isEmpty();
        assertThat(agenda.myPlaceNotices()).singleElement().satisfies(notice -> {
            assertThat(notice.sessionId()).isEqualTo(workshop);
            assertThat(notice.title()).isEqualTo("Co-production workshop");
            assertThat(agenda.dismiss(notice)).isTrue();
        });
        assertThat(agenda.myPlaceNotices()).isEmpty();

        AccountFixtures.actAs(second);
        assertThat(agenda.mySessionIds()).doesNotContain(workshop);
        assertThat(agenda.placeStatus(workshop).position()).isEqualTo(1);
        assertThat(agenda.myPlaceNotices()).isEmpty();
    }

    @Test
    void a_raised_capacity_gives_the_new_places_to_people_waiting_in_order() {
        addAs(person(), workshop);
        addAs(person(), workshop);
        ConveneUser first = person();
        ConveneUser second = person();
        ConveneUser third = person();
        waitAs(first, workshop);
        waitAs(second, workshop);
        waitAs(third, workshop);

        capacity(workshop, 4);
        agenda.fillFreePlaces(workshop);

        assertThat(holders(workshop)).isEqualTo(4);
        AccountFixtures.actAs(third);
        assertThat(agenda.placeStatus(workshop).position()).isEqualTo(1);
        AccountFixtures.actAs(second);
        assertThat(agenda.mySessionIds()).contains(workshop);
    }

    @Test
    void joining_the_waiting_list_when_a_place_is_free_takes_the_place() {
        ConveneUser person = person();
        assertThat(waitAs(person, workshop)).isEqualTo(AddOutcome.ADDED);
        assertThat(agenda.mySessionIds()).contains(workshop);
        assertThat(agenda.myWaitingList()).isEmpty();
    }

    @Test
    void after_registration_closes_adding_is_refused_clearly_but_removing_still_works() {
        clock.set(Instant.parse("2031-07-01T09:00:00Z"));
        ConveneUser early = person();
        addAs(early, walkIn);
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_CLOSES_AT, Instant.parse("2031-07-06T12:00:00Z"))
                .where(PROGRAMME_SESSION.ID.eq(walkIn)).execute();
        clock.set(Instant.parse("2031-07-06T12:00:00Z"));

        ConveneUser late = person();
        AccountFixtures.actAs(late);
        assertThat(agenda.placeStatus(walkIn).state()).isEqualTo(PlaceStatus.State.CLOSED);
        assertThatThrownBy(() -> agenda.add(walkIn))
                .isInstanceOf(RegistrationClosedException.class)
                .hasMessage("Registration for this session has closed, so it cannot be added now.");
        assertThatThrownBy(() -> agenda.joinWaitingList(walkIn)).isInstanceOf(RegistrationClosedException.class);
        assertThat(agenda.mySessionIds()).isEmpty();

        AccountFixtures.actAs(early);
        assertThat(agenda.placeStatus(walkIn).state()).isEqualTo(PlaceStatus.State.ON_AGENDA);
        agenda.remove(walkIn);
        assertThat(agenda.mySessionIds()).isEmpty();
    }

    @Test
    void two_people_taking_the_last_place_at_the_same_moment_exactly_one_gets_it() throws Exception {
        capacity(workshop, 1);
        for (int round = 0; round < 5; round++) {
            db.deleteFrom(AGENDA_ITEM).where(AGENDA_ITEM.SESSION_ID.eq(workshop)).execute();
            List<ConveneUser> racers = List.of(person(), person());
            CyclicBarrier together = new CyclicBarrier(2);
            List<AddOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (ConveneUser racer : racers) {
                // each thread has its own security context and its own transaction, so its own connection
                Thread thread = new Thread(() -> {
                    try {
                        AccountFixtures.actAs(racer);
                        together.await();
                        outcomes.add(agenda.add(workshop));
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join(30_000);
            }

            assertThat(failures).isEmpty();
            assertThat(outcomes).containsExactlyInAnyOrder(AddOutcome.ADDED, AddOutcome.FULL);
            assertThat(holders(workshop)).isEqualTo(1);
        }
    }
}
