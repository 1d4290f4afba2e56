package org.convene.account.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.account.AccountMail;
import org.convene.account.EmailConfirmationService;
import org.convene.core.SaveResult;
import org.convene.account.UserSummary;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.USER_ROLE;

class UsersAdminViewTest extends KaribuTest {

    @Autowired
    AccountFixtures fixtures;
    @Autowired
    DSLContext db;
    @Autowired
    CurrentUser currentUser;

    @SuppressWarnings("unchecked")
    private Grid<UserSummary> grid() {
        return _get(Grid.class);
    }

    private Div status() {
        return _get(Div.class, spec -> spec.withId("people-status"));
    }

    private void search(String text) {
        _get(TextField.class, spec -> spec.withId("people-search")).setValue(text);
        _click(_get(Button.class, spec -> spec.withText("Search")));
    }

    /** The role checkbox in the grid row showing the given person (the search must have found them). */
    private Checkbox roleBox(ConveneUser person, String columnKey) {
        Grid<UserSummary> grid = grid();
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).id() == person.id()) {
                return (Checkbox) GridKt._getCellComponent(grid, row, columnKey);
            }
        }
        throw new AssertionError("No row for user " + person.id());
    }

    private boolean hasRole(ConveneUser user, Role role) {
        return db.fetchExists(USER_ROLE, USER_ROLE.USER_ID.eq(user.id()), USER_ROLE.ROLE.eq(role));
    }

    private static String tag() {
        return "uq" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void organisers_search_a_lazily_loaded_list_of_people_with_their_roles() {
        String tag = tag();
        ConveneUser organiser = fixtures.user("Orla " + tag, Role.ORGANISER);
        fixtures.user("Ben " + tag, Role.FACILITATOR);
        fixtures.user("Cleo " + tag);
        login(organiser);

        UI.getCurrent().navigate(UsersAdminView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("People and roles");
        search(tag);

        Grid<UserSummary> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(GridKt._fetch(grid, 0, 3)).extracting(UserSummary::displayName)
                .containsExactly("Ben " + tag, "Cleo " + tag, "Orla " + tag);
        assertThat(GridKt._getFormatted(grid, 0, "roles")).isEqualTo("Attendee, Facilitator");
        assertThat(status().getText()).isEqualTo("3 people found for \u201c" + tag + "\u201d.");
    }

    @Test
    void each_role_checkbox_names_the_person_and_the_role() {
        String tag = tag();
        ConveneUser organiser = fixtures.user("Orla " + tag, Role.ORGANISER);
        ConveneUser ben = fixtures.user("Ben " + tag);
        login(organiser);
        UI.getCurrent().navigate(UsersAdminView.class);
        search(tag);

        assertThat(roleBox(ben, "facilitator").getAriaLabel()).hasValue("Facilitator role for Ben " + tag);
        assertThat(roleBox(ben, "organiser").getAriaLabel()).hasValue("Organiser role for Ben " + tag);
        assertThat(roleBox(organiser, "organiser").getValue()).isTrue();
        assertThat(roleBox(ben, "organiser").getValue()).isFalse();
    }

    @Test
    void ticking_and_unticking_gives_and_removes_a_role() {
        String tag = tag();
        ConveneUser organiser = fixtures.user("Orla " + tag, Role.ORGANISER);
        ConveneUser ben = fixtures.user("Ben " + tag);
        login(organiser);
        UI.getCurrent().navigate(UsersAdminView.class);
        search(tag);

        roleBox(ben, "facilitator").setValue(true);

        assertThat(hasRole(ben, Role.FACILITATOR)).isTrue();
        assertThat(status().getText()).isEqualTo("Ben " + tag + " is now a facilitator.");

        roleBox(ben, "organiser").setValue(true);
        assertThat(status().getText()).isEqualTo("Ben " + tag + " is now an organiser.");

        roleBox(ben, "facilitator").setValue(false);
        assertThat(hasRole(ben, Role.FACILITATOR)).isFalse();
        assertThat(hasRole(ben, Role.ORGANISER)).isTrue();
        assertThat(status().getText()).isEqualTo("Ben " + tag + " is no longer a facilitator.");
    }

    @Test
    @Transactional
    void the_last_organiser_is_told_why_they_cannot_remove_their_own_organiser_role() {
        ConveneUser organiser = fixtures.user("Only Organiser " + tag(), Role.ORGANISER);
        // Other test classes leave organisers behind; this transaction is rolled back afterwards.
        db.deleteFrom(USER_ROLE).where(USER_ROLE.ROLE.eq(Role.ORGANISER), USER_ROLE.USER_ID.ne(organiser.id())).execute();
        login(organiser);
        UI.getCurrent().navigate(UsersAdminView.class);
        search(organiser.email());

        roleBox(organiser, "organiser").setValue(false);

        assertThat(status().getText()).isEqualTo("You are the only organiser, so you cannot remove your own "
                + "organiser role. Make someone else an organiser first.");
        assertThat(status().getClassNames()).contains("cv-warning");
        assertThat(hasRole(organiser, Role.ORGANISER)).isTrue();
        assertThat(roleBox(organiser, "organiser").getValue()).as("the checkbox shows the role is still there").isTrue();
    }

    @Test
    void an_organiser_who_removes_their_own_role_loses_the_page_at_once() {
        String tag = tag();
        ConveneUser leaving = fixtures.user("Leaving " + tag, Role.ORGANISER);
        fixtures.user("Staying " + tag, Role.ORGANISER);
        login(leaving);
        UI.getCurrent().navigate(UsersAdminView.class);
        search(leaving.email());

        roleBox(leaving, "organiser").setValue(false);

        assertThat(hasRole(leaving, Role.ORGANISER)).isFalse();
        _get(AccountView.class);
        assertThat(currentUser.require().roles()).containsExactly(Role.ATTENDEE);
    }

    @Test
    void attendees_cannot_open_the_page() {
        login(fixtures.user("Just Attendee"));
        assertCannotOpen(UsersAdminView.class);
    }

    @Test
    void facilitators_cannot_open_the_page() {
        login(fixtures.user("Fran Facil", Role.FACILITATOR));
        assertCannotOpen(UsersAdminView.class);
    }

    @Autowired
    AccountMail mail;

    @Test
    void an_organiser_sends_someone_a_reset_link_from_their_row() {
        String tag = tag();
        ConveneUser organiser = fixtures.user("Orla " + tag, Role.ORGANISER);
        ConveneUser ben = fixtures.user("Ben " + tag);
        login(organiser);
        UI.getCurrent().navigate(UsersAdminView.class);
        search(tag);

        Button send = (Button) cell(ben, "reset");
        assertThat(send.getAriaLabel()).hasValue("Send Ben " + tag + " a link to choose a new password");
        _click(send);

        assertThat(status().getText()).startsWith("We have sent Ben " + tag + " a link to choose a new password");
        assertThat(mail.to(ben.email(), "password-reset")).hasSize(1);
    }

    @Test
    void someone_whose_address_is_not_confirmed_cannot_be_made_a_facilitator_and_the_page_says_why() {
        String tag = tag();
        ConveneUser organiser = fixtures.user("Orla " + tag, Role.ORGANISER);
        ConveneUser una = ((SaveResult.Saved<ConveneUser>) fixtures.signUpOnly("Una " + tag,
                AccountFixtures.uniqueEmail("una"))).value();
        login(organiser);
        UI.getCurrent().navigate(UsersAdminView.class);
        search(tag);

        assertThat(GridKt._getFormatted(grid(), rowOf(una), "confirmed")).isEqualTo("Not yet");
        roleBox(una, "facilitator").setValue(true);

        assertThat(hasRole(una, Role.FACILITATOR)).isFalse();
        assertThat(status().getText()).isEqualTo(EmailConfirmationService.UNCONFIRMED_FACILITATOR);
        assertThat(status().getClassNames()).contains("cv-warning");
    }

    private int rowOf(ConveneUser person) {
        Grid<UserSummary> grid = grid();
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).id() == person.id()) {
                return row;
            }
        }
        throw new AssertionError("No row for user " + person.id());
    }

    private com.vaadin.flow.component.Component cell(ConveneUser person, String columnKey) {
        return GridKt._getCellComponent(grid(), rowOf(person), columnKey);
    }
}
