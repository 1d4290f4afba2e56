package org.convene.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Section;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;

/** "Your data" on the account page: the download link and deleting the account after a tick. */
class YourDataTest extends KaribuTest {

    @Autowired
    AccountFixtures fixtures;
    @Autowired
    DSLContext db;

    private Div status() {
        return _get(Div.class, spec -> spec.withId("your-data-status"));
    }

    @Test
    void the_account_page_offers_the_download_of_everything_held_about_you() {
        login(fixtures.user("Ada Account"));

        UI.getCurrent().navigate(AccountView.class);

        Anchor download = _get(Anchor.class, spec -> spec.withId("download-your-data"));
        assertThat(download.getText()).isEqualTo("Download everything Convene holds about you (zip file)");
        assertThat(download.getHref()).isEqualTo("account/your-data.zip");
        assertThat(download.getElement().hasAttribute("download")).isTrue();
        assertThat(download.getElement().hasAttribute("router-ignore")).as("a file, not a page").isTrue();
        assertThat(_get(Section.class, spec -> spec.withId("your-data")).getElement().getTextRecursively())
                .contains("we delete:", "the next person waiting gets your place", "We keep these",
                        "“A former attendee”", "You cannot undo this");
    }

    @Test
    void deleting_without_ticking_the_box_says_what_to_do_and_deletes_nothing() {
        ConveneUser ada = fixtures.user("Ada Hasty");
        login(ada);
        UI.getCurrent().navigate(AccountView.class);

        _click(_get(Button.class, spec -> spec.withText("Delete my account")));

        Checkbox understood = _get(Checkbox.class, spec -> spec.withId("delete-understood"));
        assertThat(understood.isInvalid()).isTrue();
        assertThat(understood.getErrorMessage()).isEqualTo(YourData.NOT_TICKED);
        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(ada.id()))).isTrue();
    }

    @Test
    void ticking_the_box_and_pressing_the_button_deletes_the_account_and_says_so_politely() {
        ConveneUser ada = fixtures.user("Ada Leaving");
        login(ada);
        UI.getCurrent().navigate(AccountView.class);

        _get(Checkbox.class, spec -> spec.withId("delete-understood")).setValue(true);
        _click(_get(Button.class, spec -> spec.withText("Delete my account")));

        assertThat(db.fetchExists(APP_USER, APP_USER.ID.eq(ada.id()))).isFalse();
        assertThat(status().getElement().getAttribute("role")).isEqualTo("status");
        assertThat(status().getText()).isEqualTo("Your account has been deleted. Taking you to the log-in page.");
    }
}
