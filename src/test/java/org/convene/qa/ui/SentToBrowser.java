package org.convene.qa.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;

import java.util.HashSet;
import java.util.Set;

/**
 * What a view would send to the browser in its next response, read from Vaadin's state tree: every open page pays
 * for each change it is sent, so tests check that an update sends only what changed.
 */
final class SentToBrowser {

    private SentToBrowser() {
    }

    /** The state nodes of the element and everything inside it. */
    static Set<Integer> nodeIds(Element element) {
        Set<Integer> ids = new HashSet<>();
        ids.add(element.getNode().getId());
        element.getChildren().forEach(child -> ids.addAll(nodeIds(child)));
        return ids;
    }

    /** The state nodes whose changes would go to the browser in the next response; reading them clears them. */
    static Set<Integer> changedNodes() {
        Set<Integer> ids = new HashSet<>();
        UI.getCurrent().getInternals().getStateTree().collectChanges(change -> ids.add(change.getNode().getId()));
        return ids;
    }
}
