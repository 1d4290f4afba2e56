package org.convene.account;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.core.personal.PersonalDataTable;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.mail.MailState;
import org.convene.programme.AccessFeature;
import org.convene.accesshelp.HelpKind;
import org.convene.polls.PollState;
import org.convene.qa.LiveBoards;
import org.convene.qa.QuestionState;
import org.convene.qa.QuestionView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.account.AccountFixtures.actAs;
import static org.convene.db.Tables.ACCESS_HELP_SIGNAL;
import static org.convene.db.Tables.ACCESS_NEEDS;
import static org.convene.db.Tables.ACCESS_NEED_FEATURE;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.API_TOKEN;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.CAPTION_PREFERENCE;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.HOST_INVITATION;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.MAIL_OUTBOX;
import static org.convene.db.Tables.PERSON;
import static org.convene.db.Tables.QA_EVENT;
import static org.convene.db.Tables.SESSION_MATERIAL;
import static org.convene.db.Tables.PLACE_GIVEN;
import static org.convene.db.Tables.POLL;
import static org.convene.db.Tables.POLL_ANSWER;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.QUESTION;
import static org.convene.db.Tables.QUESTION_REPLY;
import static org.convene.db.Tables.QUESTION_VOTE;
import static org.convene.db.Tables.REMINDER_SETTING;
import static org.convene.db.Tables.SESSION_FEEDBACK;
import static org.convene.db.Tables.USER_ROLE;
import static org.convene.db.Tables.WAITING_LIST_ENTRY;

/**
 * The download of everything held about a person and the two ways an account goes (deleted by its person,
 * anonymised by an organiser), against the real database. Each test runs in a transaction that is rolled back, so
 * the deleted accounts and the organiser rows removed for the last-organiser rule do not leak into other tests.
 */
@IntegrationTest
@Transactional
class PersonalDataServiceTest {

    @Autowired
    PersonalDataService personalData;
    @Autowired
    AccountFixtures fixtures;
    @Autowired
    TestData data;
    @Autowired
    LiveBoards boards;
    @Autowired
    DSLContext db;

    private final Instant now = Instant.parse("2026-03-02T10:00:00Z");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_download_has_every_section_with_the_persons_own_rows_and_nothing_of_anyone_elses() {
        ConveneUser ada = fixtures.user("Ada Download");
        ConveneUser bob = fixtures.user("Bob Otherperson");
        long session = session(null);
        holdEverything(ada, session, "ada");
        holdEverything(bob, session, "bob");

        List<PersonalDataZip.Section> sections = personalData.sectionsFor(ada.id());

        assertThat(sections).extracting(PersonalDataZip.Section::name).containsExactly("account",
                "access", "access-help", "agenda", "attendance", "captions", "certificates", "email", "materials", "polls",
                "programme", "questions", "reminders");
        Map<String, PersonalDataTable> tables = new HashMap<>();
        sections.forEach(s -> s.tables().forEach(t -> tables.put(s.name() + "-" + t.name(), t)));
        assertThat(cells(tables.get("account-details"))).contains("Ada Download", ada.email());
        assertThat(cells(tables.get("account-roles"))).contains("ATTENDEE");
        assertThat(cells(tables.get("account-tokens"))).contains("ada token");
        assertThat(cells(tables.get("agenda-agenda"))).contains(Long.toString(session));
        assertThat(cells(tables.get("questions-asked"))).contains("ada asks");
        assertThat(cells(tables.get("questions-votes"))).contains("bob asks");
        assertThat(cells(tables.get("questions-replies"))).contains("ada replies");
        assertThat(tables.get("attendance-times").rows()).hasSize(1);
        assertThat(cells(tables.get("access-needs"))).contains("LIVE_CAPTIONS");
        assertThat(cells(tables.get("access-help-signals"))).contains("ada needs help");
        assertThat(cells(tables.get("polls-answers"))).contains("2");
        assertThat(cells(tables.get("polls-feedback"))).contains("ada liked it");
        assertThat(tables.get("captions-choices").rows()).hasSize(1);
        assertThat(cells(tables.get("reminders-settings"))).contains("Europe/Paris");
        assertThat(cells(tables.get("email-messages"))).contains("ada subject");
        assertThat(cells(tables.get("programme-speaker-profile"))).contains("ada speaker");
        assertThat(cells(tables.get("programme-invitations"))).contains(ada.email());
        assertThat(cells(tables.get("programme-hosts-you-coordinate"))).anyMatch(c -> c.startsWith("ada host"));
        assertThat(cells(tables.get("materials-added"))).contains("ada slides");

        String everything = String.join(" ", tables.values().stream().flatMap(t -> cells(t).stream()).toList());
        assertThat(everything).doesNotContain("bob replies", "bob needs help", "bob liked it",
                "bob subject", "bob token", "bob speaker", "bob host", "bob slides", bob.email(), "Bob Otherperson");
    }

    @Test
    void the_download_is_a_zip_of_spreadsheet_files_with_a_read_me_for_the_signed_in_person_only() throws IOException {
        ConveneUser ada = fixtures.user("Ada Zip");
        ConveneUser bob = fixtures.user("Bob Zip");
        long session = session(null);
        holdEverything(ada, session, "ada");
        holdEverything(bob, session, "bob");
        actAs(ada);

        Map<String, String> files = unzip(personalData.myDataZip());

        assertThat(files).containsKeys("read-me.txt", "account-details.csv", "questions-asked.csv");
        assertThat(files.get("read-me.txt")).contains("questions-asked.csv: The questions you asked");
        assertThat(files.get("questions-asked.csv")).startsWith("\uFEFFSession id,").contains("ada asks")
                .doesNotContain("bob asks");
        assertThat(String.join("", files.values())).doesNotContain(bob.email());
    }

    @Test
    void deleting_an_account_keeps_its_questions_as_a_former_attendees_and_removes_its_votes_and_attendance() {
        ConveneUser ada = fixtures.user("Ada Leaving");
        ConveneUser bob = fixtures.user("Bob Staying");
        long session = session(null);
        holdEverything(ada, session, "ada");
        holdEverything(bob, session, "bob");
        long bobsQuestion = db.select(QUESTION.ID).from(QUESTION).where(QUESTION.AUTHOR_ID.eq(bob.id())).fetchSingle().value1();
        actAs(ada);

        personalData.deleteMyAccount();

        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(ada.id()))).isFalse();
        List<QuestionView> shown = boards.read(session).publicQuestions();
        assertThat(shown).filteredOn(q -> q.text().equals("ada asks")).singleElement()
                .satisfies(q -> assertThat(q.authorName()).isEqualTo("A former attendee"));
        assertThat(shown).filteredOn(q -> q.text().equals("bob asks")).singleElement()
                .satisfies(q -> {
                    assertThat(q.authorName()).isEqualTo("Bob Staying");
                    assertThat(q.votes()).as("the count stays; the vote is no longer linked to Ada").isEqualTo(1);
                    assertThat(q.replies()).extracting(r -> r.authorName()).containsExactly("A former attendee");
                });
        long adasQuestion = shown.stream().filter(q -> q.text().equals("ada asks")).findFirst().orElseThrow().id();
        assertThat(db.select(QA_EVENT.QUESTION_ID).from(QA_EVENT)
                .where(QA_EVENT.SESSION_ID.eq(session), QA_EVENT.STREAM.eq(org.convene.qa.QaStream.PUBLIC),
                        QA_EVENT.TYPE.eq("question.updated")).fetch(QA_EVENT.QUESTION_ID))
                .as("open pages are told both questions now show another name")
                .containsExactlyInAnyOrder(adasQuestion, bobsQuestion);
        assertThat(db.fetchCount(QUESTION_VOTE, QUESTION_VOTE.QUESTION_ID.eq(bobsQuestion))).isZero();
        assertThat(db.fetchCount(ATTENDANCE_INTERVAL, ATTENDANCE_INTERVAL.SESSION_ID.eq(session))).as("Bob's only")
                .isEqualTo(1);
        assertThat(db.fetchCount(ACCESS_NEEDS, ACCESS_NEEDS.USER_ID.eq(ada.id()))).isZero();
        assertThat(db.fetchCount(API_TOKEN, API_TOKEN.USER_ID.eq(ada.id()))).isZero();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.SUBJECT.eq("ada subject"))).as("it held her address")
                .isZero();
        assertThat(db.fetchCount(HOST_INVITATION, HOST_INVITATION.EMAIL.eq(ada.email()))).as("it held her address")
                .isZero();
        assertThat(db.select(PERSON.USER_ID).from(PERSON).where(PERSON.NAME.eq("ada speaker")).fetchSingle().value1())
                .as("the programme's profile stays, unlinked").isNull();
        assertThat(db.fetchCount(SESSION_FEEDBACK, SESSION_FEEDBACK.COMMENT.eq("ada liked it")))
                .as("feedback stays in the counts, linked to nobody").isEqualTo(1);
        assertThat(personalData.sectionsFor(bob.id()).stream().flatMap(s -> s.tables().stream())
                .mapToInt(t -> t.rows().size()).sum()).as("Bob keeps everything").isGreaterThan(10);
    }

    @Test
    void deleting_an_account_gives_its_place_to_the_first_person_waiting() {
        ConveneUser ada = fixtures.user("Ada Place");
        ConveneUser carol = fixtures.user("Carol Waiting");
        long session = session(1);
        db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, ada.id()).set(AGENDA_ITEM.SESSION_ID, session)
                .set(AGENDA_ITEM.ADDED_AT, now).execute();
        db.insertInto(WAITING_LIST_ENTRY).set(WAITING_LIST_ENTRY.USER_ID, carol.id())
                .set(WAITING_LIST_ENTRY.SESSION_ID, session).set(WAITING_LIST_ENTRY.JOINED_AT, now).execute();
        actAs(ada);

        personalData.deleteMyAccount();

        assertThat(db.fetchExists(AGENDA_ITEM, AGENDA_ITEM.USER_ID.eq(carol.id()), AGENDA_ITEM.SESSION_ID.eq(session)))
                .isTrue();
        assertThat(db.fetchExists(PLACE_GIVEN, PLACE_GIVEN.USER_ID.eq(carol.id()), PLACE_GIVEN.SESSION_ID.eq(session)))
                .as("Carol is told").isTrue();
        assertThat(db.fetchCount(WAITING_LIST_ENTRY, WAITING_LIST_ENTRY.SESSION_ID.eq(session))).isZero();
    }

    @Test
    void the_only_organiser_cannot_delete_their_account() {
        ConveneUser organiser = onlyOrganiser();
        actAs(organiser);

        assertThatThrownBy(() -> personalData.deleteMyAccount())
                .isInstanceOf(AccountDeletionRefusedException.class)
                .hasMessage("You are the only organiser, so you cannot delete your account. Make someone else an "
                        + "organiser first, on the page of people’s accounts.");
        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(organiser.id()))).isTrue();
    }

    @Test
    void an_organiser_may_delete_their_account_while_another_organiser_remains() {
        ConveneUser leaving = fixtures.user("Leaving Organiser", Role.ORGANISER);
        fixtures.user("Staying Organiser", Role.ORGANISER);
        actAs(leaving);

        personalData.deleteMyAccount();

        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(leaving.id()))).isFalse();
    }

    @Test
    void an_organiser_anonymises_a_person_as_if_they_had_deleted_their_account() {
        ConveneUser ada = fixtures.user("Ada Asked Us");
        long session = session(null);
        holdEverything(ada, session, "ada");
        actAs(fixtures.user("Olive Organiser", Role.ORGANISER));

        personalData.anonymise(ada.id());

        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(ada.id()))).isFalse();
        assertThat(boards.read(session).publicQuestions()).extracting(QuestionView::authorName)
                .containsExactly("A former attendee");
    }

    @Test
    void only_organisers_may_anonymise_someone() {
        ConveneUser ada = fixtures.user("Ada Target");
        actAs(fixtures.user("Fred Facilitator", Role.FACILITATOR));

        assertThatThrownBy(() -> personalData.anonymise(ada.id())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only organisers can anonymise a person’s account.");
        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(ada.id()))).isTrue();
    }

    @Test
    void the_only_organiser_cannot_be_anonymised_and_an_unknown_account_is_named_as_such() {
        ConveneUser organiser = onlyOrganiser();
        actAs(organiser);

        assertThatThrownBy(() -> personalData.anonymise(organiser.id()))
                .isInstanceOf(AccountDeletionRefusedException.class);
        assertThatThrownBy(() -> personalData.anonymise(-1)).isInstanceOf(NoSuchUserException.class);
    }

    private ConveneUser onlyOrganiser() {
        ConveneUser organiser = fixtures.user("Only Organiser", Role.ORGANISER);
        // Other test classes leave organisers behind; this transaction is rolled back afterwards.
        db.deleteFrom(USER_ROLE).where(USER_ROLE.ROLE.eq(Role.ORGANISER), USER_ROLE.USER_ID.ne(organiser.id())).execute();
        return organiser;
    }

    private long session(Integer capacity) {
        long conference = data.conference("Europe/London", java.time.LocalDate.of(2026, 3, 1),
                java.time.LocalDate.of(2026, 3, 3));
        long session = data.session(conference, TestData.unique("Session"), now, now.plusSeconds(3600));
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.CAPACITY, capacity)
                .where(PROGRAMME_SESSION.ID.eq(session)).execute();
        return session;
    }

    /** A row in every table that can hold something about a person; texts start with the given tag. */
    private void holdEverything(ConveneUser user, long session, String tag) {
        long id = user.id();
        db.insertInto(API_TOKEN).set(API_TOKEN.USER_ID, id).set(API_TOKEN.NAME, tag + " token")
                .set(API_TOKEN.TOKEN_HASH, TestData.unique("hash")).set(API_TOKEN.CREATED_AT, now).execute();
        db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, id).set(AGENDA_ITEM.SESSION_ID, session)
                .set(AGENDA_ITEM.ADDED_AT, now).execute();
        long question = db.insertInto(QUESTION).set(QUESTION.SESSION_ID, session).set(QUESTION.AUTHOR_ID, id)
                .set(QUESTION.TEXT, tag + " asks").set(QUESTION.STATE, QuestionState.APPROVED)
                .set(QUESTION.VOTE_COUNT, 1).set(QUESTION.CREATED_AT, now).set(QUESTION.UPDATED_AT, now)
                .returning(QUESTION.ID).fetchSingle().getId();
        // everyone votes for and replies to the other's question: their own rows, on someone else's question
        long other = db.select(QUESTION.ID).from(QUESTION)
                .where(QUESTION.SESSION_ID.eq(session), QUESTION.ID.ne(question)).fetchOptional(QUESTION.ID)
                .orElse(question);
        if (other != question) {
            long otherAuthor = db.select(QUESTION.AUTHOR_ID).from(QUESTION).where(QUESTION.ID.eq(other)).fetchSingle().value1();
            db.insertInto(QUESTION_VOTE).set(QUESTION_VOTE.QUESTION_ID, other).set(QUESTION_VOTE.USER_ID, id)
                    .set(QUESTION_VOTE.CREATED_AT, now).execute();
            db.insertInto(QUESTION_VOTE).set(QUESTION_VOTE.QUESTION_ID, question).set(QUESTION_VOTE.USER_ID, otherAuthor)
                    .set(QUESTION_VOTE.CREATED_AT, now).execute();
            db.insertInto(QUESTION_REPLY).set(QUESTION_REPLY.QUESTION_ID, other).set(QUESTION_REPLY.AUTHOR_ID, id)
                    .set(QUESTION_REPLY.AUTHOR_NAME, user.displayName()).set(QUESTION_REPLY.TEXT, tag + " replies")
                    .set(QUESTION_REPLY.CREATED_AT, now).execute();
            String otherTag = tag.equals("ada") ? "bob" : "ada";
            db.insertInto(QUESTION_REPLY).set(QUESTION_REPLY.QUESTION_ID, question)
                    .set(QUESTION_REPLY.AUTHOR_ID, otherAuthor).set(QUESTION_REPLY.AUTHOR_NAME, "Someone")
                    .set(QUESTION_REPLY.TEXT, otherTag + " replies").set(QUESTION_REPLY.CREATED_AT, now).execute();
        }
        db.insertInto(ATTENDANCE_INTERVAL).set(ATTENDANCE_INTERVAL.SESSION_ID, session)
                .set(ATTENDANCE_INTERVAL.USER_ID, id).set(ATTENDANCE_INTERVAL.JOINED_AT, now)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, now.plusSeconds(600))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, now.plusSeconds(600)).execute();
        db.insertInto(ACCESS_NEEDS).set(ACCESS_NEEDS.USER_ID, id).set(ACCESS_NEEDS.UPDATED_AT, now).execute();
        db.insertInto(ACCESS_NEED_FEATURE).set(ACCESS_NEED_FEATURE.USER_ID, id)
                .set(ACCESS_NEED_FEATURE.FEATURE, AccessFeature.LIVE_CAPTIONS).execute();
        db.insertInto(ACCESS_HELP_SIGNAL).set(ACCESS_HELP_SIGNAL.SESSION_ID, session).set(ACCESS_HELP_SIGNAL.USER_ID, id)
                .set(ACCESS_HELP_SIGNAL.KIND, HelpKind.SOMETHING_ELSE).set(ACCESS_HELP_SIGNAL.NOTE, tag + " needs help")
                .set(ACCESS_HELP_SIGNAL.SENT_AT, now).execute();
        long poll = db.insertInto(POLL).set(POLL.SESSION_ID, session).set(POLL.QUESTION, tag + " poll")
                .set(POLL.MULTIPLE, false).set(POLL.ANONYMOUS, false).set(POLL.STATE, PollState.OPEN)
                .set(POLL.CREATED_AT, now).set(POLL.OPENED_AT, now).returning(POLL.ID).fetchSingle().getId();
        db.insertInto(POLL_ANSWER).set(POLL_ANSWER.POLL_ID, poll).set(POLL_ANSWER.USER_ID, id)
                .set(POLL_ANSWER.CHOICES, new Short[]{2}).set(POLL_ANSWER.ANSWERED_AT, now).execute();
        db.insertInto(SESSION_FEEDBACK).set(SESSION_FEEDBACK.SESSION_ID, session).set(SESSION_FEEDBACK.USER_ID, id)
                .set(SESSION_FEEDBACK.COMMENT, tag + " liked it").set(SESSION_FEEDBACK.BY_PHONE, false)
                .set(SESSION_FEEDBACK.GIVEN_AT, now).execute();
        db.insertInto(CAPTION_PREFERENCE).set(CAPTION_PREFERENCE.USER_ID, id).set(CAPTION_PREFERENCE.LARGE_TEXT, true)
                .execute();
        db.insertInto(REMINDER_SETTING).set(REMINDER_SETTING.USER_ID, id)
                .set(REMINDER_SETTING.TIME_ZONE, java.time.ZoneId.of("Europe/Paris")).execute();
        db.insertInto(MAIL_OUTBOX).set(MAIL_OUTBOX.IDEMPOTENCY_KEY, TestData.unique("key")).set(MAIL_OUTBOX.KIND, "test")
                .set(MAIL_OUTBOX.RECIPIENT_USER_ID, id).set(MAIL_OUTBOX.TO_ADDRESS, user.email())
                .set(MAIL_OUTBOX.SUBJECT, tag + " subject").set(MAIL_OUTBOX.TEXT_BODY, "text")
                .set(MAIL_OUTBOX.HTML_BODY, "<p>text</p>").set(MAIL_OUTBOX.STATE, MailState.SENT)
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now).set(MAIL_OUTBOX.CREATED_AT, now).execute();
        db.insertInto(PERSON).set(PERSON.NAME, tag + " speaker").set(PERSON.USER_ID, id).execute();
        long host = db.insertInto(HOST_ORGANISATION).set(HOST_ORGANISATION.NAME, TestData.unique(tag + " host"))
                .returning(HOST_ORGANISATION.ID).fetchSingle().getId();
        db.insertInto(HOST_COORDINATOR).set(HOST_COORDINATOR.HOST_ID, host).set(HOST_COORDINATOR.USER_ID, id)
                .set(HOST_COORDINATOR.ADDED_AT, now).execute();
        db.insertInto(HOST_INVITATION).set(HOST_INVITATION.HOST_ID, host).set(HOST_INVITATION.EMAIL, user.email())
                .set(HOST_INVITATION.TOKEN_HASH, TestData.unique("hash")).set(HOST_INVITATION.CREATED_AT, now)
                .set(HOST_INVITATION.EXPIRES_AT, now.plusSeconds(3600)).execute();
        db.insertInto(SESSION_MATERIAL).set(SESSION_MATERIAL.SESSION_ID, session)
                .set(SESSION_MATERIAL.KIND, org.convene.materials.MaterialKind.SLIDES)
                .set(SESSION_MATERIAL.TITLE, tag + " slides").set(SESSION_MATERIAL.WEB_ADDRESS, "https://example.org/s")
                .set(SESSION_MATERIAL.PUBLISH_RULE, org.convene.materials.Publication.HIDDEN)
                .set(SESSION_MATERIAL.CREATED_BY, id).set(SESSION_MATERIAL.CREATED_AT, now).execute();
    }

    private static List<String> cells(PersonalDataTable table) {
        return table.rows().stream().flatMap(List::stream).toList();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
