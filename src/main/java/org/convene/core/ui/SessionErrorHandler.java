package org.convene.core.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.convene.core.ErrorReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last resort for anything a page did not expect (a button's action failing, say): the log gets the
 * exception under a short reference and the person gets a plain message quoting it, instead of Vaadin's
 * developer-facing error. The log line names nobody; the reference is what connects the two.
 */
@Component
class SessionErrorHandler extends DefaultErrorHandler implements VaadinServiceInitListener {

    static final String NOTIFICATION_CLASS = "cv-error-notification";

    private static final Logger log = LoggerFactory.getLogger(SessionErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable throwable = findRelevantThrowable(event.getThrowable());
        // a browser that went away mid-request is not an error of ours
        if (!shouldHandle(throwable)) {
            return;
        }
        String reference = ErrorReference.next();
        log.error("Unexpected error in a page, reference {}", reference, throwable);
        if (UI.getCurrent() != null) {
            show(reference);
        }
    }

    static String message(String reference) {
        return "Something went wrong on our side. If it keeps happening, tell the organisers and quote reference "
                + reference + ".";
    }

    /** Stays until closed, and is announced at once: the person has to know their action did not happen. */
    private static void show(String reference) {
        Notification notification = new Notification();
        notification.addClassName(NOTIFICATION_CLASS);
        notification.setAssertive(true);
        notification.setDuration(0);
        notification.setPosition(Notification.Position.TOP_CENTER);
        Paragraph text = new Paragraph(message(reference));
        // the notification card is itself the live region (assertive): no role=alert inside, or it is read twice
        notification.add(new Div(text, new Button("Close", e -> notification.close())));
        notification.open();
    }
}
