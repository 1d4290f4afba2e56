package org.convene.organising.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.CONFERENCE;

class ConferenceCreateViewTest extends KaribuTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    String slug = TestData.unique("ccv").toLowerCase();

    @AfterEach
    void cleanUp() {
        db.deleteFrom(CONFERENCE).where(CONFERENCE.SLUG.eq(slug)).execute();
    }

    @Test
    void an_empty_form_shows_every_problem_in_the_error_summary_and_keeps_the_page() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(ConferenceCreateView.class);
        ConferenceCreateView view = _get(ConferenceCreateView.class);
        AdminViews.type(view.fields().name, "");

        _click(_get(Button.class, spec -> spec.withText("Create conference")));

        assertThat(view.errors().isVisible()).isTrue();
        assertThat(view.errors().messages()).containsExactly("Enter the conference name",
                "Enter a short name for web addresses", "Enter the first day, as a real date",
                "Enter the last day, as a real date");
        assertThat(view.fields().name.isInvalid()).isTrue();
        assertThat(view.fields().firstDay.getErrorMessage()).isEqualTo("Enter the first day, as a real date");
        assertThat(view.getPageTitle()).isEqualTo("Error: Create a conference - Convene");
    }

    @Test
    void the_short_name_is_suggested_from_the_name_and_creating_opens_the_new_conference() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(ConferenceCreateView.class);
        ConferenceCreateView view = _get(ConferenceCreateView.class);

        AdminViews.type(view.fields().name, "Carers' Week 2032");
        assertThat(view.fields().slug.getValue()).isEqualTo("carers-week-2032");
        assertThat(view.fields().timeZone.getValue()).isEqualTo("Europe/London");
        AdminViews.type(view.fields().slug, slug);
        view.fields().firstDay.type("7", "6", "2032");
        view.fields().lastDay.type("11", "6", "2032");
        _click(_get(Button.class, spec -> spec.withText("Create conference")));

        assertThat(_get(H1.class).getText()).isEqualTo("Carers' Week 2032");
        assertThat(_get(ConferenceEditView.class)).isNotNull();
        assertThat(db.fetchCount(CONFERENCE, CONFERENCE.SLUG.eq(slug))).isEqualTo(1);
    }

    @Test
    void a_day_that_does_not_exist_is_asked_for_again_and_what_was_typed_stays() {
        login(data.user(Role.ORGANISER));
        UI.getCurrent().navigate(ConferenceCreateView.class);
        ConferenceCreateView view = _get(ConferenceCreateView.class);
        AdminViews.type(view.fields().name, "Week");
        AdminViews.type(view.fields().slug, slug);
        view.fields().firstDay.type("31", "2", "2032");
        view.fields().lastDay.type("3", "3", "2032");

        _click(_get(Button.class, spec -> spec.withText("Create conference")));

        assertThat(view.errors().messages()).containsExactly("Enter the first day, as a real date");
        assertThat(view.fields().name.getValue()).isEqualTo("Week");
        assertThat(db.fetchCount(CONFERENCE, CONFERENCE.SLUG.eq(slug))).isZero();
    }

    @Test
    void only_organisers_may_open_it() {
        login(data.user(Role.HOST));
        assertCannotOpen(ConferenceCreateView.class);
    }
}
