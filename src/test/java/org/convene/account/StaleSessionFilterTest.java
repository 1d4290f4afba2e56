package org.convene.account;

import org.convene.IntegrationTest;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.Clock;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role and address changes reach a signed-in session at its next request (password changes:
 * PasswordChangeEndsOtherSessionsIT).
 */
@IntegrationTest
class StaleSessionFilterTest {

    @Autowired
    AccountFixtures fixtures;
    @Autowired
    AccountRepository accounts;
    @Autowired
    Clock clock;
    @Autowired
    org.jooq.DSLContext db;

    private static MockHttpSession signedIn(ConveneUser user) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        return session;
    }

    private ConveneUser nextRequest(MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/agenda");
        request.setSession(session);
        new StaleSessionFilter(accounts).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        SecurityContext context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return (ConveneUser) context.getAuthentication().getPrincipal();
    }

    @Test
    void an_organiser_demoted_while_signed_in_loses_the_role_at_the_next_request() throws Exception {
        ConveneUser organiser = fixtures.user("Demoted Organiser", Role.ORGANISER);
        MockHttpSession session = signedIn(organiser);

        accounts.removeRole(organiser.id(), Role.ORGANISER);
        ConveneUser after = nextRequest(session);

        assertThat(after.roles()).isEqualTo(Set.of(Role.ATTENDEE));
        assertThat(after.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ATTENDEE");
        assertThat(session.isInvalid()).as("still signed in").isFalse();
    }

    @Test
    void files_that_are_the_same_for_everyone_are_served_without_checking_the_session() throws Exception {
        ConveneUser organiser = fixtures.user("Static Files Organiser", Role.ORGANISER);
        MockHttpSession session = signedIn(organiser);
        accounts.removeRole(organiser.id(), Role.ORGANISER);

        for (String path : new String[] {"/VAADIN/build/indexhtml-abc.js", "/styles/convene.css", "/images/logo.png"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            request.setSession(session);
            new StaleSessionFilter(accounts).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        }
        SecurityContext untouched = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(untouched.getAuthentication().getPrincipal()).as("not checked, so not refreshed").isSameAs(organiser);

        assertThat(nextRequest(session).roles()).as("the next page request is checked")
                .isEqualTo(Set.of(Role.ATTENDEE));
    }

    @Test
    void a_role_granted_while_signed_in_applies_at_the_next_request_and_nothing_changes_otherwise() throws Exception {
        ConveneUser attendee = fixtures.user("Promoted Attendee");
        MockHttpSession session = signedIn(attendee);
        assertThat(nextRequest(session)).isSameAs(attendee);

        accounts.addRole(attendee.id(), Role.HOST, clock.instant());

        assertThat(nextRequest(session).roles()).isEqualTo(Set.of(Role.ATTENDEE, Role.HOST));
    }

    @Test
    void an_address_changed_in_another_browser_applies_at_the_next_request_without_logging_out() throws Exception {
        ConveneUser mover = fixtures.user("Moving Attendee");
        MockHttpSession session = signedIn(mover);
        String newEmail = AccountFixtures.uniqueEmail("moved");

        accounts.changeEmail(mover.id(), newEmail, clock.instant());
        ConveneUser after = nextRequest(session);

        assertThat(after.email()).isEqualTo(newEmail);
        assertThat(after.roles()).isEqualTo(mover.roles());
        assertThat(session.isInvalid()).as("still signed in").isFalse();
    }

    @Test
    void a_session_of_a_deleted_account_ends_at_its_next_request_and_the_log_in_page_says_why() throws Exception {
        ConveneUser leaving = fixtures.user("Deleted Elsewhere");
        MockHttpSession session = signedIn(leaving);
        new AccountPersonalData(db).deleteAccount(leaving.id());

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/agenda");
        request.setSession(session);
        new StaleSessionFilter(accounts).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(session.isInvalid()).isTrue();
        assertThat(request.getSession().getAttribute(AccountSessions.LOGGED_OUT_BECAUSE))
                .isEqualTo(AccountSessions.ACCOUNT_DELETED);
    }
}
