package org.convene.access.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.access.AccessNeedsService;
import org.convene.access.AccessPlanningService;
import org.convene.access.ArrangementState;
import org.convene.account.AccountFixtures;
import org.convene.account.ui.AccountView;
import org.convene.agenda.AgendaService;
import org.convene.agenda.ui.MyAgendaView;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.organising.ui.SessionEditorView;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.ui.ConferenceLinks;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.ACCESS_ARRANGEMENT;
import static org.convene.db.Tables.ACCESS_NEED_FEATURE;
import static org.convene.db.Tables.MAIL_OUTBOX;

/**
 * The access parts other pages take through their extension points: "Your access needs" on the account page,
 * "Access for this session" in the session editor, "Changes to access" on My agenda and "Access arranged" on
 * the session page.
 */
class AccessPartsTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2033, 11, 21);

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;
    @Autowired
    AccessNeedsService needs;
    @Autowired
    AccessPlanningService planning;
    @Autowired
    AgendaService agenda;

    ProgrammeFixture fixture;
    HostRef carers;
    long care;
    ConveneUser coordinator;
    ConveneUser ada;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        ConferenceSummary week = fixture.conference("Access parts week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        carers = fixture.host("Carers Together " + fixture.tag());
        care = fixture.session(week, "Caring at home").at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).host(carers)
                .access(AccessFeature.BSL_INTERPRETATION, AccessFeature.LIVE_CAPTIONS).create();
        coordinator = fixture.coordinator("Cora Coordinator", carers);
        ada = fixture.account("Ada Attendee");
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        db.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.RECIPIENT_USER_ID.eq(ada.id())).execute();
        fixture.cleanUp();
    }

    private void asAda(AccessFeature... features) {
        AccountFixtures.actAs(ada);
        needs.save(EnumSet.of(features[0], features));
        agenda.add(care);
        SecurityContextHolder.clearContext();
    }

    private List<AccessFeature> storedNeeds() {
        return db.select(ACCESS_NEED_FEATURE.FEATURE).from(ACCESS_NEED_FEATURE)
                .where(ACCESS_NEED_FEATURE.USER_ID.eq(ada.id())).fetch(ACCESS_NEED_FEATURE.FEATURE);
    }

    private ArrangementState storedState(AccessFeature feature) {
        return db.select(ACCESS_ARRANGEMENT.STATE).from(ACCESS_ARRANGEMENT)
                .where(ACCESS_ARRANGEMENT.SESSION_ID.eq(care), ACCESS_ARRANGEMENT.FEATURE.eq(feature))
                .fetchOptional(ACCESS_ARRANGEMENT.STATE).orElse(ArrangementState.REQUESTED);
    }

    private static String text(String id) {
        return _get(Div.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<AccessFeature> needBoxes() {
        return _get(CheckboxGroup.class, spec -> spec.withId("access-needs-features"));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<ArrangementState> arrangement(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId(id));
    }

    @Test
    void the_account_page_explains_the_needs_saves_them_on_save_and_deletes_them() {
        login(ada);
        UI.getCurrent().navigate(AccountView.class);

        assertThat(_find(H2.class)).extracting(H2::getText).contains("Your access needs");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .anyMatch(p -> p.contains("They never see your name."));
        assertThat(needBoxes().getLabel()).isEqualTo("What do you need? (optional)");
        assertThat(needBoxes().getItemLabelGenerator().apply(AccessFeature.LIVE_CAPTIONS))
                .isEqualTo("I need live captions");
        assertThat(_get(Div.class, spec -> spec.withId("access-needs-status")).getElement().getAttribute("role"))
                .isEqualTo("status");
        Button delete = _get(Button.class, spec -> spec.withId("access-needs-delete"));
        assertThat(delete.isEnabled()).as("nothing to delete yet").isFalse();

        needBoxes().setValue(Set.of(AccessFeature.LIVE_CAPTIONS, AccessFeature.EASY_READ));
        _click(_get(Button.class, spec -> spec.withId("access-needs-save")));

        assertThat(text("access-needs-status")).startsWith("Saved.");
        assertThat(storedNeeds()).containsExactlyInAnyOrder(AccessFeature.LIVE_CAPTIONS, AccessFeature.EASY_READ);

        _click(delete);
        assertThat(text("access-needs-status")).isEqualTo("Deleted. We no longer keep any access needs for you.");
        assertThat(needBoxes().getValue()).isEmpty();
        assertThat(storedNeeds()).isEmpty();
    }

    @Test
    void the_session_editor_shows_counts_with_the_small_numbers_note_and_saves_states_with_a_button() {
        asAda(AccessFeature.LIVE_CAPTIONS);
        login(coordinator);
        UI.getCurrent().navigate(SessionEditorView.class, new RouteParameters("id", Long.toString(care)));

        assertThat(_get(Paragraph.class, spec -> spec.withId("access-counts-summary")).getText())
                .isEqualTo("1 person has this session on their agenda. What they need:");
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("access-counts"))
                .getElement().getTextRecursively()).isEqualTo("1 needs live captions");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .contains(AccessPlanningPanel.SMALL_NUMBERS);
        RadioButtonGroup<ArrangementState> captions = arrangement("arrangement-live-captions");
        assertThat(captions.getLabel()).isEqualTo("Live captions");
        assertThat(captions.getValue()).isEqualTo(ArrangementState.REQUESTED);

        captions.setValue(ArrangementState.CONFIRMED);
        assertThat(storedState(AccessFeature.LIVE_CAPTIONS)).as("not saved until the button")
                .isEqualTo(ArrangementState.REQUESTED);
        _click(_get(Button.class, spec -> spec.withId("access-arrangements-save")));

        assertThat(text("access-planning-status")).isEqualTo("Saved the access arrangements.");
        assertThat(storedState(AccessFeature.LIVE_CAPTIONS)).isEqualTo(ArrangementState.CONFIRMED);

        captions.setValue(ArrangementState.BOOKED);
        _click(_get(Button.class, spec -> spec.withId("access-arrangements-save")));
        assertThat(text("access-planning-status")).isEqualTo("Saved the access arrangements. The people who need "
                + "Live captions have been told it is no longer confirmed.");
    }

    @Test
    void my_agenda_shows_a_withdrawal_until_it_is_dismissed() {
        asAda(AccessFeature.BSL_INTERPRETATION);
        AccountFixtures.actAs(coordinator);
        planning.setState(care, AccessFeature.BSL_INTERPRETATION, ArrangementState.CONFIRMED);
        planning.setState(care, AccessFeature.BSL_INTERPRETATION, ArrangementState.BOOKED);
        SecurityContextHolder.clearContext();

        login(ada);
        UI.getCurrent().navigate(MyAgendaView.class);

        assertThat(_find(H2.class)).extracting(H2::getText).contains("Changes to access");
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains("British Sign Language (BSL) "
                + "interpretation is no longer confirmed for this session. The hosts are still working on it.");
        assertThat(_find(Anchor.class)).extracting(Anchor::getText).contains("Caring at home");

        _click(_get(Button.class, spec -> spec.withText("Dismiss")));

        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .noneMatch(p -> p.contains("no longer confirmed"));
        UI.getCurrent().navigate(MyAgendaView.class);
        assertThat(_find(H2.class)).extracting(H2::getText).doesNotContain("Changes to access");
    }

    @Test
    void the_session_page_tells_attendees_what_is_booked_and_never_the_counts() {
        asAda(AccessFeature.LIVE_CAPTIONS);
        AccountFixtures.actAs(coordinator);
        planning.setState(care, AccessFeature.LIVE_CAPTIONS, ArrangementState.BOOKED);
        SecurityContextHolder.clearContext();

        login(ada);
        UI.getCurrent().navigate(ConferenceLinks.session(care), QueryParameters.empty());
        Div part = _get(Div.class, spec -> spec.withId("access-arrangements"));
        assertThat(part.getElement().getTextRecursively()).contains("Access arranged")
                .contains("Live captions: booked.").doesNotContain("BSL")
                .doesNotContain("need live captions");
    }

    @Test
    void the_session_page_shows_its_facilitators_the_counts() {
        asAda(AccessFeature.LIVE_CAPTIONS);
        ConveneUser facilitator = fixture.account("Fola Facilitator", Role.FACILITATOR);
        data.facilitate(care, facilitator);
        login(facilitator);
        UI.getCurrent().navigate(ConferenceLinks.session(care), QueryParameters.empty());
        assertThat(_get(Div.class, spec -> spec.withId("access-arrangements")).getElement().getTextRecursively())
                .contains("1 needs live captions").contains("These are counts, not names.");
    }

    @Test
    void a_session_without_bookings_shows_attendees_no_access_part() {
        login(ada);
        UI.getCurrent().navigate(ConferenceLinks.session(care), QueryParameters.empty());

        assertThat(_find(Div.class, spec -> spec.withId("access-arrangements"))).isEmpty();
        assertThat(List.of(ArrangementState.values())).isNotEmpty();
    }
}
