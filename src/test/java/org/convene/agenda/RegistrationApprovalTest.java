package org.convene.agenda;

import org.convene.IntegrationTest;
import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.convene.core.personal.PersonalDataTable;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.MAIL_OUTBOX;
import static org.convene.db.Tables.PROGRAMME_SESSION;
import static org.convene.db.Tables.REGISTRATION_ANSWER;

/** Registration by approval: asking, the hosts' answers, places taken under the lock, and who may answer. */
@IntegrationTest
class RegistrationApprovalTest {

    private static final LocalDate MONDAY = LocalDate.of(2032, 11, 22);

    @Autowired
    AgendaService agenda;
    @Autowired
    RegistrationRequests requests;
    @Autowired
    DSLContext db;
    @Autowired
    AgendaPersonalData personalData;

    ProgrammeFixture fixture;
    long workshop;
    ConveneUser host;
    final List<ConveneUser> people = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        ConferenceSummary week = fixture.conference("Approval week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        HostRef carers = fixture.host("Carers Together");
        workshop = fixture.session(week, "Co-production circle").host(carers).capacity(1)
                .at(MONDAY.plusDays(1).atTime(10, 0), MONDAY.plusDays(1).atTime(11, 0)).create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL, true)
                .where(PROGRAMME_SESSION.ID.eq(workshop)).execute();
        host = fixture.coordinator(carers);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_USER_ID.in(people.stream().map(ConveneUser::id)
                .toList())).execute();
        fixture.cleanUp();
    }

    private ConveneUser asker(String name) {
        ConveneUser user = fixture.account(name);
        people.add(user);
        AccountFixtures.actAs(user);
        agenda.askForPlace(workshop);
        return user;
    }

    private long requestOf(String name) {
        AccountFixtures.actAs(host);
        return requests.pending(workshop, 0, 50).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    private List<String> outboxKinds(ConveneUser user) {
        return db.select(MAIL_OUTBOX.KIND).from(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_USER_ID.eq(user.id()))
                .fetch(MAIL_OUTBOX.KIND);
    }

    @Test
    void asking_takes_no_place_and_puts_nothing_on_the_agenda_until_the_hosts_approve() {
        ConveneUser ada = asker("Ada");

        assertThat(agenda.mySessionIds()).doesNotContain(workshop);
        assertThat(agenda.placeStatus(workshop).state()).isEqualTo(PlaceStatus.State.REQUESTED);
        assertThat(agenda.placeStatus(workshop).taken()).isZero();
        assertThatThrownBy(() -> agenda.add(workshop)).isInstanceOf(ApprovalNeededException.class);

        assertThat(requests.approve(workshop, requestOf("Ada"))).isEqualTo(ApprovalOutcome.APPROVED);

        AccountFixtures.actAs(ada);
        assertThat(agenda.mySessionIds()).contains(workshop);
        assertThat(agenda.placeStatus(workshop).state()).isEqualTo(PlaceStatus.State.ON_AGENDA);
        assertThat(agenda.myRegistrationAnswers()).singleElement()
                .satisfies(answer -> assertThat(answer.approved()).isTrue());
        assertThat(outboxKinds(ada)).containsExactly("registration-approved");
        String key = db.select(MAIL_OUTBOX.IDEMPOTENCY_KEY).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.RECIPIENT_USER_ID.eq(ada.id())).fetchSingle().value1();
        assertThat(key).startsWith("registration-answer:" + ada.id() + ":" + workshop + ":");
    }

    @Test
    void a_decline_carries_the_hosts_message_to_the_agenda_and_the_email() {
        ConveneUser ben = asker("Ben");

        assertThat(requests.decline(workshop, requestOf("Ben"), "  This circle is for carers only.  "))
                .isEqualTo(new SaveResult.Saved<>(true));

        AccountFixtures.actAs(ben);
        assertThat(agenda.mySessionIds()).doesNotContain(workshop);
        assertThat(agenda.placeStatus(workshop).state()).isEqualTo(PlaceStatus.State.ASK);
        RegistrationAnswer answer = agenda.myRegistrationAnswers().getFirst();
        assertThat(answer.approved()).isFalse();
        assertThat(answer.message()).isEqualTo("This circle is for carers only.");
        assertThat(db.select(MAIL_OUTBOX.TEXT_BODY).from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.RECIPIENT_USER_ID.eq(ben.id())).fetchSingle().value1())
                .contains("The hosts could not give you a place this time.")
                .contains("Their message: This circle is for carers only.");
        assertThat(agenda.dismiss(answer)).isTrue();
        assertThat(agenda.myRegistrationAnswers()).isEmpty();
    }

    @Test
    void a_persons_requests_and_the_hosts_answers_are_in_the_download_of_their_data() {
        ConveneUser ben = asker("Ben");
        asker("Cleo");
        requests.decline(workshop, requestOf("Ben"), "This circle is for carers only.");
        AccountFixtures.actAs(asker("Dee"));

        Map<String, PersonalDataTable> bens = personalData.exportFor(ben.id()).stream()
                .collect(Collectors.toMap(PersonalDataTable::name, t -> t));

        assertThat(bens.get("place-requests").rows()).isEmpty();
        assertThat(bens.get("place-answers").rows()).singleElement().satisfies(row -> assertThat(row)
                .contains(Long.toString(workshop), "Co-production circle", "false", "This circle is for carers only."));
        assertThat(personalData.exportFor(people.get(1).id()).stream()
                .filter(t -> t.name().equals("place-requests")).findFirst().orElseThrow().rows()).hasSize(1);
    }

    @Test
    void a_message_over_the_limit_is_refused_clearly_and_the_request_keeps_waiting() {
        asker("Cai");
        long request = requestOf("Cai");

        SaveResult<Boolean> result = requests.decline(workshop, request, "x".repeat(RegistrationRequests.MESSAGE_MAX + 1));

        assertThat(result).isInstanceOf(SaveResult.Invalid.class);
        assertThat(((SaveResult.Invalid<Boolean>) result).problems())
                .containsEntry(RegistrationRequests.MESSAGE, "The message must be 500 characters or fewer. It has 501.");
        assertThat(requests.countPending(workshop)).isEqualTo(1);
    }

    @Test
    void the_database_keeps_the_same_limit_on_a_message() {
        ConveneUser dee = asker("Dee");
        assertThatThrownBy(() -> db.insertInto(REGISTRATION_ANSWER)
                .set(REGISTRATION_ANSWER.USER_ID, dee.id()).set(REGISTRATION_ANSWER.SESSION_ID, workshop)
                .set(REGISTRATION_ANSWER.APPROVED, false)
                .set(REGISTRATION_ANSWER.MESSAGE, "x".repeat(RegistrationRequests.MESSAGE_MAX + 1))
                .set(REGISTRATION_ANSWER.ANSWERED_AT, java.time.Instant.now()).execute())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void approving_when_no_place_is_left_is_refused_and_changes_nothing() {
        asker("Eve");
        ConveneUser fay = asker("Fay");
        requests.approve(workshop, requestOf("Eve"));

        assertThat(requests.approve(workshop, requestOf("Fay"))).isEqualTo(ApprovalOutcome.FULL);

        assertThat(requests.countPending(workshop)).isEqualTo(1);
        AccountFixtures.actAs(fay);
        assertThat(agenda.mySessionIds()).doesNotContain(workshop);
        assertThat(agenda.placeStatus(workshop).state()).isEqualTo(PlaceStatus.State.REQUESTED);
        assertThat(outboxKinds(fay)).isEmpty();
    }

    @Test
    void a_withdrawn_request_is_gone_for_the_hosts() {
        asker("Gil");
        long request = requestOf("Gil");
        AccountFixtures.actAs(people.getLast());
        assertThat(agenda.withdrawRequest(workshop)).isTrue();
        AccountFixtures.actAs(host);

        assertThat(requests.approve(workshop, request)).isEqualTo(ApprovalOutcome.GONE);
        assertThat(requests.decline(workshop, request, null)).isEqualTo(new SaveResult.Saved<>(false));
    }

    @Test
    void an_attendee_cannot_see_approve_or_decline_requests() {
        asker("Hal");
        long request = requestOf("Hal");
        ConveneUser attendee = fixture.attendee();
        AccountFixtures.actAs(attendee);

        assertThatThrownBy(() -> requests.approve(workshop, request)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("host organisation or an organiser");
        assertThatThrownBy(() -> requests.decline(workshop, request, "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.pending(workshop, 0, 10)).isInstanceOf(AccessDeniedException.class);
        AccountFixtures.actAs(host);
        assertThat(requests.countPending(workshop)).isEqualTo(1);
    }

    @Test
    void asking_after_registration_closed_is_refused() {
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_CLOSES_AT, java.time.Instant.now()
                .minusSeconds(60)).where(PROGRAMME_SESSION.ID.eq(workshop)).execute();
        ConveneUser late = fixture.account("Ivy");
        AccountFixtures.actAs(late);

        assertThatThrownBy(() -> agenda.askForPlace(workshop)).isInstanceOf(RegistrationClosedException.class);
        assertThat(agenda.placeStatus(workshop).state()).isEqualTo(PlaceStatus.State.CLOSED);
    }
}
