package org.convene.programme.ui;

import com.vaadin.flow.component.Component;
import org.convene.programme.SessionDetail;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A part of the session page that another feature contributes, such as the live questions or the attendance
 * note. The page (in the timetable feature) collects every bean of this type and gives each a place and the
 * session, so it never builds another feature's widgets and no feature of the page depends on them.
 */
public interface SessionPageSection {

    /** Where on the page a section goes; the page lays the places out in this order. */
    enum Place {
        /** Right under the Join button: notes about joining. */
        UNDER_JOIN,
        /** After planning (agenda, calendar), before the description: the live parts of the session. */
        AFTER_PLANNING
    }

    Place place();

    /** A new component for one page showing this session, or empty when there is nothing to show for it. */
    Optional<Component> create(SessionDetail session);

    /** For a contributed component that shows times: it follows the page's time zone switch. */
    interface ShowsTimes {
        void setZone(ZoneId zone);
    }
}
