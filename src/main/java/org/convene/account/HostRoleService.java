package org.convene.account;

import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * The HOST role follows membership of host organisations, which the programme feature keeps (host_coordinator):
 * it gives the role when someone accepts an invitation it has checked, and takes it away when they coordinate no
 * organisation any more. The role only opens the management and report pages; what a coordinator may change is
 * decided from that membership on every write. Callers check who may act before calling here.
 */
@Service
@Transactional
public class HostRoleService {

    private final AccountRepository accounts;
    private final CurrentUser currentUser;
    private final Clock clock;

    HostRoleService(AccountRepository accounts, CurrentUser currentUser, Clock clock) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Gives the HOST role; true when it was new.
     *
     * @throws RoleChangeRefusedException while the person's address is not confirmed (callers check first and say
     *                                    so in their own words; this only makes sure)
     */
    public boolean give(long userId) {
        if (!accounts.emailConfirmed(userId)) {
            throw new RoleChangeRefusedException(EmailConfirmationService.UNCONFIRMED_COORDINATOR);
        }
        return accounts.addRole(userId, Role.HOST, clock.instant());
    }

    /** Takes the HOST role away; true when they had it. */
    public boolean takeAway(long userId) {
        return accounts.removeRole(userId, Role.HOST);
    }

    /**
     * The signed-in person as the database has them now (roles included, password hash left out), for putting
     * back into their session after their roles changed.
     */
    @Transactional(readOnly = true)
    public ConveneUser reloadSignedIn() {
        long userId = currentUser.require().id();
        ConveneUser stored = accounts.findForLogin(userId).orElseThrow(() -> new NoSuchUserException(userId));
        return new ConveneUser(stored.id(), stored.email(), stored.displayName(), "", stored.roles());
    }
}
