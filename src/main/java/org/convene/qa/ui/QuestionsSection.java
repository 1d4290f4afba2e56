package org.convene.qa.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.SessionPageSection;
import org.springframework.beans.factory.ObjectProvider;

import java.time.ZoneId;
import java.util.Optional;

/** The live questions on the session page. */
@SpringComponent
class QuestionsSection implements SessionPageSection {

    private final ObjectProvider<QaPanel> panels;

    QuestionsSection(ObjectProvider<QaPanel> panels) {
        this.panels = panels;
    }

    @Override
    public Place place() {
        return Place.AFTER_PLANNING;
    }

    /** A cancelled session takes no questions, so a panel would only offer what the server refuses. */
    @Override
    public Optional<Component> create(SessionDetail session) {
        if (session.cancelled()) {
            return Optional.empty();
        }
        QaPanel panel = panels.getObject();
        panel.show(session.id(), session.conference().timeZone());
        return Optional.of(new Questions(panel));
    }

    private static final class Questions extends Section implements ShowsTimes {

        private final QaPanel panel;

        Questions(QaPanel panel) {
            super(new H2("Questions"), panel);
            this.panel = panel;
            setId("questions");
        }

        @Override
        public void setZone(ZoneId zone) {
            panel.setZone(zone);
        }
    }
}
