package org.convene.materials.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.QueryParameters;
import org.convene.KaribuTest;
import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.materials.Material;
import org.convene.materials.MaterialDraft;
import org.convene.materials.MaterialKind;
import org.convene.materials.MaterialSamples;
import org.convene.materials.MaterialsService;
import org.convene.materials.Publication;
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
import java.time.ZoneId;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The materials' part of the session page (timetable.ui.SessionView), contributed as a SessionPageSection. */
class MaterialsSectionTest extends KaribuTest {

    private static final LocalDate DAY = LocalDate.of(2033, 6, 15);

    @Autowired
    DSLContext db;
    @Autowired
    MaterialsService materials;

    ProgrammeFixture fixture;
    HostRef carers;
    ConveneUser host;
    long sessionId;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        ConferenceSummary week = fixture.conference("Materials week", "Europe/London", DAY, DAY);
        carers = fixture.host("Carers Together");
        host = fixture.coordinator("Hana Host", carers);
        sessionId = fixture.session(week, "Caring at home").at(DAY.atTime(14, 0), DAY.atTime(15, 0)).host(carers)
                .create();
        clock.set(DAY.minusDays(3).atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());
    }

    @AfterEach
    void tearDown() {
        fixture.cleanUp();
    }

    private Material add(MaterialDraft draft) {
        AccountFixtures.actAs(host);
        try {
            return ((SaveResult.Saved<Material>) materials.add(sessionId, draft)).value();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void open() {
        UI.getCurrent().navigate(ConferenceLinks.session(sessionId), QueryParameters.empty());
    }

    @Test
    void attendees_see_published_materials_with_kind_type_and_size_and_not_the_hidden_ones() {
        Material slides = add(MaterialDraft.file(MaterialKind.SLIDES, "Caring at home", Publication.NOW,
                new MaterialDraft.UploadedFile("caring.pdf", MaterialSamples.pdf())));
        add(MaterialDraft.link(MaterialKind.EASY_READ, "Easy read guide", Publication.NOW, "https://example.org/easy"));
        add(MaterialDraft.file(MaterialKind.HANDOUT, "Quiz answers", Publication.AFTER_SESSION,
                new MaterialDraft.UploadedFile("answers.txt", MaterialSamples.text())));
        add(MaterialDraft.file(MaterialKind.OTHER, "Draft", Publication.HIDDEN,
                new MaterialDraft.UploadedFile("draft.pdf", MaterialSamples.pdf())));

        login(fixture.attendee());
        open();

        Section section = _get(Section.class, spec -> spec.withId("materials"));
        assertThat(section.getElement().getTextRecursively()).startsWith("Slides and handouts");
        assertThat(_find(section, Anchor.class)).extracting(Anchor::getText).containsExactly(
                "Slides: Caring at home (PDF, " + org.convene.materials.FileNames.sizeInWords(MaterialSamples.pdf().length) + ")",
                "Easy read version: Easy read guide (web page)");
        Anchor file = _find(section, Anchor.class).getFirst();
        assertThat(file.getHref()).isEqualTo("materials/" + slides.id() + "/file");
        assertThat(file.getElement().hasAttribute("download")).isTrue();
        assertThat(file.getElement().hasAttribute("router-ignore")).isTrue();
        assertThat(_find(section, Anchor.class).get(1).getHref()).isEqualTo("https://example.org/easy");
    }

    @Test
    void a_session_without_published_materials_shows_nothing_to_visitors() {
        add(MaterialDraft.file(MaterialKind.OTHER, "Draft", Publication.HIDDEN,
                new MaterialDraft.UploadedFile("draft.pdf", MaterialSamples.pdf())));

        open();

        assertThat(_find(Section.class, spec -> spec.withId("materials"))).isEmpty();
    }

    @Test
    void the_sessions_hosts_are_offered_the_way_to_add_materials_even_before_any_are_published() {
        add(MaterialDraft.file(MaterialKind.OTHER, "Draft", Publication.HIDDEN,
                new MaterialDraft.UploadedFile("draft.pdf", MaterialSamples.pdf())));

        login(host);
        open();
        Section section = _get(Section.class, spec -> spec.withId("materials"));
        assertThat(section.getElement().getTextRecursively()).contains("Attendees see no materials yet.");
        assertThat(_get(section, Anchor.class, spec -> spec.withText("Add or change slides and handouts")).getHref())
                .isEqualTo("manage/sessions/" + sessionId + "/materials");
    }
}
