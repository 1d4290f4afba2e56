package org.convene.organising.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.attendance.ui.ReportsView;
import org.convene.account.EmailConfirmationService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.organising.HostCoordinatorService;
import org.convene.programme.HostRef;
import org.convene.organising.NewHostInvitation;
import org.convene.programme.ProgrammeFixture;
import org.convene.core.SaveResult;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.Duration;
import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;

class InvitationViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;
    @Autowired
    HostCoordinatorService coordinators;

    ProgrammeFixture fixture;
    HostRef host;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        host = fixture.host("Carers Together");
    }

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    private String invite(String email) {
        login(data.user(Role.ORGANISER));
        var result = coordinators.invite(host.id(), email);
        logout();
        String path = ((SaveResult.Saved<NewHostInvitation>) result).value().path();
        return path.substring("/invitations/".length());
    }

    /**
     * Signs in for the rest of the test the way a real request sees it: Spring's request wrapper answers
     * isUserInRole from the security context, so a refreshed context counts on the next navigation.
     */
    private void signInAs(ConveneUser user) {
        login(user);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserInRole((principal, role) -> SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    private void open(String token) {
        UI.getCurrent().navigate(InvitationView.class, new RouteParameters("token", token));
    }

    @Test
    void accepting_makes_them_a_coordinator_and_a_host_page_opens_straight_away() {
        ConveneUser invitee = data.user();
        String token = invite(invitee.email());
        signInAs(invitee);
        assertCannotOpen(ReportsView.class);

        open(token);
        assertThat(_get(H1.class).getText()).isEqualTo("Coordinate " + host.name() + "\u2019s sessions");
        _click(_get(Button.class, spec -> spec.withText("Accept the invitation")));

        assertThat(_get(H1.class).getText()).isEqualTo("You now coordinate " + host.name());
        assertThat(_get(Anchor.class, spec -> spec.withText("See the attendance reports of your sessions")).getHref())
                .isEqualTo("reports");
        Object stored = VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(false)
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(((ConveneUser) ((SecurityContext) stored).getAuthentication().getPrincipal()).roles())
                .as("the session keeps the new role for later requests").contains(Role.HOST);

        UI.getCurrent().navigate(ReportsView.class);
        assertThat(_find(ReportsView.class)).hasSize(1);
    }

    @Test
    void someone_logged_in_with_another_address_is_told_to_use_the_invited_one() {
        String token = invite(TestData.unique("invitee") + "@test.example");
        ConveneUser other = data.user();
        signInAs(other);

        open(token);

        assertThat(_get(H1.class).getText()).isEqualTo("You cannot use this invitation");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains(
                "This invitation is for a different email address. Log in with the address it was sent to.",
                "You are logged in as " + other.email() + ".");
        assertThat(_find(Button.class, spec -> spec.withText("Accept the invitation"))).isEmpty();
    }

    @Test
    void someone_whose_address_is_not_confirmed_is_told_why_and_where_to_confirm_it() {
        ConveneUser invitee = data.user();
        db.update(APP_USER).setNull(APP_USER.EMAIL_CONFIRMED_AT).where(APP_USER.ID.eq(invitee.id())).execute();
        String token = invite(invitee.email());
        signInAs(invitee);

        open(token);

        assertThat(_get(H1.class).getText()).isEqualTo("You cannot use this invitation");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .contains(EmailConfirmationService.UNCONFIRMED_COORDINATOR);
        assertThat(_get(Anchor.class, spec -> spec.withText("Go to your account page to confirm your address"))
                .getHref()).isEqualTo("account");
        assertThat(_find(Button.class, spec -> spec.withText("Accept the invitation"))).isEmpty();
    }

    @Test
    void an_expired_or_unknown_link_says_so() {
        ConveneUser invitee = data.user();
        String token = invite(invitee.email());
        signInAs(invitee);
        clock.set(Instant.now().plus(Duration.ofDays(15)));

        open(token);
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .contains("This invitation has expired. Invitations work for 14 days. Ask the organisers for a new one.");

        open("not-a-real-token");
        assertThat(_get(H1.class).getText()).isEqualTo("You cannot use this invitation");
    }

    @Test
    void someone_not_logged_in_is_sent_to_log_in_and_the_link_is_kept_for_afterwards() {
        String token = invite(data.user().email());

        try {
            open(token);
        } catch (com.github.mvysny.kaributesting.v10.MockAccessDeniedException expected) {
            // Karibu's stand-in for the redirect
        }

        assertThat(_find(InvitationView.class)).isEmpty();
        // Vaadin's access control keeps the address it refused; after log-in, the success handler that
        // VaadinSecurityConfigurer installs sends the person back to it.
        assertThat(VaadinServletRequest.getCurrent().getHttpServletRequest().getSession()
                .getAttribute(com.vaadin.flow.server.auth.NavigationAccessControl.SESSION_STORED_REDIRECT))
                .isEqualTo("invitations/" + token);
    }
}
