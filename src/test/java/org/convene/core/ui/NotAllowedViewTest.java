package org.convene.core.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class NotAllowedViewTest extends KaribuTest {

    @Autowired
    TestData data;

    @Test
    void a_refusal_while_a_page_loads_answers_403_with_the_reason_and_what_to_do_next() {
        long session = data.liveSession();
        login(data.user(Role.HOST));

        assertThat(openAddress("reports/sessions/" + session)).isEqualTo(403);

        NotAllowedView page = _get(NotAllowedView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("You cannot open this page");
        assertThat(page.getPageTitle()).isEqualTo("You cannot open this page - Convene");
        assertThat(page.getElement().getTextRecursively())
                .contains("You can only see the reports of your own organisation")
                .contains("log out with the Log out button at the top of the page")
                .contains("ask the organisers");
        assertThat(_get(page, Anchor.class, spec -> spec.withText("the timetable")).getHref()).isEqualTo(".");
        assertThat(_find(Nav.class)).as("the main navigation is still there").hasSize(1);
    }
}
