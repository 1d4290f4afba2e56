package org.convene.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Budgets per client address (convene.login.*), on top of the wait per account and address in
 * {@link LoginAttempts}. Each budget refills steadily over {@code addressWindow}: with the defaults an address
 * that used up its 30 failed log-ins gets one more try every 20 seconds.
 *
 * @param failuresPerAddress failed log-ins (the form, HTTP Basic, a password change's current password) one client
 *                           address may make per window, whatever accounts they name: this is what slows one
 *                           password tried across many accounts. Successful log-ins cost nothing, so a venue
 *                           whose attendees share one address is not held up by people who type it right.
 * @param signUpsPerAddress  sign-ups one client address may make per window
 * @param addressWindow      the window both budgets refill over
 */
@ConfigurationProperties("convene.login")
public record LoginProperties(int failuresPerAddress, int signUpsPerAddress, Duration addressWindow) {

    public LoginProperties {
        if (failuresPerAddress <= 0) {
            failuresPerAddress = 30;
        }
        if (signUpsPerAddress <= 0) {
            signUpsPerAddress = 20;
        }
        if (addressWindow == null || addressWindow.isZero() || addressWindow.isNegative()) {
            addressWindow = Duration.ofMinutes(10);
        }
    }
}
