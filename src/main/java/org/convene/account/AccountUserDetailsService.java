package org.convene.account;

import org.convene.core.security.ConveneUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks people up by email address for Spring Security, with their roles. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public ConveneUser loadUserByUsername(String email) {
        // The message leaves the address out: exceptions end up in logs.
        return accounts.findForLogin(AccountRules.normaliseEmail(email))
                .orElseThrow(() -> new UsernameNotFoundException("No account with that email address"));
    }
}
