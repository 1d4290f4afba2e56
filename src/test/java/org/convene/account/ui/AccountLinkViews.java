package org.convene.account.ui;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** What the tests of the account link pages share. */
final class AccountLinkViews {

    private static final AtomicInteger CLIENTS = new AtomicInteger(new Random().nextInt(20_000));

    private AccountLinkViews() {
    }

    /**
     * Gives the test's mock request a client address of its own, so the per-client limits (which last the whole
     * test run) count this test's requests only.
     */
    static void ownClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest() instanceof MockHttpServletRequest request) {
            int n = CLIENTS.incrementAndGet();
            request.setRemoteAddr("2001:db8::" + Integer.toHexString(n));
        }
    }
}
