package org.convene.account.ui;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;

/** Small helpers shared by the account view tests. */
final class AccountUiTests {

    private AccountUiTests() {
    }

    /**
     * Navigating to a view one may not open must not show it: Karibu throws, or Vaadin sends a visitor
     * who is not signed in to the log-in address (a full page load, which Karibu does not follow).
     */
    static void assertCannotOpen(Class<? extends Component> view) {
        try {
            UI.getCurrent().navigate(view);
        } catch (MockAccessDeniedException expected) {
            return;
        }
        _assertNone(view);
    }
}
