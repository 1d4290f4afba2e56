package org.convene.account.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of "Your account" that belongs to a feature built on accounts, such as the email choices. The page
 * collects every bean of this type and adds a new component from each, in {@link #order()}, after its own parts
 * about the person, so the account feature depends on none of them.
 */
public interface AccountPageSection {

    /** Lower comes first among the contributed sections. */
    int order();

    /** A new component for one account page of the signed-in person. */
    Component create();
}
