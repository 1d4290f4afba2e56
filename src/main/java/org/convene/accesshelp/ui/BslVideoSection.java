package org.convene.accesshelp.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.convene.accesshelp.AccessHelpService;
import org.convene.core.SaveResult;
import org.convene.programme.AccessFeature;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.SessionPageSection;

import java.util.Optional;

/**
 * The BSL interpreter's video under the Join button, for a session that has one; its hosts see the part (and its
 * form) also before it has one, when the session is BSL interpreted or not yet over.
 */
@SpringComponent
class BslVideoSection implements SessionPageSection {

    private final AccessHelpService service;

    BslVideoSection(AccessHelpService service) {
        this.service = service;
    }

    @Override
    public Place place() {
        return Place.UNDER_JOIN;
    }

    @Override
    public Optional<Component> create(SessionDetail session) {
        if (session.cancelled()) {
            return Optional.empty();
        }
        long id = session.id();
        String url = service.bslVideo(id).orElse(null);
        boolean mayManage = service.mayManage(id);
        if (url == null && !(mayManage && session.access().contains(AccessFeature.BSL_INTERPRETATION))) {
            return Optional.empty();
        }
        return Optional.of(new BslVideoPart(url, mayManage ? address -> switch (service.setBslVideo(id, address)) {
            case SaveResult.Saved<Optional<String>> saved -> new BslVideoPart.Result.Saved(saved.value());
            case SaveResult.Invalid<Optional<String>> invalid -> new BslVideoPart.Result.Problem(invalid.firstMessage());
            case SaveResult.Conflict<Optional<String>> conflict -> new BslVideoPart.Result.Problem("Please try again.");
        } : null));
    }
}
