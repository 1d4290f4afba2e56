package org.convene.qa.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** For the session's facilitators only: links to moderate its questions and to its stage view. */
final class ModeratorLinks extends Paragraph {

    ModeratorLinks() {
        addClassName("cv-qa-moderator-links");
        setVisible(false);
    }

    /** The links are made the first time someone who may moderate sees the panel. */
    void update(long sessionId, boolean canModerate) {
        if (canModerate && getComponentCount() == 0) {
            Anchor moderate = new Anchor("sessions/" + sessionId + "/moderate", "Moderate questions");
            moderate.getElement().setAttribute("router-link", "");
            Anchor stage = new Anchor("sessions/" + sessionId + "/stage", "Open the stage view (opens in a new tab)");
            stage.setTarget(AnchorTarget.BLANK);
            stage.getElement().setAttribute("router-ignore", "");
            add(moderate, new Span(" "), stage);
        }
        setVisible(canModerate);
    }
}
