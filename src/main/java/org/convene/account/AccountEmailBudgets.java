package org.convene.account;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The budgets of {@link AccountEmailProperties}: so a form cannot be used to fill someone's inbox or to make
 * Convene send mail in bulk.
 */
@Component
class AccountEmailBudgets {

    private final AddressBudget resetsPerAddress;
    private final AddressBudget resetsPerClient;
    private final AddressBudget resendsPerAccount;

    AccountEmailBudgets(AccountEmailProperties properties, Clock clock) {
        this.resetsPerAddress = new AddressBudget(properties.resetsPerAddress(), properties.window(), clock);
        this.resetsPerClient = new AddressBudget(properties.resetsPerClientAddress(), properties.window(), clock);
        this.resendsPerAccount = new AddressBudget(properties.resendsPerAccount(), properties.window(), clock);
    }

    /** Zero when a reset link may go to this (normalised) address now, else how long until one may. */
    Duration takeReset(String normalisedEmail) {
        return resetsPerAddress.take(normalisedEmail);
    }

    Duration takeResetRequest(String clientAddress) {
        return resetsPerClient.take(clientAddress);
    }

    Duration takeResend(long userId) {
        return resendsPerAccount.take(Long.toString(userId));
    }
}
