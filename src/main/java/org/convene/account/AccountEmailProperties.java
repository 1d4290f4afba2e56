package org.convene.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How many account links may be sent (convene.account-email.*), each budget refilled steadily over
 * {@code window}. Held in memory per node, like the log-in budgets ({@link LoginAttempts}).
 *
 * @param resetsPerAddress       password-reset links one email address may be sent per window, whether or not an
 *                               account uses it (so the answer does not tell), by anyone, organisers included
 * @param resetsPerClientAddress password-reset requests one client (IP) address may make per window, whatever
 *                               addresses it names
 * @param resendsPerAccount      confirmation and change-of-address links one account may ask for per window
 * @param window                 the window the budgets refill over
 */
@ConfigurationProperties("convene.account-email")
public record AccountEmailProperties(int resetsPerAddress, int resetsPerClientAddress, int resendsPerAccount,
                                     Duration window) {

    public AccountEmailProperties {
        if (resetsPerAddress <= 0) {
            resetsPerAddress = 3;
        }
        if (resetsPerClientAddress <= 0) {
            resetsPerClientAddress = 10;
        }
        if (resendsPerAccount <= 0) {
            resendsPerAccount = 3;
        }
        if (window == null || window.isZero() || window.isNegative()) {
            window = Duration.ofMinutes(15);
        }
    }
}
