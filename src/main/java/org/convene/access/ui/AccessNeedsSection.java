package org.convene.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.access.AccessNeedsService;
import org.convene.account.ui.AccountPageSection;

/** "Your access needs" on the account page, before the email choices. */
@SpringComponent
class AccessNeedsSection implements AccountPageSection {

    private final AccessNeedsService needs;

    AccessNeedsSection(AccessNeedsService needs) {
        this.needs = needs;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Component create() {
        return new AccessNeedsForm(needs);
    }
}
