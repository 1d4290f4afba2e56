package org.convene.reminders;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.mail.MailPreferences;
import org.convene.mail.MailState;
import org.convene.mail.MailTopic;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.MAIL_OUTBOX;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.REMINDER_SETTING;

/**
 * The reminder schedule against the real database, with the clock moved by hand. The dates are in 2036, which no
 * other test uses, so the job finds only these agendas. UK clocks go forward at 01:00 UTC on Sunday 30 March 2036
 * and back at 01:00 UTC on Sunday 26 October 2036.
 */
@IntegrationTest
class ReminderJobTest {

    /** The day-before list also goes the whole way, through the sender to a real SMTP server. */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.convene.mail.MailTestSupport mail = new org.convene.mail.MailTestSupport();


    @Autowired
    ReminderJob job;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;
    @Autowired
    MailPreferences preferences;

    private final List<Long> users = new ArrayList<>();
    private long conference;

    @BeforeEach
    void conference() {
        conference = data.conference("Europe/London", LocalDate.of(2036, 3, 28), LocalDate.of(2036, 10, 31));
    }

    @AfterEach
    void cleanUp() {
        // the outbox is shared by every test class: leave no reminder behind for a sender test to find
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_USER_ID.in(users)).execute();
        clock.reset();
    }

    private ConveneUser person(String zone) {
        ConveneUser user = data.user();
        users.add(user.id());
        if (zone != null) {
            db.insertInto(REMINDER_SETTING).set(REMINDER_SETTING.USER_ID, user.id())
                    .set(REMINDER_SETTING.TIME_ZONE, ZoneId.of(zone)).execute();
        }
        return user;
    }

    private void onAgenda(ConveneUser user, long... sessions) {
        for (long session : sessions) {
            db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, user.id()).set(AGENDA_ITEM.SESSION_ID, session)
                    .set(AGENDA_ITEM.ADDED_AT, Instant.parse("2036-01-01T00:00:00Z")).execute();
        }
    }

    private long session(String title, String startUtc, String endUtc) {
        return data.session(conference, title, Instant.parse(startUtc), Instant.parse(endUtc));
    }

    private void runAt(String instant) {
        clock.set(Instant.parse(instant));
        job.run();
    }

    private List<Record> outbox(ConveneUser user) {
        return List.copyOf(db.select(MAIL_OUTBOX.IDEMPOTENCY_KEY, MAIL_OUTBOX.KIND, MAIL_OUTBOX.SUBJECT,
                        MAIL_OUTBOX.TEXT_BODY, MAIL_OUTBOX.HTML_BODY, MAIL_OUTBOX.UNSUBSCRIBE_URL, MAIL_OUTBOX.STATE,
                        MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.TO_ADDRESS)
                .from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_USER_ID.eq(user.id()))
                .orderBy(MAIL_OUTBOX.ID).fetch());
    }

    private List<String> keys(ConveneUser user) {
        return outbox(user).stream().map(r -> r.get(MAIL_OUTBOX.IDEMPOTENCY_KEY)).toList();
    }

    @Test
    void the_day_before_list_goes_at_five_in_the_afternoon_uk_time_on_both_sides_of_the_spring_clock_change() {
        ConveneUser london = person(null);
        // Sunday 30 March: 10am BST is 09:00 UTC; Monday 31 March: 10am and 2pm BST
        long sunday = session("Sunday breakfast", "2036-03-30T09:00:00Z", "2036-03-30T10:00:00Z");
        long monday = session("Monday webinar", "2036-03-31T09:00:00Z", "2036-03-31T10:00:00Z");
        long mondayAfternoon = session("Monday panel", "2036-03-31T13:00:00Z", "2036-03-31T14:30:00Z");
        onAgenda(london, sunday, monday, mondayAfternoon);

        // Saturday 29 March is still GMT: 5pm is 17:00 UTC
        runAt("2036-03-29T16:59:00Z");
        assertThat(keys(london)).isEmpty();
        runAt("2036-03-29T17:00:00Z");
        assertThat(keys(london)).containsExactly("reminder-day:" + london.id() + ":2036-03-30");

        // Sunday 30 March is BST: 5pm is 16:00 UTC
        runAt("2036-03-30T15:59:00Z");
        assertThat(keys(london)).hasSize(1);
        runAt("2036-03-30T16:00:00Z");
        runAt("2036-03-30T16:01:00Z");
        assertThat(keys(london)).containsExactly("reminder-day:" + london.id() + ":2036-03-30",
                "reminder-day:" + london.id() + ":2036-03-31");

        Record monday31 = outbox(london).get(1);
        assertThat(monday31.get(MAIL_OUTBOX.KIND)).isEqualTo("reminder-day");
        assertThat(monday31.get(MAIL_OUTBOX.TO_ADDRESS)).isEqualTo(london.email());
        assertThat(monday31.get(MAIL_OUTBOX.STATE)).isEqualTo(MailState.PENDING);
        assertThat(monday31.get(MAIL_OUTBOX.NEXT_ATTEMPT_AT)).isEqualTo(Instant.parse("2036-03-30T16:00:00Z"));
        assertThat(monday31.get(MAIL_OUTBOX.SUBJECT))
                .isEqualTo("Tomorrow: 2 sessions on your agenda (Monday 31 March)");
        assertThat(monday31.get(MAIL_OUTBOX.TEXT_BODY))
                .contains("Your sessions tomorrow, Monday 31 March 2036",
                        "Times are in UK time (Europe/London).",
                        "Time: 10am to 11am", "Session: Monday webinar",
                        "Time: 2pm to 3.30pm", "Session: Monday panel",
                        "https://convene.example.test/sessions/" + monday,
                        "https://convene.example.test/sessions/" + mondayAfternoon)
                .doesNotContain("Sunday breakfast", "meet.example.org");
        String unsubscribe = preferences.unsubscribeUrl(london.id());
        assertThat(monday31.get(MAIL_OUTBOX.UNSUBSCRIBE_URL)).isEqualTo(unsubscribe);
        assertThat(monday31.get(MAIL_OUTBOX.TEXT_BODY)).contains("Turn off all email reminders and updates:\n"
                + unsubscribe);
        assertThat(monday31.get(MAIL_OUTBOX.HTML_BODY)).contains("href=\"" + unsubscribe + "\"");

        mail.deliverDue();
        assertThat(mail.messagesTo(london.email())).extracting(m -> m.getSubject())
                .contains("Tomorrow: 2 sessions on your agenda (Monday 31 March)");
    }

    @Test
    void each_person_gets_the_list_at_five_in_their_own_zone_with_times_in_that_zone() {
        long monday = session("Monday webinar", "2036-03-31T09:00:00Z", "2036-03-31T10:00:00Z");
        ConveneUser london = person(null);
        ConveneUser newYork = person("America/New_York");
        ConveneUser auckland = person("Pacific/Auckland");
        onAgenda(london, monday);
        onAgenda(newYork, monday);
        onAgenda(auckland, monday);

        // Auckland (NZDT, UTC+13): 09:00 UTC Monday is 10pm Monday there, so the list goes at 5pm Sunday there
        runAt("2036-03-30T03:59:00Z");
        assertThat(keys(auckland)).isEmpty();
        runAt("2036-03-30T04:00:00Z");
        assertThat(keys(auckland)).containsExactly("reminder-day:" + auckland.id() + ":2036-03-31");
        assertThat(outbox(auckland).getFirst().get(MAIL_OUTBOX.TEXT_BODY))
                .contains("Times are in New Zealand Time (Pacific/Auckland).", "Time: 10pm to 11pm");
        assertThat(keys(london)).isEmpty();
        assertThat(keys(newYork)).isEmpty();

        // London (BST): 5pm Sunday is 16:00 UTC
        runAt("2036-03-30T16:00:00Z");
        assertThat(keys(london)).hasSize(1);
        assertThat(keys(newYork)).isEmpty();

        // New York (EDT, UTC-4): the session is at 5am Monday, the list goes at 5pm Sunday, 21:00 UTC
        runAt("2036-03-30T20:59:00Z");
        assertThat(keys(newYork)).isEmpty();
        runAt("2036-03-30T21:00:00Z");
        assertThat(keys(newYork)).containsExactly("reminder-day:" + newYork.id() + ":2036-03-31");
        assertThat(outbox(newYork).getFirst().get(MAIL_OUTBOX.TEXT_BODY))
                .contains("Times are in Eastern Time (America/New_York).", "Time: 5am to 6am");
    }

    @Test
    void the_soon_reminder_goes_fifteen_minutes_before_in_the_hour_the_autumn_clock_change_repeats() {
        ConveneUser london = person(null);
        // 01:30 UTC on Sunday 26 October 2036 is 1.30am GMT, the second 1.30am of that night
        long night = session("Night owls", "2036-10-26T01:30:00Z", "2036-10-26T02:30:00Z");
        onAgenda(london, night);

        runAt("2036-10-26T01:14:59Z");
        assertThat(keys(london)).filteredOn(k -> k.startsWith("reminder-soon")).isEmpty();
        runAt("2036-10-26T01:15:00Z");
        runAt("2036-10-26T01:16:00Z");

        List<Record> soon = outbox(london).stream()
                .filter(r -> r.get(MAIL_OUTBOX.KIND).equals("reminder-soon")).toList();
        assertThat(soon).hasSize(1);
        Record mail = soon.getFirst();
        assertThat(mail.get(MAIL_OUTBOX.IDEMPOTENCY_KEY))
                .isEqualTo("reminder-soon:" + london.id() + ":" + night + ":" + Instant.parse("2036-10-26T01:30:00Z").getEpochSecond());
        assertThat(mail.get(MAIL_OUTBOX.SUBJECT)).isEqualTo("Starts at 1.30am (UTC): Night owls");
        String join = "https://convene.example.test/sessions/" + night + "/join";
        assertThat(mail.get(MAIL_OUTBOX.TEXT_BODY))
                .contains("Join the session:\n" + join, "Sunday 26 October 2036, 1.30am (UTC) to 2.30am",
                        "UK time (Europe/London)")
                .doesNotContain("meet.example.org");
        assertThat(mail.get(MAIL_OUTBOX.HTML_BODY)).contains("href=\"" + join + "\"");
        assertThat(mail.get(MAIL_OUTBOX.UNSUBSCRIBE_URL)).isEqualTo(preferences.unsubscribeUrl(london.id()));
    }

    @Test
    void the_soon_reminder_keeps_to_fifteen_minutes_after_the_spring_clock_change() {
        ConveneUser london = person(null);
        // 9am BST on Sunday 30 March 2036, hours after the clocks went forward
        long morning = session("Morning", "2036-03-30T08:00:00Z", "2036-03-30T09:00:00Z");
        onAgenda(london, morning);

        runAt("2036-03-30T07:44:00Z");
        assertThat(keys(london)).filteredOn(k -> k.startsWith("reminder-soon")).isEmpty();
        runAt("2036-03-30T07:45:00Z");
        assertThat(outbox(london)).filteredOn(r -> r.get(MAIL_OUTBOX.KIND).equals("reminder-soon"))
                .singleElement().satisfies(r -> assertThat(r.get(MAIL_OUTBOX.SUBJECT)).isEqualTo("Starts at 9am: Morning"));
    }

    @Test
    void the_day_before_list_links_the_slides_and_handouts_published_by_then_and_not_the_others() {
        ConveneUser london = person(null);
        long talk = session("Caring at home", "2036-11-04T10:00:00Z", "2036-11-04T11:00:00Z");
        onAgenda(london, talk);
        long slides = material(talk, "SLIDES", "Caring at home slides", "DAY_BEFORE", "2036-11-03T00:00:00Z", "PDF");
        material(talk, "HANDOUT", "Reading list", "NOW", "2036-11-01T00:00:00Z", null);
        material(talk, "EASY_READ", "Easy read summary", "AFTER_SESSION", "2036-11-04T11:00:00Z", "PDF");
        material(talk, "OTHER", "Draft notes", "HIDDEN", null, "PDF");

        runAt("2036-11-03T17:00:00Z");

        assertThat(outbox(london)).singleElement().extracting(r -> r.get(MAIL_OUTBOX.TEXT_BODY)).asString()
                .contains("Slides and handouts to read before",
                        "- Slides: Caring at home slides (PDF, 1 KB), for Caring at home: "
                                + "https://convene.example.test/materials/" + slides + "/file",
                        "- Handout: Reading list (Web page), for Caring at home: https://example.org/reading")
                .doesNotContain("Easy read summary", "Draft notes");
    }

    private long material(long session, String kind, String title, String rule, String publishAt, String fileType) {
        var insert = db.insertInto(org.convene.db.Tables.SESSION_MATERIAL)
                .set(org.convene.db.Tables.SESSION_MATERIAL.SESSION_ID, session)
                .set(org.convene.db.Tables.SESSION_MATERIAL.KIND, org.convene.materials.MaterialKind.valueOf(kind))
                .set(org.convene.db.Tables.SESSION_MATERIAL.TITLE, title)
                .set(org.convene.db.Tables.SESSION_MATERIAL.PUBLISH_RULE, org.convene.materials.Publication.valueOf(rule))
                .set(org.convene.db.Tables.SESSION_MATERIAL.PUBLISH_AT, publishAt == null ? null : Instant.parse(publishAt))
                .set(org.convene.db.Tables.SESSION_MATERIAL.CREATED_AT, Instant.parse("2036-01-01T00:00:00Z"));
        if (fileType == null) {
            insert = insert.set(org.convene.db.Tables.SESSION_MATERIAL.WEB_ADDRESS, "https://example.org/reading");
        } else {
            insert = insert.set(org.convene.db.Tables.SESSION_MATERIAL.FILE_TYPE, org.convene.materials.FileType.valueOf(fileType))
                    .set(org.convene.db.Tables.SESSION_MATERIAL.FILE_SIZE, 1024L)
                    .set(org.convene.db.Tables.SESSION_MATERIAL.FILE_NAME, "file.pdf");
        }
        return insert.returning(org.convene.db.Tables.SESSION_MATERIAL.ID).fetchSingle().getId();
    }

    @Test
    void an_address_not_yet_confirmed_gets_no_reminders() {
        ConveneUser unconfirmed = person(null);
        db.update(APP_USER).setNull(APP_USER.EMAIL_CONFIRMED_AT).where(APP_USER.ID.eq(unconfirmed.id())).execute();
        long talk = session("Talk", "2036-10-29T12:00:00Z", "2036-10-29T13:00:00Z");
        onAgenda(unconfirmed, talk);

        runAt("2036-10-28T17:00:00Z");
        runAt("2036-10-29T11:45:00Z");

        assertThat(keys(unconfirmed)).isEmpty();
    }

    @Test
    void cancelled_sessions_get_no_reminder_and_a_waiting_one_is_withdrawn() {
        ConveneUser london = person(null);
        long talk = session("Talk", "2036-10-27T12:00:00Z", "2036-10-27T13:00:00Z");
        onAgenda(london, talk);

        runAt("2036-10-27T11:45:00Z");
        assertThat(keys(london)).hasSize(1);

        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CANCELLED_AT, Instant.parse("2036-10-27T11:46:00Z"))
                .where(PROGRAMME_SESSION.ID.eq(talk)).execute();
        runAt("2036-10-27T11:47:00Z");
        assertThat(keys(london)).isEmpty();
    }

    @Test
    void a_session_moved_after_its_reminder_was_queued_gets_one_for_its_new_time_only() {
        ConveneUser london = person(null);
        long talk = session("Talk", "2036-10-28T12:00:00Z", "2036-10-28T13:00:00Z");
        onAgenda(london, talk);
        runAt("2036-10-28T11:50:00Z");
        assertThat(keys(london)).singleElement().asString().endsWith(":" + Instant.parse("2036-10-28T12:00:00Z").getEpochSecond());

        // moved an hour later before the sender took it: the old reminder is withdrawn at the next run
        db.update(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.STARTS_AT, Instant.parse("2036-10-28T13:00:00Z"))
                .set(PROGRAMME_SESSION.ENDS_AT, Instant.parse("2036-10-28T14:00:00Z"))
                .where(PROGRAMME_SESSION.ID.eq(talk)).execute();
        runAt("2036-10-28T11:51:00Z");
        assertThat(keys(london)).isEmpty();

        runAt("2036-10-28T12:45:00Z");
        assertThat(outbox(london)).singleElement().satisfies(r -> {
            assertThat(r.get(MAIL_OUTBOX.IDEMPOTENCY_KEY)).endsWith(":" + Instant.parse("2036-10-28T13:00:00Z").getEpochSecond());
            assertThat(r.get(MAIL_OUTBOX.SUBJECT)).isEqualTo("Starts at 1pm: Talk");
        });
    }

    @Test
    void a_reminder_already_sent_stays_and_is_not_sent_again() {
        ConveneUser london = person(null);
        long talk = session("Talk", "2036-10-29T12:00:00Z", "2036-10-29T13:00:00Z");
        onAgenda(london, talk);
        runAt("2036-10-29T11:45:00Z");
        db.update(MAIL_OUTBOX).set(MAIL_OUTBOX.STATE, MailState.SENT).where(MAIL_OUTBOX.RECIPIENT_USER_ID.eq(london.id())).execute();

        // another node, or this one after a restart
        runAt("2036-10-29T11:46:00Z");
        job.run();

        assertThat(outbox(london)).singleElement()
                .satisfies(r -> assertThat(r.get(MAIL_OUTBOX.STATE)).isEqualTo(MailState.SENT));
    }

    @Test
    void each_kind_of_reminder_respects_the_persons_choice() {
        ConveneUser noSoon = person(null);
        ConveneUser noDay = person(null);
        long talk = session("Talk", "2036-10-30T12:00:00Z", "2036-10-30T13:00:00Z");
        onAgenda(noSoon, talk);
        onAgenda(noDay, talk);
        preferences.set(noSoon.id(), MailTopic.SOON_REMINDER, false);
        preferences.set(noDay.id(), MailTopic.DAY_BEFORE_REMINDER, false);

        runAt("2036-10-29T17:00:00Z");
        runAt("2036-10-30T11:45:00Z");

        assertThat(outbox(noSoon)).extracting(r -> r.get(MAIL_OUTBOX.KIND)).containsExactly("reminder-day");
        assertThat(outbox(noDay)).extracting(r -> r.get(MAIL_OUTBOX.KIND)).containsExactly("reminder-soon");
    }

    @Test
    void two_nodes_running_at_the_same_moment_write_each_reminder_once() throws Exception {
        ConveneUser london = person(null);
        long talk = session("Talk", "2036-10-31T12:00:00Z", "2036-10-31T13:00:00Z");
        onAgenda(london, talk);
        clock.set(Instant.parse("2036-10-30T17:00:00Z"));

        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        List<Thread> nodes = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            Thread node = new Thread(() -> {
                try {
                    together.await();
                    job.run();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            nodes.add(node);
            node.start();
        }
        for (Thread node : nodes) {
            node.join(30_000);
        }

        assertThat(failures).isEmpty();
        assertThat(keys(london)).containsExactly("reminder-day:" + london.id() + ":2036-10-31");
    }
}
