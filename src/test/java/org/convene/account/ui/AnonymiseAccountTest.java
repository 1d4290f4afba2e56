package org.convene.account.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.account.UserSummary;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.core.ui.SafeConfirmDialog;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;

/** Organisers anonymise a person's account on request, from the page of people's accounts, after a confirmation. */
class AnonymiseAccountTest extends KaribuTest {

    @Autowired
    AccountFixtures fixtures;
    @Autowired
    DSLContext db;

    @SuppressWarnings("unchecked")
    private Grid<UserSummary> grid() {
        return _get(Grid.class);
    }

    private Button anonymiseButtonOf(ConveneUser person) {
        Grid<UserSummary> grid = grid();
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).id() == person.id()) {
                return (Button) GridKt._getCellComponent(grid, row, "anonymise");
            }
        }
        throw new AssertionError("No row for user " + person.id());
    }

    private void openAndFind(ConveneUser organiser, String tag) {
        login(organiser);
        UI.getCurrent().navigate(UsersAdminView.class);
        _get(TextField.class, spec -> spec.withId("people-search")).setValue(tag);
        _click(_get(Button.class, spec -> spec.withText("Search")));
    }

    @Test
    void an_organiser_anonymises_a_person_after_confirming_and_the_status_says_so() {
        String tag = "an" + Long.toString(System.nanoTime(), 36);
        ConveneUser organiser = fixtures.user("Orla " + tag, Role.ORGANISER);
        ConveneUser ada = fixtures.user("Ada " + tag);
        openAndFind(organiser, tag);

        Button anonymise = anonymiseButtonOf(ada);
        assertThat(anonymise.getAriaLabel()).hasValue("Anonymise the account of Ada " + tag);
        _click(anonymise);
        SafeConfirmDialog dialog = _get(SafeConfirmDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Anonymise the account of Ada " + tag + "?");
        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(ada.id()))).as("nothing happens before confirming").isTrue();
        _click(dialog.confirmButton());

        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(ada.id()))).isFalse();
        Div status = _get(Div.class, spec -> spec.withId("people-status"));
        assertThat(status.getText()).isEqualTo("The account of Ada " + tag + " has been anonymised.");
        assertThat(GridKt._size(grid())).as("Ada is no longer listed").isEqualTo(1);
    }

    @Test
    void the_safe_choice_has_the_focus_and_keeping_the_account_keeps_it() {
        String tag = "an" + Long.toString(System.nanoTime(), 36);
        ConveneUser organiser = fixtures.user("Orla " + tag, Role.ORGANISER);
        ConveneUser ada = fixtures.user("Ada " + tag);
        openAndFind(organiser, tag);

        _click(anonymiseButtonOf(ada));
        SafeConfirmDialog dialog = _get(SafeConfirmDialog.class);
        assertThat(dialog.keepButton().getText()).isEqualTo("Keep the account");
        assertThat(dialog.keepButton().isAutofocus()).as("Keep the account has the focus").isTrue();
        assertThat(dialog.confirmButton().isAutofocus()).as("Anonymise has not").isFalse();
        assertThat(dialog.getFooter().getElement().getChild(0)).as("the safe choice comes first")
                .isEqualTo(dialog.keepButton().getElement());
        _click(dialog.keepButton());

        assertThat(dialog.isOpened()).isFalse();
        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(ada.id()))).isTrue();
    }

    @Test
    void escape_closes_the_confirmation_without_anonymising() {
        String tag = "an" + Long.toString(System.nanoTime(), 36);
        ConveneUser organiser = fixtures.user("Orla " + tag, Role.ORGANISER);
        ConveneUser ada = fixtures.user("Ada " + tag);
        openAndFind(organiser, tag);
        _click(anonymiseButtonOf(ada));
        SafeConfirmDialog dialog = _get(SafeConfirmDialog.class);

        assertThat(dialog.isCloseOnEsc()).isTrue();
        ComponentUtil.fireEvent(dialog, new Dialog.DialogCloseActionEvent(dialog, true));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(ada.id()))).isTrue();
        assertThat(_get(Div.class, spec -> spec.withId("people-status")).getText()).doesNotContain("anonymised");
    }

    @Test
    void people_who_are_not_organisers_cannot_open_the_page() {
        login(fixtures.user("Fred Facilitator", Role.FACILITATOR));

        assertCannotOpen(UsersAdminView.class);
        _assertNone(SafeConfirmDialog.class);
    }
}
