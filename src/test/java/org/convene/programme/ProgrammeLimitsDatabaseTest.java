package org.convene.programme;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.TRACK;

/**
 * The database's CHECK constraints (db/V2__programme.sql) and {@link ProgrammeLimits} / {@link SessionRules} say
 * the same: the database takes a name of exactly the limit and refuses one character more.
 */
@IntegrationTest
class ProgrammeLimitsDatabaseTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    long conference;

    @BeforeEach
    void setUp() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        conference = data.conference("Europe/London", today, today.plusDays(4));
    }

    /** Writes a text of the given length; unique in its first characters, where the tables need it. */
    private static String text(int length) {
        String unique = TestData.unique("limit");
        return unique + "x".repeat(length - unique.length());
    }

    private static void takesTheLimitAndRefusesOneMore(int limit, IntConsumer write) {
        assertThatCode(() -> write.accept(limit)).doesNotThrowAnyException();
        assertThatThrownBy(() -> write.accept(limit + 1)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_database_takes_a_conference_name_of_exactly_the_limit_and_refuses_one_character_more() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        takesTheLimitAndRefusesOneMore(ProgrammeLimits.CONFERENCE_NAME_MAX, length -> db.insertInto(CONFERENCE)
                .set(CONFERENCE.SLUG, TestData.unique("conf"))
                .set(CONFERENCE.NAME, text(length))
                .set(CONFERENCE.TIME_ZONE, java.time.ZoneId.of("Europe/London"))
                .set(CONFERENCE.FIRST_DAY, day)
                .set(CONFERENCE.LAST_DAY, day)
                .execute());
    }

    @Test
    void the_database_takes_a_conference_short_name_of_exactly_the_limit_and_refuses_one_character_more() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        takesTheLimitAndRefusesOneMore(ProgrammeLimits.CONFERENCE_SLUG_MAX, length -> db.insertInto(CONFERENCE)
                .set(CONFERENCE.SLUG, text(length).toLowerCase())
                .set(CONFERENCE.NAME, TestData.unique("Conference"))
                .set(CONFERENCE.TIME_ZONE, java.time.ZoneId.of("Europe/London"))
                .set(CONFERENCE.FIRST_DAY, day)
                .set(CONFERENCE.LAST_DAY, day)
                .execute());
    }

    @Test
    void the_database_takes_a_track_name_of_exactly_the_limit_and_refuses_one_character_more() {
        takesTheLimitAndRefusesOneMore(ProgrammeLimits.TRACK_NAME_MAX, length -> db.insertInto(TRACK)
                .set(TRACK.CONFERENCE_ID, conference)
                .set(TRACK.NAME, text(length))
                .execute());
    }

    @Test
    void the_database_takes_a_host_name_of_exactly_the_limit_and_refuses_one_character_more() {
        takesTheLimitAndRefusesOneMore(ProgrammeLimits.HOST_NAME_MAX, length -> db.insertInto(HOST_ORGANISATION)
                .set(HOST_ORGANISATION.NAME, text(length))
                .execute());
    }

    @Test
    void the_database_takes_a_person_name_of_exactly_the_limit_and_refuses_one_character_more() {
        takesTheLimitAndRefusesOneMore(ProgrammeLimits.PERSON_NAME_MAX, length -> db.insertInto(PERSON)
                .set(PERSON.NAME, text(length))
                .execute());
    }

    @Test
    void the_database_takes_a_session_title_of_exactly_the_limit_and_refuses_one_character_more() {
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        takesTheLimitAndRefusesOneMore(SessionRules.TITLE_MAX,
                length -> data.session(conference, text(length), start, start.plusSeconds(3600)));
    }
}
