package org.convene.core.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.convene.KaribuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SessionErrorHandlerTest extends KaribuTest {

    private static final Pattern REFERENCE = Pattern.compile("quote reference ([A-Z2-9]{8})\\.");

    @Test
    void an_unexpected_error_is_logged_with_a_reference_that_the_person_is_shown(CapturedOutput output) {
        VaadinSession.getCurrent().getErrorHandler()
                .error(new ErrorEvent(new IllegalStateException("the database went away")));

        Notification notification = _get(Notification.class);
        String shown = notification.getElement().getTextRecursively();
        assertThat(shown).startsWith("Something went wrong on our side. If it keeps happening, tell the "
                + "organisers and quote reference ");
        Matcher reference = REFERENCE.matcher(shown);
        assertThat(reference.find()).as(shown).isTrue();
        assertThat(notification.isOpened()).isTrue();
        assertThat(notification.getDuration()).as("stays until closed").isZero();
        assertThat(notification.isAssertive()).isTrue();

        assertThat(output.getAll())
                .contains("ERROR")
                .contains("Unexpected error in a page, reference " + reference.group(1))
                .contains("the database went away");
    }

    @Test
    void a_browser_that_went_away_is_not_an_error() {
        VaadinSession.getCurrent().getErrorHandler()
                .error(new ErrorEvent(new java.net.SocketException("Connection reset")));

        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Notification.class)).isEmpty();
    }
}
