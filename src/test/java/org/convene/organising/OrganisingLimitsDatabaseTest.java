package org.convene.organising;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.account.AccountLimits;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.HOST_ORGANISATION;

/**
 * The database's CHECK constraints (db/V14__programme_management.sql) and the limits organising checks say the
 * same: the database takes text of exactly the limit and refuses one character more.
 */
@IntegrationTest
class OrganisingLimitsDatabaseTest {

    private static final Instant START = Instant.parse("2031-09-15T10:00:00Z");

    @Autowired
    SessionChangeQueries changes;
    @Autowired
    HostCoordinatorRepository coordinators;
    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    private long newSession() {
        LocalDate day = LocalDate.of(2031, 9, 15);
        long conference = data.conference("Europe/London", day, day);
        return data.session(conference, TestData.unique("Limits"), START, START.plusSeconds(3600));
    }

    @Test
    void the_database_takes_a_cancellation_reason_of_exactly_the_limit_and_refuses_one_character_more() {
        assertThat(changes.cancel(newSession(), 0, "r".repeat(SessionChangeService.REASON_MAX), START)).isTrue();
        long another = newSession();
        assertThatThrownBy(() -> changes.cancel(another, 0, "r".repeat(SessionChangeService.REASON_MAX + 1), START))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_database_takes_an_invitation_address_of_exactly_the_limit_and_refuses_one_character_more() {
        long host = db.insertInto(HOST_ORGANISATION).set(HOST_ORGANISATION.NAME, TestData.unique("Host"))
                .returning(HOST_ORGANISATION.ID).fetchSingle().getId();
        long organiser = data.user().id();
        String domain = "@test.example";
        Instant now = Instant.now();
        assertThat(coordinators.insertInvitation(host, "a".repeat(AccountLimits.EMAIL_MAX - domain.length()) + domain,
                TestData.unique("hash"), organiser, now, now.plus(Duration.ofDays(14)))).isPositive();
        assertThatThrownBy(() -> coordinators.insertInvitation(host,
                "b".repeat(AccountLimits.EMAIL_MAX + 1 - domain.length()) + domain,
                TestData.unique("hash"), organiser, now, now.plus(Duration.ofDays(14))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
