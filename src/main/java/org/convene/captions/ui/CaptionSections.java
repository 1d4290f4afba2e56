package org.convene.captions.ui;

import com.vaadin.flow.component.Component;
import org.convene.captions.CaptionService;
import org.convene.programme.AccessFeature;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.SessionPageSection;
import org.convene.programme.ui.SessionViewSection;
import org.springframework.beans.factory.ObjectProvider;

import java.time.ZoneId;
import java.util.Optional;

/** The caption pane on the session page and on the stage view, for sessions that offer captions. */
final class CaptionSections {

    private CaptionSections() {
    }

    static Optional<Component> pane(ObjectProvider<CaptionPane> panes, CaptionService captions, SessionDetail session) {
        if (session.cancelled()
                || !captions.offered(session.id(), session.access().contains(AccessFeature.LIVE_CAPTIONS))) {
            return Optional.empty();
        }
        return Optional.of(panes.getObject().show(session.id()));
    }

    @org.springframework.stereotype.Component
    static class OnSessionPage implements SessionPageSection {

        private final ObjectProvider<CaptionPane> panes;
        private final CaptionService captions;

        OnSessionPage(ObjectProvider<CaptionPane> panes, CaptionService captions) {
            this.panes = panes;
            this.captions = captions;
        }

        @Override
        public Place place() {
            return Place.AFTER_PLANNING;
        }

        @Override
        public Optional<Component> create(SessionDetail session) {
            return pane(panes, captions, session);
        }
    }

    @org.springframework.stereotype.Component
    static class OnStage implements SessionViewSection {

        private final ObjectProvider<CaptionPane> panes;
        private final CaptionService captions;
        private final ProgrammeService programme;

        OnStage(ObjectProvider<CaptionPane> panes, CaptionService captions, ProgrammeService programme) {
            this.panes = panes;
            this.captions = captions;
            this.programme = programme;
        }

        @Override
        public View view() {
            return View.STAGE;
        }

        @Override
        public Optional<Component> create(long sessionId, ZoneId zone) {
            return programme.session(sessionId).flatMap(session -> pane(panes, captions, session));
        }
    }
}
