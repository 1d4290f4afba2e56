package org.convene.materials;

import org.convene.IntegrationTest;
import org.convene.TestClock;
import org.convene.account.AccountFixtures;
import org.convene.core.SaveResult;
import org.convene.core.security.ConveneUser;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.programme.ProgrammeFixture;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convene.db.Tables.PROGRAMME_SESSION;

@IntegrationTest
class MaterialsServiceTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TUESDAY = LocalDate.of(2032, 11, 23);

    @Autowired
    MaterialsService materials;
    @Autowired
    DSLContext db;
    @Autowired
    TestClock clock;

    ProgrammeFixture fixture;
    ConferenceSummary week;
    HostRef carers;
    HostRef council;
    long caring;
    long other;

    @BeforeEach
    void setUp() {
        fixture = new ProgrammeFixture(db);
        week = fixture.conference("Materials week", "Europe/London", TUESDAY.minusDays(1), TUESDAY.plusDays(3));
        carers = fixture.host("Carers Together");
        council = fixture.host("Northshire Council");
        caring = fixture.session(week, "Caring at home").at(at(TUESDAY, 14), at(TUESDAY, 15)).host(carers).create();
        other = fixture.session(week, "Council budgets").at(at(TUESDAY, 16), at(TUESDAY, 17)).host(council).create();
        clock.set(instant(TUESDAY.minusDays(3), 9));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        clock.reset();
        fixture.cleanUp();
    }

    private static LocalDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0);
    }

    private static Instant instant(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(LONDON).toInstant();
    }

    private ConveneUser carersHost() {
        return fixture.coordinator("Hana Host", carers);
    }

    private static MaterialDraft slides(Publication when) {
        return MaterialDraft.file(MaterialKind.SLIDES, "Slides", when,
                new MaterialDraft.UploadedFile("caring.pdf", MaterialSamples.pdf()));
    }

    private Material saved(SaveResult<Material> result) {
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved<Material>) result).value();
    }

    private static java.util.Map<String, String> problems(SaveResult<Material> result) {
        assertThat(result).isInstanceOf(SaveResult.Invalid.class);
        return ((SaveResult.Invalid<Material>) result).problems();
    }

    @Test
    void the_sessions_host_adds_a_file_that_is_kept_with_its_type_size_and_name() {
        AccountFixtures.actAs(carersHost());

        Material slides = saved(materials.add(caring, slides(Publication.NOW)));

        assertThat(slides.fileType()).isEqualTo(FileType.PDF);
        assertThat(slides.fileSize()).isEqualTo(MaterialSamples.pdf().length);
        assertThat(slides.fileName()).isEqualTo("caring.pdf");
        assertThat(slides.publishAt()).isEqualTo(clock.instant());
        assertThat(materials.download(slides.id())).get().satisfies(file -> {
            assertThat(file.bytes()).isEqualTo(MaterialSamples.pdf());
            assertThat(file.downloadName()).isEqualTo("caring.pdf");
        });
        assertThat(materials.forManaging(caring).materials()).containsExactly(slides);
    }

    @Test
    void an_organiser_adds_a_web_address_which_must_be_https() {
        AccountFixtures.actAs(fixture.organiser());

        assertThat(problems(materials.add(caring, MaterialDraft.link(MaterialKind.HANDOUT, "Handout", Publication.NOW,
                "http://example.org/handout")))).containsOnlyKeys(MaterialDraft.WEB_ADDRESS);
        Material handout = saved(materials.add(caring, MaterialDraft.link(MaterialKind.HANDOUT, "Handout",
                Publication.NOW, " https://example.org/handout ")));

        assertThat(handout.webAddress()).isEqualTo("https://example.org/handout");
        assertThat(handout.href()).isEqualTo("https://example.org/handout");
        assertThat(handout.formatInWords()).isEqualTo("Web page");
        assertThat(materials.download(handout.id())).isEmpty();
    }

    @Test
    void an_attendee_and_the_host_of_another_session_are_refused() {
        AccountFixtures.actAs(carersHost());
        Material slides = saved(materials.add(caring, slides(Publication.HIDDEN)));

        for (ConveneUser refused : List.of(fixture.attendee(), fixture.coordinator("Colin Council", council))) {
            AccountFixtures.actAs(refused);
            assertThatThrownBy(() -> materials.add(caring, slides(Publication.NOW)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> materials.forManaging(caring)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> materials.change(slides.id(), MaterialKind.SLIDES, "Mine", Publication.NOW))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> materials.remove(slides.id())).isInstanceOf(AccessDeniedException.class);
            assertThat(materials.mayManage(caring)).isFalse();
        }
        AccountFixtures.actAs(carersHost());
        assertThat(materials.forManaging(caring).materials()).extracting(Material::title).containsExactly("Slides");
    }

    @Test
    void the_day_before_means_from_midnight_before_the_sessions_day_and_follows_the_session_when_it_moves() {
        AccountFixtures.actAs(carersHost());
        Material slides = saved(materials.add(caring, slides(Publication.DAY_BEFORE)));
        Material answers = saved(materials.add(caring, MaterialDraft.link(MaterialKind.OTHER, "Quiz answers",
                Publication.AFTER_SESSION, "https://example.org/answers")));

        assertThat(slides.publishAt()).isEqualTo(instant(TUESDAY.minusDays(1), 0));
        assertThat(answers.publishAt()).isEqualTo(instant(TUESDAY, 15));

        db.update(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.STARTS_AT, instant(TUESDAY.plusDays(2), 10))
                .set(PROGRAMME_SESSION.ENDS_AT, instant(TUESDAY.plusDays(2), 11))
                .where(PROGRAMME_SESSION.ID.eq(caring)).execute();

        assertThat(materials.forManaging(caring).materials()).extracting(Material::publishAt)
                .containsExactly(instant(TUESDAY.plusDays(1), 0), instant(TUESDAY.plusDays(2), 11));
    }

    @Test
    void unpublished_materials_are_hidden_from_attendees_until_their_time() {
        AccountFixtures.actAs(carersHost());
        Material draft = saved(materials.add(caring, slides(Publication.HIDDEN)));
        Material dayBefore = saved(materials.add(caring, slides(Publication.DAY_BEFORE)));
        Material now = saved(materials.add(caring, slides(Publication.NOW)));
        assertThat(materials.download(draft.id())).as("the host may check a draft").isPresent();

        AccountFixtures.actAs(fixture.attendee());
        assertThat(materials.published(caring)).extracting(Material::id).containsExactly(now.id());
        assertThat(materials.download(draft.id())).isEmpty();
        assertThat(materials.download(dayBefore.id())).isEmpty();
        SecurityContextHolder.clearContext();
        assertThat(materials.download(draft.id())).isEmpty();

        clock.set(instant(TUESDAY.minusDays(1), 0));
        assertThat(materials.published(caring)).extracting(Material::id).containsExactly(dayBefore.id(), now.id());
        assertThat(materials.download(dayBefore.id())).isPresent();
    }

    @Test
    void other_features_read_published_materials_of_many_sessions_now_or_by_a_later_moment() {
        AccountFixtures.actAs(fixture.organiser());
        Material slides = saved(materials.add(caring, slides(Publication.DAY_BEFORE)));
        Material budget = saved(materials.add(other, MaterialDraft.link(MaterialKind.EASY_READ, "Easy read budget",
                Publication.NOW, "https://example.org/budget")));
        saved(materials.add(other, slides(Publication.HIDDEN)));

        assertThat(materials.publishedFor(List.of(caring, other))).containsOnlyKeys(other)
                .extractingByKey(other).isEqualTo(List.of(budget));
        assertThat(materials.publishedBy(List.of(caring, other), instant(TUESDAY.minusDays(1), 18)))
                .containsEntry(caring, List.of(slides)).containsEntry(other, List.of(budget));
        assertThat(materials.publishedFor(List.of())).isEmpty();
    }

    @Test
    void changing_the_publication_and_removing_work_and_now_keeps_its_first_moment() {
        AccountFixtures.actAs(carersHost());
        Material slides = saved(materials.add(caring, slides(Publication.NOW)));
        Instant first = clock.instant();
        clock.set(first.plusSeconds(3600));

        Material renamed = saved(materials.change(slides.id(), MaterialKind.EASY_READ, "Easy read slides", Publication.NOW));
        assertThat(renamed.publishAt()).isEqualTo(first);
        assertThat(renamed.kind()).isEqualTo(MaterialKind.EASY_READ);

        Material hidden = saved(materials.change(slides.id(), MaterialKind.EASY_READ, "Easy read slides", Publication.HIDDEN));
        assertThat(hidden.publishAt()).isNull();
        assertThat(problems(materials.change(slides.id(), null, " ", Publication.NOW)))
                .containsOnlyKeys(MaterialDraft.KIND, MaterialDraft.TITLE);

        materials.remove(slides.id());
        assertThat(materials.forManaging(caring).materials()).isEmpty();
        assertThat(materials.download(slides.id())).isEmpty();
    }

    @Test
    void files_of_other_kinds_empty_files_and_files_over_the_cap_are_refused_with_clear_words() {
        AccountFixtures.actAs(carersHost());

        String wrongType = problems(materials.add(caring, MaterialDraft.file(MaterialKind.HANDOUT, "Handout",
                Publication.NOW, new MaterialDraft.UploadedFile("handout.pdf", MaterialSamples.program()))))
                .get(MaterialDraft.FILE);
        assertThat(wrongType).startsWith("The file must be a PDF, Word (.docx)");
        assertThat(problems(materials.add(caring, MaterialDraft.file(MaterialKind.HANDOUT, "Handout", Publication.NOW,
                new MaterialDraft.UploadedFile("notes.docx", MaterialSamples.plainZip())))))
                .containsKey(MaterialDraft.FILE);
        assertThat(problems(materials.add(caring, MaterialDraft.file(MaterialKind.HANDOUT, "Handout", Publication.NOW,
                new MaterialDraft.UploadedFile("empty.pdf", new byte[0])))).get(MaterialDraft.FILE))
                .isEqualTo("The file you chose is empty. Choose another file");

        byte[] tooLarge = Arrays.copyOf(MaterialSamples.pdf(), materials.maxFileBytes() + 1);
        assertThat(problems(materials.add(caring, MaterialDraft.file(MaterialKind.SLIDES, "Slides", Publication.NOW,
                new MaterialDraft.UploadedFile("big.pdf", tooLarge)))).get(MaterialDraft.FILE))
                .isEqualTo("The file must be 20 MB or smaller. Make it smaller, or share it as a web address");
        byte[] atTheCap = Arrays.copyOf(MaterialSamples.pdf(), materials.maxFileBytes());
        assertThat(saved(materials.add(caring, MaterialDraft.file(MaterialKind.SLIDES, "Slides", Publication.NOW,
                new MaterialDraft.UploadedFile("big.pdf", atTheCap)))).fileSize()).isEqualTo(20_971_520);
    }

    @Test
    void titles_are_plain_words_within_the_limit() {
        AccountFixtures.actAs(carersHost());
        MaterialDraft.UploadedFile pdf = new MaterialDraft.UploadedFile("a.pdf", MaterialSamples.pdf());

        assertThat(problems(materials.add(caring, MaterialDraft.file(null, "  ", Publication.NOW, pdf))))
                .containsOnlyKeys(MaterialDraft.KIND, MaterialDraft.TITLE);
        assertThat(problems(materials.add(caring, MaterialDraft.file(MaterialKind.SLIDES,
                "x".repeat(MaterialLimits.TITLE_MAX + 1), Publication.NOW, pdf))).get(MaterialDraft.TITLE))
                .isEqualTo("Title must be 120 characters or fewer");
        assertThat(problems(materials.add(caring, MaterialDraft.file(MaterialKind.SLIDES, "Bad\u0000title",
                Publication.NOW, pdf))).get(MaterialDraft.TITLE)).contains("cannot be stored");
        assertThat(saved(materials.add(caring, MaterialDraft.file(MaterialKind.SLIDES,
                "x".repeat(MaterialLimits.TITLE_MAX), Publication.NOW, pdf))).title()).hasSize(MaterialLimits.TITLE_MAX);
    }
}
