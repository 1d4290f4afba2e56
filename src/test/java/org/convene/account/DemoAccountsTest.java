package org.convene.account;


import org.convene.IntegrationTest;
import org.convene.core.DemoMode;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Each test runs in a transaction that is rolled back, so it can empty app_user (which the other test
 * classes fill) without disturbing them.
 */
@IntegrationTest
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class DemoAccountsTest {

    @Autowired
    AccountRepository repository;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    Clock clock;
    @Autowired
    DSLContext db;
    @Autowired
    ThrottledAuthenticationProvider logIn;

    private DemoAccounts demoAccounts(boolean demoModeActive) {
        DemoMode demoMode = mock(DemoMode.class);
        when(demoMode.isActive()).thenReturn(demoModeActive);
        return new DemoAccounts(demoMode, repository, passwordEncoder, clock);
    }

    @Test
    void demo_mode_on_an_empty_database_creates_exactly_the_five_documented_accounts(CapturedOutput output) {
        db.deleteFrom(APP_USER).execute();

        demoAccounts(true).createIfEmpty();

        assertThat(db.fetchCount(APP_USER)).isEqualTo(5);
        Map<String, String> passwords = Map.of(
                "organiser@example.org", "demo-organiser-2026",
                "facilitator@example.org", "demo-facilitator-2026",
                "host@example.org", "demo-host-2026",
                "alex@example.org", "demo-attendee-2026",
                "sam@example.org", "demo-attendee-2026");
        assertAccount("organiser@example.org", "Olu Organiser", Set.of(Role.ATTENDEE, Role.ORGANISER));
        assertAccount("facilitator@example.org", "Fran Facilitator", Set.of(Role.ATTENDEE, Role.FACILITATOR));
        assertAccount("host@example.org", "Hana Host", Set.of(Role.ATTENDEE, Role.HOST));
        assertAccount("alex@example.org", "Alex Attendee", Set.of(Role.ATTENDEE));
        assertAccount("sam@example.org", "Sam Attendee", Set.of(Role.ATTENDEE));
        passwords.forEach((email, password) -> assertThat(logIn.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(email, password)).isAuthenticated())
                .as("%s logs in with the documented password", email).isTrue());

        assertThat(output.getOut()).contains("Created 5 demo accounts");
        passwords.values().forEach(password -> assertThat(output.getOut()).doesNotContain(password));
    }

    private void assertAccount(String email, String displayName, Set<Role> roles) {
        ConveneUser user = repository.findForLogin(email).orElseThrow();
        assertThat(user.displayName()).isEqualTo(displayName);
        assertThat(user.roles()).isEqualTo(roles);
    }

    @Test
    void demo_mode_off_creates_nothing_even_on_an_empty_database() {
        db.deleteFrom(APP_USER).execute();

        demoAccounts(false).createIfEmpty();

        assertThat(db.fetchCount(APP_USER)).isZero();
    }

    @Test
    void demo_mode_leaves_a_database_that_already_has_accounts_alone() {
        db.deleteFrom(APP_USER).execute();
        repository.insert("Existing Person", "existing@test.example", "{noop}x", clock.instant(), null);

        demoAccounts(true).createIfEmpty();

        assertThat(db.fetchCount(APP_USER)).isEqualTo(1);
        assertThat(repository.findForLogin("organiser@example.org")).isEmpty();
    }

    @Test
    void the_app_in_tests_runs_with_demo_mode_off_so_no_demo_accounts_exist() {
        assertThat(repository.findForLogin("organiser@example.org")).isEmpty();
    }
}
