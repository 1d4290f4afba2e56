package org.convene.account;


import org.convene.core.DemoMode;
import org.convene.core.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The demo accounts the README lists, created on an empty database in demo mode. The demo module runs this
 * before it loads the demo programme, which links the facilitator account to a person and the host account to a
 * partner organisation by their email addresses.
 * These bypass the sign-up rules on purpose: the demo passwords contain the email local part. Their addresses
 * count as confirmed (nobody can read example.org mail), so the facilitator and host accounts keep their roles.
 */
@Component
public class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record DemoAccount(String email, String password, String displayName, Set<Role> roles) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("organiser@example.org", "demo-organiser-2026", "Olu Organiser",
                    Set.of(Role.ATTENDEE, Role.ORGANISER)),
            new DemoAccount("facilitator@example.org", "demo-facilitator-2026", "Fran Facilitator",
                    Set.of(Role.ATTENDEE, Role.FACILITATOR)),
            new DemoAccount("host@example.org", "demo-host-2026", "Hana Host", Set.of(Role.ATTENDEE, Role.HOST)),
            new DemoAccount("alex@example.org", "demo-attendee-2026", "Alex Attendee", Set.of(Role.ATTENDEE)),
            new DemoAccount("sam@example.org", "demo-attendee-2026", "Sam Attendee", Set.of(Role.ATTENDEE)));

    private final DemoMode demoMode;
    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoAccounts(DemoMode demoMode, AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.demoMode = demoMode;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public void createIfEmpty() {
        if (!demoMode.isActive() || accounts.anyUsers()) {
            return;
        }
        Instant now = clock.instant();
        for (DemoAccount demo : ACCOUNTS) {
            long id = accounts.insert(demo.displayName(), demo.email(), passwordEncoder.encode(demo.password()), now,
                            now)
                    .orElseThrow(() -> new IllegalStateException("A demo account appeared while creating them"));
            demo.roles().forEach(role -> accounts.addRole(id, role, now));
        }
        log.info("Created {} demo accounts", ACCOUNTS.size());
    }
}
