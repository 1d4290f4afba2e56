package org.convene.organising;

import org.convene.core.SaveResult;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.ProgrammePermissions;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.account.EmailConfirmationService;
import org.convene.account.HostRoleService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.HOST_INVITATION;
import static org.convene.db.Tables.USER_ROLE;

@IntegrationTest
class HostCoordinatorServiceTest {

    @Autowired
    HostCoordinatorService coordinators;
    @Autowired
    HostRoleService hostRoles;
    @Autowired
    ProgrammePermissions permissions;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    DSLContext db;

    ProgrammeFixture fixture;
    ConveneUser organiser;
    HostRef host;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        organiser = data.user(Role.ORGANISER);
        host = fixture.host("Carers Together");
        AccountFixtures.actAs(organiser);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private NewHostInvitation invite(String email) {
        AccountFixtures.actAs(organiser);
        var result = coordinators.invite(host.id(), email);
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved<NewHostInvitation>) result).value();
    }

    private static String token(NewHostInvitation invitation) {
        return invitation.path().substring("/invitations/".length());
    }

    private List<Role> rolesOf(long userId) {
        return db.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).fetch(USER_ROLE.ROLE);
    }

    @Test
    void the_link_holds_a_url_safe_token_of_which_only_a_hash_is_stored() {
        ConveneUser invitee = data.user();
        NewHostInvitation invitation = invite(invitee.email().toUpperCase());

        assertThat(invitation.email()).isEqualTo(invitee.email());
        assertThat(token(invitation)).matches("[A-Za-z0-9_-]{43}");
        String stored = db.select(HOST_INVITATION.TOKEN_HASH).from(HOST_INVITATION)
                .where(HOST_INVITATION.ID.eq(invitation.id())).fetchSingle().value1();
        assertThat(stored).hasSize(64).doesNotContain(token(invitation));
        assertThat(invitation.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(13)));
        assertThat(coordinators.openInvitations(host.id())).extracting(HostInvitation::id)
                .containsExactly(invitation.id());
    }

    @Test
    void accepting_makes_the_person_a_coordinator_with_the_host_role_and_the_link_then_stops_working() {
        ConveneUser invitee = data.user();
        NewHostInvitation invitation = invite(invitee.email());

        AccountFixtures.actAs(invitee);
        assertThat(coordinators.preview(token(invitation)))
                .isEqualTo(new InvitationOutcome.Open(host.id(), host.name()));
        assertThat(coordinators.accept(token(invitation))).isEqualTo(new InvitationOutcome.Open(host.id(), host.name()));

        assertThat(permissions.coordinatedHostIds(invitee.id())).containsExactly(host.id());
        assertThat(rolesOf(invitee.id())).contains(Role.HOST);
        assertThat(hostRoles.reloadSignedIn().roles()).contains(Role.HOST, Role.ATTENDEE);
        assertThat(coordinators.myHosts()).containsExactly(host);

        InvitationOutcome again = coordinators.accept(token(invitation));
        assertThat(again).isInstanceOf(InvitationOutcome.Refused.class);
        assertThat(((InvitationOutcome.Refused) again).reason()).isEqualTo(InvitationOutcome.Reason.ALREADY_USED);

        AccountFixtures.actAs(organiser);
        assertThat(coordinators.openInvitations(host.id())).isEmpty();
        assertThat(coordinators.coordinators(host.id())).extracting(HostCoordinator::userId)
                .containsExactly(invitee.id());
    }

    @Test
    void someone_whose_address_is_not_confirmed_cannot_accept_until_it_is() {
        ConveneUser invitee = data.user();
        db.update(APP_USER).setNull(APP_USER.EMAIL_CONFIRMED_AT).where(APP_USER.ID.eq(invitee.id())).execute();
        NewHostInvitation invitation = invite(invitee.email());

        AccountFixtures.actAs(invitee);
        InvitationOutcome refused = new InvitationOutcome.Refused(InvitationOutcome.Reason.UNCONFIRMED_ADDRESS,
                host.name(), EmailConfirmationService.UNCONFIRMED_COORDINATOR);
        assertThat(coordinators.preview(token(invitation))).isEqualTo(refused);
        assertThat(coordinators.accept(token(invitation))).isEqualTo(refused);
        assertThat(permissions.coordinatedHostIds(invitee.id())).isEmpty();
        assertThat(rolesOf(invitee.id())).doesNotContain(Role.HOST);

        db.update(APP_USER).set(APP_USER.EMAIL_CONFIRMED_AT, Instant.now()).where(APP_USER.ID.eq(invitee.id()))
                .execute();
        assertThat(coordinators.accept(token(invitation))).isEqualTo(new InvitationOutcome.Open(host.id(), host.name()));
    }

    @Test
    void someone_signed_in_with_another_address_cannot_accept() {
        ConveneUser invitee = data.user();
        NewHostInvitation invitation = invite(invitee.email());
        ConveneUser other = data.user();

        AccountFixtures.actAs(other);
        InvitationOutcome outcome = coordinators.accept(token(invitation));

        assertThat(outcome).isEqualTo(new InvitationOutcome.Refused(InvitationOutcome.Reason.WRONG_ACCOUNT,
                host.name(), "This invitation is for a different email address. Log in with the address it was "
                        + "sent to."));
        assertThat(permissions.coordinatedHostIds(other.id())).isEmpty();
        assertThat(rolesOf(other.id())).doesNotContain(Role.HOST);
    }

    @Test
    void an_invitation_expires_after_fourteen_days() {
        clock.set(Instant.parse("2031-03-01T09:00:00Z"));
        ConveneUser invitee = data.user();
        NewHostInvitation invitation = invite(invitee.email());

        clock.set(Instant.parse("2031-03-15T08:59:59Z"));
        AccountFixtures.actAs(invitee);
        assertThat(coordinators.preview(token(invitation))).isInstanceOf(InvitationOutcome.Open.class);

        clock.set(Instant.parse("2031-03-15T09:00:00Z"));
        InvitationOutcome outcome = coordinators.accept(token(invitation));
        assertThat(outcome).isInstanceOf(InvitationOutcome.Refused.class);
        assertThat(((InvitationOutcome.Refused) outcome).reason()).isEqualTo(InvitationOutcome.Reason.EXPIRED);
        assertThat(((InvitationOutcome.Refused) outcome).message()).startsWith("This invitation has expired.");
        assertThat(permissions.coordinatedHostIds(invitee.id())).isEmpty();

        AccountFixtures.actAs(organiser);
        assertThat(coordinators.openInvitations(host.id())).singleElement().extracting(HostInvitation::expired)
                .isEqualTo(true);
    }

    @Test
    void a_revoked_invitation_and_a_replaced_one_cannot_be_accepted() {
        ConveneUser invitee = data.user();
        NewHostInvitation first = invite(invitee.email());
        NewHostInvitation second = invite(invitee.email());
        NewHostInvitation third = invite(data.user().email());
        assertThat(coordinators.openInvitations(host.id())).extracting(HostInvitation::id)
                .containsExactlyInAnyOrder(second.id(), third.id());
        assertThat(coordinators.revokeInvitation(second.id())).isTrue();
        assertThat(coordinators.revokeInvitation(second.id())).as("already revoked").isFalse();

        AccountFixtures.actAs(invitee);
        for (NewHostInvitation invitation : List.of(first, second)) {
            InvitationOutcome outcome = coordinators.accept(token(invitation));
            assertThat(((InvitationOutcome.Refused) outcome).reason()).isEqualTo(InvitationOutcome.Reason.REVOKED);
        }
        assertThat(((InvitationOutcome.Refused) coordinators.accept("made-up-token")).reason())
                .isEqualTo(InvitationOutcome.Reason.UNKNOWN);
        assertThat(permissions.coordinatedHostIds(invitee.id())).isEmpty();
    }

    @Test
    void invitations_need_a_real_address_and_not_an_existing_coordinator() {
        ConveneUser invitee = data.user();
        NewHostInvitation invitation = invite(invitee.email());
        AccountFixtures.actAs(invitee);
        coordinators.accept(token(invitation));
        AccountFixtures.actAs(organiser);

        assertThat(coordinators.invite(host.id(), " ")).isEqualTo(new SaveResult.Invalid<>(java.util.Map.of(
                HostCoordinatorService.EMAIL, "Enter the email address of the person to invite")));
        assertThat(coordinators.invite(host.id(), "no-at-sign")).isEqualTo(new SaveResult.Invalid<>(
                java.util.Map.of(HostCoordinatorService.EMAIL,
                        "Enter an email address in the correct format, like name@example.org")));
        assertThat(coordinators.invite(host.id(), invitee.email())).isEqualTo(new SaveResult.Invalid<>(
                java.util.Map.of(HostCoordinatorService.EMAIL,
                        "The person with this email address already coordinates this organisation")));
    }

    @Test
    void removing_a_coordinators_last_organisation_takes_the_host_role_away() {
        HostRef second = fixture.host("Second host");
        ConveneUser invitee = data.user();
        NewHostInvitation one = invite(invitee.email());
        AccountFixtures.actAs(organiser);
        NewHostInvitation two = ((SaveResult.Saved<NewHostInvitation>) coordinators.invite(second.id(),
                invitee.email())).value();
        AccountFixtures.actAs(invitee);
        coordinators.accept(token(one));
        coordinators.accept(token(two));

        AccountFixtures.actAs(organiser);
        assertThat(coordinators.removeCoordinator(host.id(), invitee.id())).isTrue();
        assertThat(rolesOf(invitee.id())).as("still coordinates the second host").contains(Role.HOST);

        assertThat(coordinators.removeCoordinator(second.id(), invitee.id())).isTrue();
        assertThat(rolesOf(invitee.id())).doesNotContain(Role.HOST).contains(Role.ATTENDEE);
        assertThat(permissions.coordinatedHostIds(invitee.id())).isEmpty();
    }

    @Test
    void only_organisers_invite_revoke_list_and_remove() {
        ConveneUser invitee = data.user();
        NewHostInvitation invitation = invite(invitee.email());
        List<Supplier<?>> calls = List.of(
                () -> coordinators.invite(host.id(), "someone@test.example"),
                () -> coordinators.openInvitations(host.id()),
                () -> coordinators.coordinators(host.id()),
                () -> coordinators.revokeInvitation(invitation.id()),
                () -> coordinators.removeCoordinator(host.id(), invitee.id()));
        for (ConveneUser user : List.of(data.user(), data.user(Role.HOST), data.user(Role.FACILITATOR))) {
            AccountFixtures.actAs(user);
            for (Supplier<?> call : calls) {
                assertThatThrownBy(call::get).isInstanceOf(AccessDeniedException.class);
            }
        }
        AccountFixtures.actAs(organiser);
        assertThat(coordinators.openInvitations(host.id())).extracting(HostInvitation::id)
                .containsExactly(invitation.id());
    }

    @Test
    void an_invitation_to_an_address_with_a_nul_is_refused_on_the_email_field() {
        AccountFixtures.actAs(organiser);
        assertThat(coordinators.invite(host.id(), "someone\u0000@example.org")).isEqualTo(new SaveResult.Invalid<>(
                java.util.Map.of(HostCoordinatorService.EMAIL, "The email address contains a character that cannot be stored (a control character). Remove it and try again.")));
    }
}
