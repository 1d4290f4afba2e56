package org.convene.agenda.ui;

import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.Role;
import org.convene.materials.FileNames;
import org.convene.materials.Material;
import org.convene.materials.MaterialDraft;
import org.convene.materials.MaterialKind;
import org.convene.materials.MaterialSamples;
import org.convene.materials.MaterialsService;
import org.convene.materials.Publication;
import org.springframework.security.core.context.SecurityContextHolder;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.agenda.AgendaService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class MyAgendaViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    AgendaService agenda;
    @Autowired
    MaterialsService materials;

    ConveneUser me;
    long webinar;
    long workshop;

    @BeforeEach
    void agendaWithAClash() {
        long conference = data.conference("Europe/London", LocalDate.of(2031, 7, 7), LocalDate.of(2031, 7, 11));
        webinar = data.session(conference, "Carers’ voices webinar", Instant.parse("2031-07-07T09:00:00Z"), Instant.parse("2031-07-07T10:00:00Z"));
        workshop = data.session(conference, "Co-design workshop", Instant.parse("2031-07-07T09:30:00Z"), Instant.parse("2031-07-07T11:00:00Z"));
        me = data.user();
    }

    private void openWithBothSessions() {
        login(me);
        agenda.add(webinar);
        agenda.add(workshop);
        UI.getCurrent().navigate(MyAgendaView.class);
    }

    @Test
    void published_slides_and_handouts_are_linked_under_their_session_and_hidden_ones_are_not() {
        AccountFixtures.actAs(data.user(Role.ORGANISER));
        Material slides = published(materials.add(webinar,
                MaterialDraft.file(MaterialKind.SLIDES, "Webinar slides",
                        Publication.NOW, new MaterialDraft.UploadedFile(
                                "slides.pdf", MaterialSamples.pdf()))));
        published(materials.add(workshop, MaterialDraft.link(
                MaterialKind.HANDOUT, "Hidden handout", Publication.HIDDEN,
                "https://example.org/handout")));
        SecurityContextHolder.clearContext();

        openWithBothSessions();

        Anchor link = _get(Anchor.class, spec -> spec.withText("Webinar slides (PDF, "
                + FileNames.sizeInWords(MaterialSamples.pdf().length) + ")"));
        assertThat(link.getHref()).isEqualTo("materials/" + slides.id() + "/file");
        assertThat(link.getElement().getAttribute("aria-label")).startsWith("Slides for “Carers’ voices webinar”: ");
        assertThat(_get(MyAgendaView.class).getElement().getTextRecursively()).doesNotContain("Hidden handout");
    }

    private static Material published(
            SaveResult<Material> result) {
        return ((SaveResult.Saved<Material>) result).value();
    }

    @Test
    void someone_not_signed_in_cannot_open_the_agenda() {
        assertCannotOpen(MyAgendaView.class);
    }

    @Test
    void an_empty_agenda_explains_how_to_add_sessions() {
        login(me);
        UI.getCurrent().navigate(MyAgendaView.class);

        assertThat(_get(MyAgendaView.class).getElement().getTextRecursively())
                .contains("You have not added any sessions yet");
    }

    @Test
    void sessions_are_listed_by_day_in_the_conference_time_zone_with_times_in_words() {
        openWithBothSessions();

        _get(H3.class, spec -> spec.withText("Monday 7 July 2031"));
        String text = _get(MyAgendaView.class).getElement().getTextRecursively();
        assertThat(text).contains("Times are in UK time", "10am to 11am", "10.30am to midday");
        assertThat(_find(Anchor.class, spec -> spec.withText("Carers’ voices webinar"))).hasSize(1);
    }

    @Test
    void overlapping_sessions_are_warned_about_and_marked() {
        openWithBothSessions();

        _get(H2.class, spec -> spec.withText("Some of your sessions overlap"));
        assertThat(_get(MyAgendaView.class).getElement().getTextRecursively())
                .contains("“Carers’ voices webinar” and “Co-design workshop” overlap on Monday 7 July",
                        "Overlaps with “Co-design workshop”");
    }

    @Test
    void removing_a_session_updates_the_list_and_says_so() {
        openWithBothSessions();

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Remove “Co-design workshop” from my agenda")));

        assertThat(agenda.mySessionIds()).containsExactly(webinar);
        assertThat(_find(H2.class, spec -> spec.withText("Some of your sessions overlap"))).isEmpty();
        assertThat(_get(Div.class, spec -> spec.withAttribute("role", "status")).getText())
                .isEqualTo("Removed “Co-design workshop” from your agenda.");
    }

    @Test
    void the_calendar_address_is_shown_once_and_can_be_renewed_or_stopped() {
        openWithBothSessions();

        _click(_get(Button.class, spec -> spec.withText("Make my calendar address")));
        String first = _get(TextField.class, spec -> spec.withLabel("Your private calendar address")).getValue();
        assertThat(first).matches("https://convene\\.example\\.test/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics");

        _click(_get(Button.class, spec -> spec.withText("Make a new address")));
        String second = _get(TextField.class, spec -> spec.withLabel("Your private calendar address")).getValue();
        assertThat(second).isNotEqualTo(first);

        UI.getCurrent().getPage().reload();
        assertThat(_find(TextField.class, spec -> spec.withLabel("Your private calendar address"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("Stop the address")));
        _get(Button.class, spec -> spec.withText("Make my calendar address"));
    }

    @Autowired
    org.jooq.DSLContext db;

    private void update(long sessionId, java.util.function.UnaryOperator<org.jooq.UpdateSetMoreStep<org.convene.db.tables.records.ProgrammeSessionRecord>> change) {
        change.apply(db.update(PS).set(PS.VERSION, PS.VERSION.plus(1))).where(PS.ID.eq(sessionId)).execute();
    }

    private static final org.convene.db.tables.ProgrammeSession PS = org.convene.db.Tables.PROGRAMME_SESSION;

    private static String status() {
        return _get(Div.class, spec -> spec.withAttribute("role", "status")).getText();
    }

    @Test
    void a_moved_and_a_cancelled_session_are_announced_on_the_agenda_until_dismissed() {
        login(me);
        agenda.add(webinar);
        agenda.add(workshop);
        update(webinar, u -> u.set(PS.STARTS_AT, java.time.Instant.parse("2031-07-09T13:00:00Z"))
                .set(PS.ENDS_AT, java.time.Instant.parse("2031-07-09T14:00:00Z")));
        update(workshop, u -> u.set(PS.CANCELLED_AT, java.time.Instant.parse("2031-07-01T09:00:00Z"))
                .set(PS.CANCELLATION_REASON, "The speaker is unwell"));

        UI.getCurrent().navigate(MyAgendaView.class);

        _get(H2.class, spec -> spec.withText("Changes to your sessions"));
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).contains(
                "Moved: was Monday 7 July, 10am to 11am; now Wednesday 9 July, 2pm to 3pm (UK time)",
                "Cancelled: The speaker is unwell");
        assertThat(_get(MyAgendaView.class).getElement().getTextRecursively())
                .as("the cancelled one is marked in the list too").contains("Cancelled: The speaker is unwell")
                .as("and no longer clashes").doesNotContain("Some of your sessions overlap");

        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Dismiss the notice about “Carers’ voices webinar”")));

        assertThat(status()).isEqualTo("Dismissed the notice about “Carers’ voices webinar”.");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .doesNotContain("Moved: was Monday 7 July, 10am to 11am; now Wednesday 9 July, 2pm to 3pm (UK time)")
                .contains("Cancelled: The speaker is unwell");
        UI.getCurrent().navigate(MyAgendaView.class);
        assertThat(_find(Button.class, spec -> spec.withText("Dismiss"))).hasSize(1);
    }

    @Test
    void changes_made_before_the_session_was_added_are_not_announced() {
        update(webinar, u -> u.set(PS.STARTS_AT, java.time.Instant.parse("2031-07-09T13:00:00Z"))
                .set(PS.ENDS_AT, java.time.Instant.parse("2031-07-09T14:00:00Z")));
        login(me);
        agenda.add(webinar);

        UI.getCurrent().navigate(MyAgendaView.class);

        assertThat(_find(H2.class, spec -> spec.withText("Changes to your sessions"))).isEmpty();
    }

    @Test
    void a_past_session_with_a_recording_offers_to_watch_it() {
        update(webinar, u -> u.set(PS.RECORDING_URL, "https://video.example.org/carers"));
        login(me);
        agenda.add(webinar);
        clock.set(Instant.parse("2031-07-07T08:00:00Z"));
        UI.getCurrent().navigate(MyAgendaView.class);
        assertThat(_find(Anchor.class, spec -> spec.withText("Watch the recording"))).isEmpty();

        clock.set(Instant.parse("2031-07-08T08:00:00Z"));
        UI.getCurrent().navigate(MyAgendaView.class);

        Anchor watch = _get(Anchor.class, spec -> spec.withText("Watch the recording"));
        assertThat(watch.getHref()).isEqualTo("https://video.example.org/carers");
        assertThat(watch.getElement().getAttribute("aria-label")).isEqualTo("Watch the recording of “Carers’ voices webinar”");
    }
}
