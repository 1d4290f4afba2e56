package org.convene.core.security;

import org.springframework.core.Ordered;

/**
 * The order of Convene's security filter chains, in one place (docs/architecture.md, "Security chains"). Spring
 * Security gives a request to the first chain whose matcher accepts it, and to no other. Each chain's
 * {@code @Order} names its entry here; the chains live beside the endpoints they protect.
 * <p>
 * The first three match disjoint addresses, so their order among themselves changes nothing; what matters is
 * that every one of them comes before {@link #PAGES}, which matches every request.
 */
public final class SecurityChainOrder {

    /**
     * account.api: /api/** and the STOMP WebSocket /ws. Stateless, bearer tokens, no CSRF, and 401 rather than a
     * log-in redirect: before the pages chain, which would send a script to the log-in page and demand a CSRF
     * token on its POSTs.
     */
    public static final int API = 1;

    /**
     * attendance.api: /sessions/{id}/join, open to everyone with the usual session sign-in (so arrivals of people
     * signed in are recorded): before the pages chain, whose Vaadin rules know no such page and would refuse it.
     */
    public static final int JOIN = 2;

    /**
     * exchange.api: /manage/import/template.csv, a plain download for organisers and host coordinators, sending
     * anyone not signed in to log in: before the pages chain, which lets unknown non-page addresses through to
     * Vaadin (its page-not-found view) instead of checking the role.
     */
    public static final int CSV_TEMPLATE = 3;

    /**
     * core.security.SecurityConfiguration: Vaadin's pages, the log-in form, the calendar feeds, the published
     * schedule files and static files. Its matcher takes every request (Vaadin's configurer ends with
     * anyRequest), so it must be last; Spring refuses to start with two catch-all chains.
     */
    public static final int PAGES = Ordered.LOWEST_PRECEDENCE;

    private SecurityChainOrder() {
    }
}
