package org.convene.captions.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.captions.CaptionLimits;
import org.convene.captions.CaptionLine;
import org.convene.captions.TranscriptService;
import org.convene.captions.TranscriptState;
import org.convene.core.time.DateTexts;
import org.convene.core.SaveResult;
import org.convene.core.security.Role;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ManageLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.util.Objects;

/**
 * A session's captions for its hosts: the CART provider's live text page, and after the session the transcript,
 * corrected line by line, then published as a WebVTT file and a plain transcript that the recording links to.
 */
@Route(value = "manage/sessions/:id(\\d+)/captions", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@StyleSheet(AdminPage.STYLES)
public class CaptionsAdminView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TranscriptService transcripts;
    private final ProgrammeService programme;

    private final Div status = AdminPage.status("captions-status");
    private final TextField cart = new TextField("Live text page address (optional)");
    private final Paragraph summary = new Paragraph();
    private final Button publish = new Button();
    private final Grid<CaptionLine> grid = new Grid<>();
    private @Nullable TranscriptState state;
    private @Nullable SessionDetail session;
    private String pageTitle = "Live captions and transcript - Convene";

    public CaptionsAdminView(TranscriptService transcripts, ProgrammeService programme) {
        this.transcripts = transcripts;
        this.programme = programme;
        addClassName("cv-narrow");
        cart.setId("cart-url");
        cart.setWidthFull();
        cart.setManualValidation(true);
        cart.setHelperText("If a CART provider types the captions on their own page, its address, starting with "
                + "https://. The session page links to it.");
        publish.setId("transcript-publish");
        publish.addClickListener(e -> togglePublished());
        grid.setId("transcript-lines");
        grid.setAriaLabel("Finished caption lines");
        grid.setAllRowsVisible(false);
        grid.setHeight("30rem");
        grid.addColumn(line -> at(line)).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CaptionLine::text).setHeader("Text").setFlexGrow(1);
        grid.addComponentColumn(line -> {
            Button correct = new Button("Correct", e -> openCorrection(line));
            correct.getElement().setAttribute("aria-label", "Correct the line at " + at(line));
            return correct;
        }).setHeader("Change").setAutoWidth(true).setFlexGrow(0);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = IdParameter.require(event, "id");
        state = AdminPage.session(id, transcripts::state); // refuses people who may not manage the session
        session = programme.session(id).orElseThrow();
        pageTitle = "Live captions and transcript: " + session.title() + " - Convene";
        removeAll();
        Button saveCart = new Button("Save address", e -> saveCart());
        saveCart.setId("save-cart-url");
        Section cartSection = new Section(new H2("Live text page (CART)"), cart, saveCart);
        Section transcriptSection = new Section(new H2("Transcript"), summary, publish,
                new Paragraph("Correct a line if the captioner misheard. Attendees see the corrected line; the line "
                        + "as it was sent is kept."), grid);
        add(new H1("Live captions and transcript"), new Paragraph(session.title() + ", "
                        + DateTexts.day(session.startsAt().atZone(session.conference().timeZone()).toLocalDate())),
                status, cartSection, transcriptSection,
                new Paragraph(AdminPage.link(ManageLinks.session(id), "Back to the session")));
        show(state());
        grid.setItems(query -> transcripts.finalLines(id, query.getOffset(), query.getLimit()).stream());
    }

    private void show(TranscriptState shown) {
        state = shown;
        cart.setValue(shown.cartUrl() == null ? "" : shown.cartUrl());
        cart.setInvalid(false);
        String count = shown.finalLines() == 1 ? "1 finished line" : shown.finalLines() + " finished lines";
        summary.removeAll();
        if (shown.published()) {
            summary.add(count + ". Published: ");
            summary.add(AdminPage.link(shown.captionsFileUrl(), "captions file (WebVTT)"));
            summary.add(" and ");
            summary.add(AdminPage.link(shown.transcriptUrl(), "transcript"));
            summary.add(". The recording links to them unless it names other files.");
            publish.setText("Take the transcript down");
        } else {
            summary.add(count + ". Not published yet" + (shown.ended() ? "." : ": you can publish it once the session has ended."));
            publish.setText("Publish the transcript");
        }
        publish.setEnabled(shown.published() || shown.ended());
    }

    private void saveCart() {
        answer(transcripts.saveCartUrl(state().sessionId(), state().version(), cart.getValue()),
                "Saved. The session page links to the live text page.", "Saved. There is no live text page now.");
    }

    private void togglePublished() {
        boolean published = state().published();
        SaveResult<Integer> result = published ? transcripts.unpublish(state().sessionId(), state().version())
                : transcripts.publish(state().sessionId(), state().version());
        answer(result, published ? "The transcript is no longer published." : "The transcript is published.", null);
    }

    private void answer(SaveResult<Integer> result, String saved, @Nullable String savedEmpty) {
        try {
            switch (result) {
                case SaveResult.Saved<Integer> ok -> {
                    show(transcripts.state(state().sessionId()));
                    AdminPage.setStatus(status, savedEmpty != null && cart.getValue().isBlank() ? savedEmpty : saved,
                            "cv-success");
                }
                case SaveResult.Invalid<Integer> invalid -> {
                    if (invalid.problems().containsKey(TranscriptService.CART_FIELD)) {
                        cart.setErrorMessage(invalid.firstMessage());
                        cart.setInvalid(true);
                        cart.focus();
                    }
                    AdminPage.setStatus(status, invalid.firstMessage(), "cv-warning");
                }
                case SaveResult.Conflict<Integer> conflict -> {
                    show(transcripts.state(state().sessionId()));
                    AdminPage.setStatus(status, "Someone else changed this page meanwhile. It now shows their "
                            + "changes: check them, then try again.", "cv-warning");
                }
            }
        } catch (AccessDeniedException refused) {
            AdminPage.setStatus(status, String.valueOf(refused.getMessage()), "cv-warning");
        }
    }

    private void openCorrection(CaptionLine line) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Correct the line at " + at(line));
        TextField text = new TextField("Corrected line");
        text.setId("correction-text");
        text.setValue(line.text());
        text.setMaxLength(CaptionLimits.LINE_MAX);
        text.setWidthFull();
        text.setManualValidation(true);
        Button save = new Button("Save correction", e -> {
            switch (transcripts.correct(state().sessionId(), line.line(), line.revisions(), text.getValue())) {
                case SaveResult.Saved<Long> ok -> {
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                    AdminPage.setStatus(status, "Saved the corrected line.", "cv-success");
                }
                case SaveResult.Invalid<Long> invalid -> {
                    text.setErrorMessage(invalid.firstMessage());
                    text.setInvalid(true);
                }
                case SaveResult.Conflict<Long> conflict -> {
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                    AdminPage.setStatus(status, "Someone changed that line meanwhile. The list shows it as it is "
                            + "now: correct it again if it still needs it.", "cv-warning");
                }
            }
        });
        save.setId("save-correction");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.add(text);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        text.focus();
    }

    /** Time into the session, as in the transcript file. */
    private String at(CaptionLine line) {
        Duration in = Duration.between(Objects.requireNonNull(session, "read on entering").startsAt(), line.startedAt());
        long s = Math.max(0, in.toSeconds());
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private TranscriptState state() {
        return Objects.requireNonNull(state, "read on entering");
    }
}
