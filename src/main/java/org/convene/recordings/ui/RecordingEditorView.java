package org.convene.recordings.ui;

import org.convene.core.time.DateTexts;
import org.convene.core.time.ZoneTexts;
import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ConferenceLinks;
import org.convene.programme.ui.ManageLinks;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.recordings.RecordingDraft;
import org.convene.recordings.RecordingEdit;
import org.convene.recordings.RecordingResult;
import org.convene.recordings.RecordingService;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Publishing a session's recording with the formats that make it accessible: captions (a WebVTT file),
 * a transcript and an easy-read summary. Opened from the session editor once the session has ended.
 * The version read with the form goes back with each change, so two people editing at once are told.
 */
@Route(value = "manage/sessions/:id(\\d+)/recording", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@StyleSheet(AdminPage.STYLES)
public class RecordingEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final RecordingService recordings;
    private final Clock clock;

    private final ErrorSummary errors = new ErrorSummary();
    private final Div status = new Div();
    private final Div body = new Div();
    private final TextField url = new TextField("Recording address");
    private final TextField captions = new TextField("Captions file address (optional)");
    private final TextField transcript = new TextField("Transcript address (optional)");
    private final TextField bsl = new TextField("BSL version address (optional)");
    private final TextArea easyRead = new TextArea("Easy read summary (optional)");
    private final Map<RecordingDraft.Field, Component> fields = new EnumMap<>(RecordingDraft.Field.class);

    private final H1 heading = new H1();
    private final Paragraph lead = new Paragraph();

    private @Nullable Div confirmation;
    private long sessionId;
    private int version;
    private String pageTitle = "Publish a recording";

    public RecordingEditorView(RecordingService recordings, Clock clock) {
        this.recordings = recordings;
        this.clock = clock;
        addClassName("cv-narrow");
        lead.addClassName("cv-lead");
        status.setId("recording-status");
        status.getElement().setAttribute("role", "status");
        url.setId("recording-url");
        url.setHelperText("A link to the video, for example on YouTube or Vimeo, or a video file ending in .mp4 or .webm");
        captions.setId("captions-url");
        captions.setHelperText("A WebVTT file (.vtt). With a video file, the session page shows these captions in its player");
        transcript.setId("transcript-url");
        transcript.setHelperText("A web page or document with everything that was said");
        bsl.setId("bsl-recording-url");
        bsl.setHelperText("The recording with a British Sign Language interpreter in view, if there is one");
        easyRead.setId("easy-read-summary");
        easyRead.setHelperText("Short sentences in plain words about what the session covered, up to "
                + RecordingDraft.EASY_READ_MAX + " characters");
        for (Component field : List.of(url, captions, transcript, bsl, easyRead)) {
            ((com.vaadin.flow.component.HasValidation) field).setManualValidation(true);
            ((com.vaadin.flow.component.HasSize) field).setWidthFull();
        }
        fields.put(RecordingDraft.Field.URL, url);
        fields.put(RecordingDraft.Field.CAPTIONS_URL, captions);
        fields.put(RecordingDraft.Field.TRANSCRIPT_URL, transcript);
        fields.put(RecordingDraft.Field.BSL_URL, bsl);
        fields.put(RecordingDraft.Field.EASY_READ_SUMMARY, easyRead);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = IdParameter.require(event, "id");
        RecordingEdit edit = AdminPage.session(id, recordings::forEditing);
        removeAll();
        heading.setText("");
        lead.setText("");
        status.setText("");
        status.setClassName("");
        body.removeAll();
        errors.clear(url, captions, transcript, bsl, easyRead);
        add(errors, heading, lead, status, body);
        sessionId = id;
        render(edit);
        add(links());
    }

    /** Redraws the form from what is stored; the live region and headings stay in place. */
    private void render(RecordingEdit edit) {
        version = edit.version();
        pageTitle = "Recording: " + edit.title();
        heading.setText(edit.published() ? "Change the recording" : "Publish the recording");
        lead.setText(edit.title() + ": " + ZoneTexts.dayAndRange(edit.startsAt(), edit.endsAt(), edit.zone())
                + " (" + ZoneTexts.shortName(edit.zone()) + ")");
        body.removeAll();

        if (edit.cancelled()) {
            body.add(new Paragraph("This session was cancelled, so it has no recording. If it did take place, "
                    + "restore it first."));
            return;
        }
        if (!edit.hasEnded(clock.instant())) {
            body.add(new Paragraph("You can publish the recording once the session has ended, after "
                    + DateTexts.time(edit.endsAt().atZone(edit.zone()).toLocalTime()) + " ("
                    + ZoneTexts.shortName(edit.zone()) + ") on "
                    + DateTexts.day(edit.endsAt().atZone(edit.zone()).toLocalDate()) + "."));
            return;
        }
        url.setValue(nullToEmpty(edit.current().url()));
        captions.setValue(nullToEmpty(edit.current().captionsUrl()));
        transcript.setValue(nullToEmpty(edit.current().transcriptUrl()));
        bsl.setValue(nullToEmpty(edit.current().bslUrl()));
        easyRead.setValue(nullToEmpty(edit.current().easyReadSummary()));
        Button publish = new Button(edit.published() ? "Save changes" : "Publish the recording", e -> publish());
        publish.addThemeVariants(ButtonVariant.PRIMARY);
        Div actions = new Div(publish);
        actions.addClassName("cv-button-row");
        Div form = new Div(url, captions, transcript, bsl, easyRead, actions);
        if (edit.published()) {
            Button unpublish = new Button("Take the recording down");
            unpublish.addThemeVariants(ButtonVariant.ERROR);
            unpublish.addClickListener(e -> confirmUnpublish(form, unpublish));
            actions.add(unpublish);
        }
        form.addClassName("cv-form");
        body.add(form);
    }

    private Div links() {
        Div links = new Div(new Paragraph(AdminPage.link(ConferenceLinks.session(sessionId), "See the session page")),
                new Paragraph(AdminPage.link(ManageLinks.session(sessionId), "Back to editing the session")));
        links.addClassName("cv-manage-links");
        return links;
    }

    private void publish() {
        errors.clear(url, captions, transcript, bsl, easyRead);
        RecordingDraft draft = new RecordingDraft(url.getValue(), captions.getValue(), transcript.getValue(),
                easyRead.getValue(), bsl.getValue());
        handle(recordings.publish(sessionId, version, draft),
                "Recording published. It is on the session page and in the Recordings library.");
    }

    /** Taking it down also forgets the addresses and summary, so it is asked about first. */
    private void confirmUnpublish(Div form, Button trigger) {
        if (confirmation != null && confirmation.getParent().isPresent()) {
            return;
        }
        confirmation = AdminPage.confirmation("recording-takedown", "Take the recording down?",
                "Attendees will no longer see the recording on the session page or in the Recordings library. "
                        + "The addresses of the recording, captions file, transcript and BSL version and the easy read summary "
                        + "are removed from Convene; the video itself stays where it is hosted. To show it again, "
                        + "you will need to publish it again.",
                "Take it down", "Keep it published",
                () -> {
                    form.remove(confirmation);
                    unpublish();
                },
                () -> {
                    form.remove(confirmation);
                    trigger.focus();
                });
        form.add(confirmation);
    }

    private void unpublish() {
        errors.clear(url, captions, transcript, bsl, easyRead);
        handle(recordings.unpublish(sessionId, version), "Recording taken down. Attendees no longer see it.");
    }

    private void handle(RecordingResult result, String success) {
        switch (result) {
            case RecordingResult.Saved saved -> {
                render(recordings.forEditing(sessionId));
                setDocumentTitle(pageTitle);
                status.setText(success);
                status.setClassName("cv-success");
            }
            case RecordingResult.Invalid invalid -> {
                errors.show(invalid.problems().stream()
                        .map(p -> new ErrorSummary.Problem(Objects.requireNonNull(fields.get(p.field()),
                                "a field for every part of a recording"), p.message())).toList());
                setDocumentTitle(ErrorSummary.pageTitle(true, pageTitle));
            }
            case RecordingResult.Conflict conflict -> showConflict();
            case RecordingResult.Refused refused -> {
                status.removeAll();
                status.setText(refused.message());
                status.setClassName("cv-warning");
            }
        }
    }

    /** What the person typed stays in the form until they choose to load the other change. */
    private void showConflict() {
        AdminPage.showConflictIn(status, "Someone else changed this session since you opened this page, so your "
                        + "change was not saved. Load the latest version to see their change, then make yours again.",
                () -> render(recordings.forEditing(sessionId)),
                "Loaded the latest version. Check it, then make your change again.");
    }

    private static void setDocumentTitle(String title) {
        UI.getCurrent().getPage().setTitle(title);
    }

    private static String nullToEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
