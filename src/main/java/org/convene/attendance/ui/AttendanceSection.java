package org.convene.attendance.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.SessionPageSection;

import java.util.Optional;

/** The attendance note under the Join button, which records presence while the page is open. */
@SpringComponent
class AttendanceSection implements SessionPageSection {

    @Override
    public Place place() {
        return Place.UNDER_JOIN;
    }

    /** Nobody attends a cancelled session. */
    @Override
    public Optional<Component> create(SessionDetail session) {
        return session.cancelled() ? Optional.empty() : Optional.of(new AttendanceTracker(session.id()));
    }
}
