package org.convene.demo;

import org.convene.account.DemoAccounts;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills an empty development database once the app is ready: the accounts first, then the programme, which links
 * the demo facilitator and host to their accounts by email. One listener keeps that order in code, not in the
 * order numbers of listeners in two features. Each step does nothing outside demo mode or on a filled database.
 */
@Component
class DemoData {

    private final DemoAccounts accounts;
    private final DemoProgrammeLoader programme;

    DemoData(DemoAccounts accounts, DemoProgrammeLoader programme) {
        this.accounts = accounts;
        this.programme = programme;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        accounts.createIfEmpty();
        programme.loadIntoEmptyDatabase();
    }
}
