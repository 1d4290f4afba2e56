package org.convene.core.ui;

import com.vaadin.flow.component.html.Div;

/**
 * A polite live region (role=status, aria-live=polite): screen readers read out the text set on it once they have
 * finished what they are reading, and focus never moves. It must be on the page before its text changes (a region
 * that arrives with its text is not announced), so add it empty and set the text to announce.
 */
public class PoliteStatus extends Div {

    public PoliteStatus() {
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
    }
}
