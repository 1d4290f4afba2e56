package org.convene.core.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class PageNotFoundViewTest extends KaribuTest {

    @Autowired
    TestData data;

    /** As a typed address arrives: UI.navigate(String) leaves an unknown address to the browser's router. */
    private static void open(String path) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.PAGE_LOAD);
    }

    @Test
    void a_mistyped_address_says_page_not_found_in_plain_words_inside_the_usual_frame() {
        open("timetabel");

        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(_get(PageNotFoundView.class).getPageTitle()).isEqualTo("Page not found - Convene");
        assertThat(_get(_get(PageNotFoundView.class), Anchor.class, spec -> spec.withText("the timetable")).getHref())
                .isEqualTo(".");
        assertThat(_find(Nav.class)).as("the main navigation is still there").hasSize(1);
    }

    @Test
    void a_signed_in_organiser_gets_the_same_page() {
        login(data.user(Role.ORGANISER));

        open("manage/nothing/here");

        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
    }
}
