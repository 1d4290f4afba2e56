package org.convene.certificates;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.attendance.AttendanceFixture;
import org.convene.core.SaveResult;
import org.convene.core.personal.PersonalDataTable;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.PROGRAMME_SESSION;

@IntegrationTest
class CertificateServiceTest {

    static final Instant AFTER = Instant.parse("2031-11-10T12:00:00Z");

    @Autowired
    CertificateService certificates;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;
    @Autowired
    CertificatesPersonalData personalData;

    AttendanceFixture fixture;
    ConveneUser alex;

    @BeforeEach
    void setUp() {
        fixture = new AttendanceFixture(db);
        alex = data.user();
        clock.set(AFTER);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    @Test
    void a_person_who_met_the_rule_gets_a_certificate_with_their_minutes() {
        fixture.stay(alex, "10:00", "10:55");
        AccountFixtures.actAs(alex);

        assertThat(certificates.status(fixture.session)).contains(new CertificateStatus.Ready(55));
        Certificate certificate = certificates.sessionCertificate(fixture.session, alex.id());

        assertThat(certificate.personName()).isEqualTo(alex.displayName());
        assertThat(certificate.subject()).isEqualTo("Planning care together");
        assertThat(certificate.conferenceName()).isEqualTo("Report week");
        assertThat(certificate.totalMinutes()).isEqualTo(55);
        assertThat(certificate.rulePercent()).isEqualTo(85);
        assertThat(certificate.issuedAt()).isEqualTo(AFTER);
        assertThat(certificate.code()).hasSize(CertificateCodes.LENGTH);
    }

    @Test
    void a_persons_certificates_are_in_the_download_of_everything_about_them() {
        fixture.stay(alex, "10:00", "10:55");
        AccountFixtures.actAs(alex);
        Certificate certificate = certificates.sessionCertificate(fixture.session, alex.id());

        List<PersonalDataTable> tables = personalData.exportFor(alex.id());

        assertThat(tables).extracting(PersonalDataTable::name).containsExactly("issued", "sessions");
        assertThat(tables.get(0).rows()).singleElement().satisfies(row -> assertThat(row)
                .contains(certificate.code(), alex.displayName(), "Report week", "55"));
        assertThat(tables.get(1).rows()).singleElement().satisfies(row -> assertThat(row)
                .contains(certificate.code(), "Planning care together", "55"));
        assertThat(personalData.exportFor(data.user().id())).allSatisfy(t -> assertThat(t.rows()).isEmpty());
    }

    @Test
    void a_person_who_did_not_meet_the_rule_is_told_how_long_they_were_there_and_what_it_needs() {
        fixture.stay(alex, "10:00", "10:32");
        AccountFixtures.actAs(alex);

        String reason = "You were at this session for 32 minutes; a certificate needs 51 of its 60 minutes.";
        assertThat(certificates.status(fixture.session)).contains(
                new CertificateStatus.Refused(CertificateStatus.Reason.RULE_NOT_MET, reason));
        assertThatThrownBy(() -> certificates.sessionCertificate(fixture.session, alex.id()))
                .isInstanceOf(CertificateRefusedException.class).hasMessage(reason);
    }

    @Test
    void there_is_no_certificate_before_the_session_ends() {
        fixture.stay(alex, "10:00", "10:55");
        clock.set(Instant.parse("2031-11-10T10:58:00Z"));
        AccountFixtures.actAs(alex);

        assertThatThrownBy(() -> certificates.sessionCertificate(fixture.session, alex.id()))
                .hasMessage("Certificates are ready once the session has ended.");
    }

    @Test
    void switched_off_certificates_are_refused_with_the_reason() {
        fixture.stay(alex, "10:00", "11:00");
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        assertThat(certificates.saveSettings(fixture.week.id(), 85, false)).isInstanceOf(SaveResult.Saved.class);
        AccountFixtures.actAs(alex);

        assertThatThrownBy(() -> certificates.sessionCertificate(fixture.session, alex.id()))
                .isInstanceOf(CertificateRefusedException.class)
                .hasMessage("The organisers of this conference do not give certificates of attendance.");
        assertThatThrownBy(() -> certificates.conferenceCertificate(fixture.week.id(), alex.id()))
                .isInstanceOf(CertificateRefusedException.class);
        assertThat(certificates.mine()).isEmpty();
    }

    @Test
    void someone_elses_certificate_is_refused() {
        fixture.stay(alex, "10:00", "11:00");
        ConveneUser sam = data.user();
        AccountFixtures.actAs(sam);

        assertThatThrownBy(() -> certificates.sessionCertificate(fixture.session, alex.id()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("You can only download your own certificates.");
        assertThatThrownBy(() -> certificates.conferenceCertificate(fixture.week.id(), alex.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> certificates.everyone(fixture.session)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void organisers_get_other_peoples_certificates_only_in_the_bulk_download_that_keeps_the_naming_promise() {
        fixture.stay(alex, "10:00", "11:00");
        AccountFixtures.actAs(data.user(Role.ORGANISER));

        assertThatThrownBy(() -> certificates.sessionCertificate(fixture.session, alex.id()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("You can only download your own certificates.");
        assertThatThrownBy(() -> certificates.conferenceCertificate(fixture.week.id(), alex.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(certificates.everyone(fixture.session).certificates()).isEmpty();
        assertThat(certificates.everyone(fixture.session).notNamed()).isEqualTo(1);
    }

    @Test
    void the_bulk_download_holds_exactly_those_who_met_the_rule_and_agreed_to_be_named() {
        ConveneUser named = data.user();
        ConveneUser unnamed = data.user();
        ConveneUser brief = data.user();
        fixture.named(named);
        fixture.named(brief);
        fixture.stay(named, "10:00", "11:00");
        fixture.stay(unnamed, "10:00", "11:00");
        fixture.stay(brief, "10:00", "10:20");
        ConveneUser coordinator = data.user(Role.HOST);
        fixture.coordinate(coordinator, fixture.host);
        AccountFixtures.actAs(coordinator);

        BulkCertificates all = certificates.everyone(fixture.session);

        assertThat(all.certificates()).extracting(Certificate::personName).containsExactly(named.displayName());
        assertThat(all.notNamed()).isEqualTo(1);
        assertThat(certificates.metRule(fixture.session)).isEqualTo(2);
    }

    @Test
    void the_conference_certificate_lists_the_sessions_met_with_minutes_and_their_total() {
        long second = fixture.programme.session(fixture.week, "Easy read <workshop> & more")
                .at(Instant.parse("2031-11-10T11:00:00Z"), Instant.parse("2031-11-10T11:30:00Z"))
                .host(fixture.host).create();
        long third = fixture.programme.session(fixture.week, "Missed mostly")
                .at(Instant.parse("2031-11-10T11:30:00Z"), Instant.parse("2031-11-10T11:40:00Z"))
                .host(fixture.host).create();
        fixture.stay(alex, "10:00", "10:56");
        stay(second, alex, "11:00", "11:30");
        stay(third, alex, "11:30", "11:31");
        AccountFixtures.actAs(alex);

        Certificate whole = certificates.conferenceCertificate(fixture.week.id(), alex.id());

        assertThat(whole.wholeConference()).isTrue();
        assertThat(whole.lines()).extracting(CertificateLine::sessionTitle, CertificateLine::minutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Planning care together", 56),
                        org.assertj.core.groups.Tuple.tuple("Easy read <workshop> & more", 30));
        assertThat(whole.totalMinutes()).isEqualTo(86);
        assertThat(certificates.mine()).singleElement().satisfies(mine ->
                assertThat(mine.sessions()).extracting(MyCertificates.Session::sessionId)
                        .containsExactly(fixture.session, second));
    }

    @Test
    void a_certificate_verifies_with_its_frozen_facts_after_the_data_changes() {
        fixture.stay(alex, "10:00", "11:00");
        AccountFixtures.actAs(alex);
        Certificate issued = certificates.sessionCertificate(fixture.session, alex.id());

        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.TITLE, "Renamed later")
                .where(PROGRAMME_SESSION.ID.eq(fixture.session)).execute();
        db.update(APP_USER).set(APP_USER.DISPLAY_NAME, "Another name").where(APP_USER.ID.eq(alex.id())).execute();
        SecurityContextHolder.clearContext();

        Certificate verified = certificates.verify(CertificateCodes.grouped(issued.code()).toLowerCase()).orElseThrow();
        assertThat(verified).isEqualTo(issued);
        assertThat(verified.subject()).isEqualTo("Planning care together");
        assertThat(verified.personName()).isEqualTo(alex.displayName());
    }

    @Test
    void downloading_again_with_the_same_facts_gives_the_same_certificate() {
        fixture.stay(alex, "10:00", "11:00");
        AccountFixtures.actAs(alex);

        Certificate first = certificates.sessionCertificate(fixture.session, alex.id());
        clock.set(AFTER.plusSeconds(86_400));
        Certificate again = certificates.sessionCertificate(fixture.session, alex.id());

        assertThat(again).isEqualTo(first);
    }

    @Test
    void an_unknown_or_tampered_code_verifies_nothing() {
        fixture.stay(alex, "10:00", "11:00");
        AccountFixtures.actAs(alex);
        String code = certificates.sessionCertificate(fixture.session, alex.id()).code();
        SecurityContextHolder.clearContext();
        char last = code.charAt(code.length() - 1);
        String tampered = code.substring(0, code.length() - 1) + (last == 'Z' ? 'Y' : 'Z');

        assertThat(certificates.verify(tampered)).isEmpty();
        assertThat(certificates.verify("not a code")).isEmpty();
        assertThat(certificates.verify(String.valueOf(fixture.session))).isEmpty();
    }

    @Test
    void organisers_set_the_rule_from_1_to_100_percent_with_a_clear_message() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));

        assertThat(certificates.saveSettings(fixture.week.id(), 0, true)).isEqualTo(new SaveResult.Invalid<>(
                java.util.Map.of(CertificateSettings.RULE_PERCENT, "The attendance rule must be between 1 and 100 %.")));
        assertThat(certificates.saveSettings(fixture.week.id(), null, true))
                .isInstanceOf(SaveResult.Invalid.class);
        assertThat(certificates.saveSettings(fixture.week.id(), 50, true)).isInstanceOf(SaveResult.Saved.class);
        assertThat(certificates.settings(fixture.week.id()))
                .contains(new CertificateSettings(fixture.week.id(), 50, true));

        fixture.stay(alex, "10:00", "10:32");
        AccountFixtures.actAs(alex);
        assertThat(certificates.status(fixture.session)).contains(new CertificateStatus.Ready(32));
        assertThatThrownBy(() -> certificates.settings(fixture.week.id())).isInstanceOf(AccessDeniedException.class);
    }

    private void stay(long session, ConveneUser user, String from, String to) {
        db.insertInto(org.convene.db.Tables.ATTENDANCE_INTERVAL)
                .set(org.convene.db.Tables.ATTENDANCE_INTERVAL.SESSION_ID, session)
                .set(org.convene.db.Tables.ATTENDANCE_INTERVAL.USER_ID, user.id())
                .set(org.convene.db.Tables.ATTENDANCE_INTERVAL.JOINED_AT, Instant.parse("2031-11-10T" + from + ":00Z"))
                .set(org.convene.db.Tables.ATTENDANCE_INTERVAL.LEFT_AT, Instant.parse("2031-11-10T" + to + ":00Z"))
                .set(org.convene.db.Tables.ATTENDANCE_INTERVAL.LAST_SEEN_AT, Instant.parse("2031-11-10T" + to + ":00Z"))
                .execute();
    }
}
