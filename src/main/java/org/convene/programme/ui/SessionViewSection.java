package org.convene.programme.ui;

import com.vaadin.flow.component.Component;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A part of one of a session's own pages (the stage view, the facilitators' moderation page, the organisers' session
 * report) that another feature contributes, such as captions, access-help signals or polls. The page collects
 * every bean of this type for its {@link View} and adds what each makes, in {@link #order()}, so the page's feature
 * depends on none of the features that add to it.
 * <p>
 * The page has already checked that the viewer may open it; a section still checks, in its own service, that the
 * viewer may do what it offers. A section that changes while the page is open keeps itself current (its own live
 * updates), and stops them when detached.
 */
public interface SessionViewSection {

    /** Which page a section goes on, and where on it. */
    enum View {
        /** The stage view (public, shown on a big screen): after the questions. */
        STAGE,
        /** The moderation page: at the top, under the status line, before the questions. */
        MODERATION,
        /** The session's attendance report: after the figures, before the downloads. */
        REPORT
    }

    View view();

    /** Sections on one page are laid out in ascending order; ties keep no particular order. */
    default int order() {
        return 0;
    }

    /** A new component for one page showing this session, or empty when there is nothing to show for it. */
    Optional<Component> create(long sessionId, ZoneId zone);

    /** The sections for one page, in order. */
    static List<SessionViewSection> on(View view, List<SessionViewSection> all) {
        return all.stream().filter(s -> s.view() == view)
                .sorted(Comparator.comparingInt(SessionViewSection::order)).toList();
    }
}
