package org.convene.core.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convene.KaribuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.access.AccessDeniedException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProblemViewTest extends KaribuTest {

    private static final Pattern REFERENCE = Pattern.compile("quote reference ([A-Z2-9]{8})\\.");

    /** Fails as it opens, the way a page does when its database read fails; registered only in these tests. */
    @AnonymousAllowed
    public static class FailingView extends Div implements BeforeEnterObserver {
        static RuntimeException failure = new IllegalStateException("the database went away");

        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw failure;
        }
    }

    @Test
    void a_page_that_fails_while_opening_shows_a_reference_that_is_logged_with_the_cause_and_answers_500(
            CapturedOutput output) {
        FailingView.failure = new IllegalStateException("the database went away");
        RouteConfiguration.forSessionScope().setRoute("failing-page", FailingView.class);

        assertThat(openAddress("failing-page")).isEqualTo(500);

        String shown = _get(ProblemView.class).getElement().getTextRecursively();
        assertThat(shown).contains("Sorry, there is a problem")
                .contains("something went wrong on our side")
                .doesNotContain("IllegalStateException")
                .doesNotContain("the database went away");
        Matcher reference = REFERENCE.matcher(shown);
        assertThat(reference.find()).as(shown).isTrue();
        assertThat(output.getAll())
                .contains("Unexpected error while opening a page, reference " + reference.group(1))
                .contains("the database went away");
    }

    @Test
    void not_found_and_not_allowed_keep_their_own_pages() {
        RouteConfiguration.forSessionScope().setRoute("failing-page", FailingView.class);

        FailingView.failure = new NotFoundException("no such session");
        assertThat(openAddress("failing-page")).isEqualTo(404);
        assertThat(_find(PageNotFoundView.class)).hasSize(1);

        FailingView.failure = new AccessDeniedException("This report belongs to another organisation.");
        assertThat(openAddress("failing-page")).isEqualTo(403);
        assertThat(_find(NotAllowedView.class)).hasSize(1);
        assertThat(_find(ProblemView.class)).isEmpty();
    }
}
