package org.convene.organising.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.core.security.ConveneUser;
import org.convene.core.ui.ErrorSummary;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.convene.programme.SessionFormat;
import org.convene.programme.SessionRules;
import org.convene.programme.TrackRef;
import org.convene.qa.QaService;
import org.convene.account.EmailConfirmationService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.PROGRAMME_SESSION;

class SessionEditorViewTest extends KaribuTest {

    private static final LocalDate MONDAY = LocalDate.of(2032, 11, 22);

    @Autowired
    org.convene.captions.CaptionService captions;
    @Autowired
    DSLContext db;
    @Autowired
    QaService qa;

    ProgrammeFixture programme;
    ConferenceSummary week;
    TrackRef health;
    HostRef carers;
    HostRef council;
    ConveneUser organiser;

    @BeforeEach
    void setUp() {
        programme = new ProgrammeFixture(db);
        week = programme.conference("Editor week", "Europe/London", MONDAY, MONDAY.plusDays(4));
        health = programme.track(week, "Health and care", 1);
        carers = programme.host("Carers Together");
        council = programme.host("Northshire Council");
        organiser = programme.organiser();
    }

    @AfterEach
    void tearDown() {
        programme.cleanUp();
    }

    private void openNew() {
        UI.getCurrent().navigate("manage/sessions/new", QueryParameters.fromString("conference=" + week.slug()));
    }

    private void openSession(long id) {
        UI.getCurrent().navigate(SessionEditorView.class, new RouteParameters("id", Long.toString(id)));
    }

    private static <V> void setAsUser(HasValue<?, V> field, V value) {
        Component component = (Component) field;
        assertThat(component.isVisible() && ((HasEnabled) field).isEnabled() && !field.isReadOnly())
                .as("field can be edited").isTrue();
        field.setValue(value);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Component> T field(Class<? super T> type, String id) {
        return (T) _get((Class<T>) type, spec -> spec.withId(id));
    }

    private static TextField text(String id) {
        return field(TextField.class, id);
    }

    private static String status() {
        return _get(Div.class, spec -> spec.withId("editor-status")).getElement().getTextRecursively();
    }

    private static void click(String text) {
        _click(_get(Button.class, spec -> spec.withText(text)));
    }

    private static List<String> errorSummary() {
        return _find(ErrorSummary.class).getFirst().messages();
    }

    private void fillValidSession(String title) {
        setAsUser(text("title"), title);
        setAsUser(field(Select.class, "format"), SessionFormat.WORKSHOP);
        setAsUser(field(Select.class, "day"), MONDAY);
        setAsUser(field(TimePicker.class, "start-time"), LocalTime.of(10, 30));
        setAsUser(field(TimePicker.class, "end-time"), LocalTime.of(11, 30));
        setAsUser(field(Select.class, "track"), health);
        setAsUser(field(Select.class, "host"), carers);
        setAsUser(text("join-url"), "https://meet.example.org/cafe");
        setAsUser(text("capacity"), "30");
        setAsUser(field(CheckboxGroup.class, "access"), Set.of(AccessFeature.LIVE_CAPTIONS));
    }

    @Test
    void someone_who_is_neither_organiser_nor_host_cannot_open_the_editor() {
        login(programme.attendee());
        assertCannotOpen(SessionEditorView.class, new RouteParameters("id", "new"));
    }

    @Test
    void a_form_with_problems_shows_the_summary_linked_to_fields_and_keeps_what_was_typed() {
        login(organiser);
        openNew();
        assertThat(_get(H1.class).getText()).isEqualTo("Add a session");
        setAsUser(text("reference"), "not a reference!");
        setAsUser(text("join-url"), "zoom.us/j/123");
        setAsUser(text("capacity"), "lots");

        click("Save session");

        assertThat(errorSummary()).containsExactly(
                "Reference must be up to 64 letters, numbers, dots, dashes or underscores, like CPW-014",
                "Enter a title",
                "Choose what kind of session it is",
                "Choose the day of the session",
                "Enter the start time, like 10:30",
                "Enter the end time, like 11:30",
                "Enter the joining link as a web address starting with https://, like https://zoom.us/j/123",
                "Places must be a whole number, 1 or more");
        assertThat(_find(ErrorSummary.class).getFirst().getChildren()
                .flatMap(Component::getChildren).flatMap(Component::getChildren)
                .map(c -> ((Anchor) c).getHref())).contains("#title", "#day", "#capacity");
        assertThat(text("title").isInvalid()).isTrue();
        assertThat(text("title").getErrorMessage()).isEqualTo("Enter a title");
        assertThat(text("join-url").getValue()).isEqualTo("zoom.us/j/123");
        assertThat(text("capacity").getValue()).isEqualTo("lots");
        assertThat(_get(SessionEditorView.class).getPageTitle()).startsWith("Error: Add a session");
        assertThat(db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()))).isZero();
    }

    @Test
    void an_end_before_the_start_is_shown_on_the_end_time() {
        login(organiser);
        openNew();
        fillValidSession("Backwards");
        setAsUser(field(TimePicker.class, "end-time"), LocalTime.of(9, 0));

        click("Save session");

        assertThat(errorSummary()).containsExactly("The end time must be after the start time");
        assertThat(((TimePicker) field(TimePicker.class, "end-time")).isInvalid()).isTrue();
    }

    @Test
    void saving_a_new_session_opens_it_for_editing_with_a_confirmation() {
        login(organiser);
        openNew();
        fillValidSession("Carers' cafe");

        click("Save session");

        long id = db.select(PROGRAMME_SESSION.ID).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id())).fetchSingle().value1();
        assertThat(_get(H1.class).getText()).isEqualTo("Change a session");
        assertThat(status()).contains("The session has been added.");
        assertThat(text("title").getValue()).isEqualTo("Carers' cafe");
        assertThat(((TimePicker) field(TimePicker.class, "start-time")).getValue()).isEqualTo(LocalTime.of(10, 30));
        assertThat(_find(Anchor.class).stream().map(Anchor::getHref)).contains(
                "sessions/" + id, "manage/sessions/" + id + "/materials", "manage/sessions/" + id + "/recording",
                "manage/sessions/" + id + "/cancel");

        setAsUser(text("title"), "Carers' cafe and chat");
        click("Save changes");
        assertThat(status()).contains("Your changes have been saved.");
        assertThat(db.select(PROGRAMME_SESSION.TITLE).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(id))
                .fetchSingle().value1()).isEqualTo("Carers' cafe and chat");
    }

    @Test
    void the_registration_closing_time_and_approval_are_chosen_and_saved() {
        login(organiser);
        openNew();
        fillValidSession("Small group");
        DateTimePicker closes = field(DateTimePicker.class, "registration-closes");
        assertThat(closes.getLabel()).isEqualTo("Registration closes (optional)");
        assertThat(closes.getHelperText()).contains("Leave it empty to keep registration open");
        setAsUser(closes, MONDAY.atTime(9, 0));
        setAsUser(field(Checkbox.class, "needs-approval"), true);

        click("Save session");

        assertThat(status()).contains("The session has been added.");
        assertThat(db.select(PROGRAMME_SESSION.REGISTRATION_CLOSES_AT).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id())).fetchSingle().value1())
                .isEqualTo(MONDAY.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());
        assertThat(db.select(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL).from(PROGRAMME_SESSION)
                .where(PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id())).fetchSingle().value1()).isTrue();
        assertThat(((Checkbox) field(Checkbox.class, "needs-approval")).getValue()).isTrue();
        assertThat(((DateTimePicker) field(DateTimePicker.class, "registration-closes")).getValue())
                .isEqualTo(MONDAY.atTime(9, 0));
    }

    @Test
    void a_registration_closing_time_after_the_end_is_shown_on_its_field() {
        login(organiser);
        openNew();
        fillValidSession("Closing too late");
        setAsUser(field(DateTimePicker.class, "registration-closes"), MONDAY.atTime(12, 0));

        click("Save session");

        assertThat(errorSummary()).containsExactly(SessionRules.REGISTRATION_CLOSES_TOO_LATE);
        DateTimePicker closes = field(DateTimePicker.class, "registration-closes");
        assertThat(closes.isInvalid()).isTrue();
        assertThat(closes.getErrorMessage()).isEqualTo(SessionRules.REGISTRATION_CLOSES_TOO_LATE);
        assertThat(db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()))).isZero();
    }

    @Test
    void an_overlap_in_the_track_is_named_and_can_be_saved_anyway() {
        programme.session(week, "Morning yoga").track(health)
                .at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).create();
        login(organiser);
        openNew();
        fillValidSession("Chair exercises");

        click("Save session");

        assertThat(status()).contains("This session overlaps another session in the same track:", "Morning yoga");
        assertThat(db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.TITLE.eq("Chair exercises"),
                PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()))).isZero();

        click("Save anyway");

        assertThat(db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.TITLE.eq("Chair exercises"),
                PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()))).isOne();
        assertThat(status()).contains("The session has been added.");
    }

    @Test
    void save_anyway_confirms_only_the_session_warned_about() {
        programme.session(week, "Morning yoga").track(health)
                .at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).create();
        programme.session(week, "Lunch club").track(health)
                .at(MONDAY.atTime(12, 0), MONDAY.atTime(13, 0)).create();
        login(organiser);
        openNew();
        fillValidSession("Chair exercises");
        click("Save session");

        // moved onto another session after the warning: that overlap has not been seen yet
        setAsUser(field(TimePicker.class, "start-time"), LocalTime.of(12, 30));
        setAsUser(field(TimePicker.class, "end-time"), LocalTime.of(13, 30));
        click("Save anyway");

        assertThat(status()).contains("Lunch club").doesNotContain("Morning yoga");
        assertThat(db.fetchCount(PROGRAMME_SESSION, PROGRAMME_SESSION.TITLE.eq("Chair exercises"),
                PROGRAMME_SESSION.CONFERENCE_ID.eq(week.id()))).isZero();
    }

    @Test
    void a_save_over_someone_elses_change_is_refused_and_the_latest_version_can_be_loaded() {
        long id = programme.session(week, "Tenants' voices").host(council)
                .at(MONDAY.atTime(14, 0), MONDAY.atTime(15, 0)).create();
        login(organiser);
        openSession(id);
        setAsUser(text("title"), "My title");

        // someone else saves first
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.TITLE, "Their title")
                .set(PROGRAMME_SESSION.VERSION, PROGRAMME_SESSION.VERSION.plus(1))
                .where(PROGRAMME_SESSION.ID.eq(id)).execute();
        click("Save changes");

        assertThat(status()).contains(SessionEditorView.CONFLICT);
        assertThat(text("title").getValue()).isEqualTo("My title");
        assertThat(db.select(PROGRAMME_SESSION.TITLE).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(id))
                .fetchSingle().value1()).isEqualTo("Their title");

        click("Load the latest version");

        assertThat(text("title").getValue()).isEqualTo("Their title");
        assertThat(status()).contains("This is the latest version of the session.");
        setAsUser(text("title"), "Both our titles");
        click("Save changes");
        assertThat(status()).contains("Your changes have been saved.");
    }

    @Test
    void a_facilitator_is_added_by_email_and_may_then_moderate() {
        long id = programme.session(week, "Carers' cafe").host(carers)
                .at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).create();
        ConveneUser fran = programme.account("Fran Facilitator");
        login(programme.coordinator(carers));
        openSession(id);

        setAsUser(text("facilitator-email"), "nobody-" + programme.tag() + "@example.org");
        click("Add a facilitator");
        assertThat(_find(ErrorSummary.class).getFirst().messages()).containsExactly(
                "No account uses that email address. Ask them to sign up first, then add them.");
        assertThat(text("facilitator-email").getErrorMessage())
                .isEqualTo("No account uses that email address. Ask them to sign up first, then add them.");

        setAsUser(text("facilitator-email"), fran.email());
        click("Add a facilitator");

        assertThat(status()).contains("Fran Facilitator is now a facilitator of this session.");
        assertThat(_find(ListItem.class).stream().map(li -> li.getElement().getTextRecursively()))
                .anyMatch(t -> t.startsWith("Fran Facilitator"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(fran, null, fran.getAuthorities()));
        assertThat(qa.canModerate(id)).isTrue();
    }

    @Test
    void a_captioner_is_added_by_email_and_may_then_send_captions() {
        long id = programme.session(week, "Carers' cafe").host(carers)
                .at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).create();
        ConveneUser cai = programme.account("Cai Captioner");
        login(programme.coordinator(carers));
        openSession(id);

        setAsUser(text("captioner-email"), cai.email());
        click("Add a captioner");

        assertThat(status()).contains("Cai Captioner is now a captioner of this session.");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(cai, null, cai.getAuthorities()));
        assertThat(captions.mayCaption(id)).isTrue();
    }

    @Test
    void an_account_whose_address_is_not_confirmed_is_refused_as_facilitator_with_the_reason() {
        long id = programme.session(week, "Carers' cafe").host(carers)
                .at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).create();
        ConveneUser una = programme.account("Una Unconfirmed");
        db.update(APP_USER).setNull(APP_USER.EMAIL_CONFIRMED_AT).where(APP_USER.ID.eq(una.id())).execute();
        login(programme.coordinator(carers));
        openSession(id);

        setAsUser(text("facilitator-email"), una.email());
        click("Add a facilitator");

        assertThat(_find(ErrorSummary.class).getFirst().messages())
                .containsExactly(EmailConfirmationService.UNCONFIRMED_FACILITATOR);
        assertThat(text("facilitator-email").getErrorMessage()).isEqualTo(EmailConfirmationService.UNCONFIRMED_FACILITATOR);
    }

    @Test
    void speakers_are_chosen_from_the_people_and_removed_without_losing_unsaved_changes() {
        long amara = programme.person("Amara " + programme.tag(), "Carers Together", null);
        long id = programme.session(week, "Carers' cafe").host(carers)
                .at(MONDAY.atTime(10, 0), MONDAY.atTime(11, 0)).create();
        login(organiser);
        openSession(id);
        setAsUser(text("title"), "Typed but not saved");

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<org.convene.organising.AssignedPerson> choice =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("speaker"));
        choice.setValue(new org.convene.organising.AssignedPerson(amara, "Amara " + programme.tag(),
                "Carers Together", false));
        click("Add a speaker");

        assertThat(status()).contains("Amara " + programme.tag() + " is now a speaker of this session.");
        assertThat(text("title").getValue()).isEqualTo("Typed but not saved");
        Button remove = _get(Button.class, spec -> spec.withText("Remove"));
        assertThat(remove.getElement().getAttribute("aria-label"))
                .isEqualTo("Remove Amara " + programme.tag() + " as a speaker");
        _click(remove);

        assertThat(status()).contains("is no longer a speaker of this session.");
        assertThat(_find(Button.class, spec -> spec.withText("Remove"))).isEmpty();
        assertThat(text("title").getValue()).isEqualTo("Typed but not saved");
    }

    @Test
    void a_session_running_past_midnight_keeps_its_end_on_the_next_day() {
        long id = programme.session(week, "Night owls").host(carers)
                .at(MONDAY.atTime(22, 0), MONDAY.plusDays(1).atTime(0, 30)).create();
        login(organiser);
        openSession(id);

        assertThat(((TimePicker) field(TimePicker.class, "end-time")).getHelperText())
                .isEqualTo("UK time, on the day after the start");
        setAsUser(text("title"), "Night owls' chat");
        click("Save changes");

        assertThat(status()).contains("Your changes have been saved.");
        assertThat(db.select(PROGRAMME_SESSION.ENDS_AT).from(PROGRAMME_SESSION).where(PROGRAMME_SESSION.ID.eq(id))
                .fetchSingle().value1())
                .isEqualTo(MONDAY.plusDays(1).atTime(0, 30).atZone(week.timeZone()).toInstant());
    }

    @Test
    void an_unknown_or_malformed_session_address_is_page_not_found_with_a_404() {
        login(programme.organiser());

        assertThat(openAddress("manage/sessions/999999999")).isEqualTo(404);
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(openAddress("manage/sessions/newest")).isEqualTo(404);
        assertThat(_find(SessionEditorView.class)).isEmpty();

        assertThat(openAddress("manage/sessions/new")).isEqualTo(200);
        assertThat(_find(SessionEditorView.class)).hasSize(1);
    }

    @Test
    void a_coordinator_is_turned_away_from_another_organisations_session() {
        long id = programme.session(week, "Tenants' voices").host(council)
                .at(MONDAY.atTime(14, 0), MONDAY.atTime(15, 0)).create();
        login(programme.coordinator(carers));

        assertThat(openAddress("manage/sessions/" + id)).isEqualTo(403);

        assertThat(_get(H1.class).getText()).isEqualTo("You cannot open this page");
        assertThat(_find(TextField.class, spec -> spec.withId("title"))).isEmpty();
    }

    @Test
    void a_coordinator_adds_sessions_only_for_their_own_organisation() {
        login(programme.coordinator(carers));
        openNew();

        Select<HostRef> host = field(Select.class, "host");
        assertThat(host.getLabel()).isEqualTo("Host organisation");
        assertThat(host.getValue()).isEqualTo(carers);
        assertThat(host.isEmptySelectionAllowed()).isFalse();
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(host)).containsExactly(carers);
    }
}
