package org.convene.materials.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.SaveResult;
import org.convene.core.security.Role;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.convene.core.time.ZoneTexts;
import org.convene.materials.FileNames;
import org.convene.materials.FileType;
import org.convene.materials.ManagedMaterials;
import org.convene.materials.Material;
import org.convene.materials.MaterialDraft;
import org.convene.materials.MaterialKind;
import org.convene.materials.MaterialLimits;
import org.convene.materials.MaterialsService;
import org.convene.materials.Publication;
import org.convene.programme.SessionDetail;
import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ConferenceLinks;
import org.convene.programme.ui.ManageLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session's slides, easy-read version and handouts, for its hosts and the organisers: add a file or a web
 * address, choose when attendees see it, change that, remove it. Opened from the session editor. Every action is
 * checked again by {@link MaterialsService}.
 */
@Route(value = "manage/sessions/:id(\\d+)/materials", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@StyleSheet(AdminPage.STYLES)
@StyleSheet("styles/materials.css")
public class MaterialsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** How a host gives the material. */
    enum Source {
        FILE("Upload a file"), LINK("Give a web address");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    private final MaterialsService materials;

    private final ErrorSummary errors = new ErrorSummary();
    private final H1 heading = new H1("Slides and handouts");
    private final Paragraph lead = new Paragraph();
    private final Div status = AdminPage.status("materials-status");
    private final Section listSection = new Section();
    private final RadioButtonGroup<MaterialKind> kind = new RadioButtonGroup<>("What is it?");
    private final TextField title = new TextField("Title");
    private final RadioButtonGroup<Source> source = new RadioButtonGroup<>("How do you want to share it?");
    private final Div fileArea = new Div();
    private final Button chooseFile = new Button("Choose a file");
    private final Upload upload = new Upload();
    private final Paragraph chosenFile = new Paragraph();
    private final Span fileError = new Span();
    private final TextField webAddress = new TextField("Web address");
    private final RadioButtonGroup<Publication> publication = new RadioButtonGroup<>("When can attendees see it?");

    private long sessionId;
    private String pageTitle = "Slides and handouts";
    private MaterialDraft.@Nullable UploadedFile pending;
    private @Nullable Div confirmation;

    public MaterialsView(MaterialsService materials) {
        this.materials = materials;
        addClassNames("cv-narrow", "cv-materials");
        lead.addClassName("cv-lead");

        kind.setId("material-kind");
        kind.setItems(MaterialKind.values());
        kind.setItemLabelGenerator(MaterialKind::label);
        title.setId("material-title");
        // no maxlength: a longer paste would be cut without a word; the service's message says the limit
        title.setHelperText("Plain words people will see, like “Slides” or “Easy read guide”, up to "
                + MaterialLimits.TITLE_MAX + " characters");
        title.setWidthFull();
        source.setId("material-source");
        source.setItems(Source.values());
        source.setItemLabelGenerator(s -> s.label);
        source.addValueChangeListener(e -> showSource(e.getValue()));

        int max = materials.maxFileBytes();
        Paragraph fileHint = new Paragraph(FileType.allowedInWords() + ", up to " + FileNames.sizeInWords(max) + ".");
        fileHint.setId("material-file-hint");
        fileHint.addClassName("cv-muted");
        chooseFile.setId("material-file");
        chooseFile.getElement().setAttribute("aria-describedby", "material-file-hint material-file-chosen material-file-error");
        chosenFile.setId("material-file-chosen");
        fileError.setId("material-file-error");
        fileError.addClassName("cv-field-error");
        fileError.setVisible(false);
        upload.setId("material-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(max);
        upload.setUploadButton(chooseFile);
        upload.setDropLabel(new Span("or drop it here"));
        upload.setUploadHandler(new FileReceiver(max));
        upload.addFileRejectedListener(e -> fileProblem(e.getErrorMessage().toLowerCase(java.util.Locale.ROOT)
                .contains("too big") || e.getErrorMessage().toLowerCase(java.util.Locale.ROOT).contains("large")
                ? "The file must be " + FileNames.sizeInWords(max) + " or smaller. Make it smaller, or share it as "
                + "a web address" : "The file must be a " + FileType.allowedInWords()));
        Paragraph fileLabel = new Paragraph("File");
        fileLabel.addClassName("cv-field-label");
        fileArea.add(fileLabel, fileHint, fileError, upload, chosenFile);
        fileArea.addClassName("cv-material-file");

        webAddress.setId("material-web-address");
        webAddress.setHelperText("Starting with https://, like https://example.org/slides");
        webAddress.setWidthFull();
        publication.setId("material-publication");
        publication.setItems(Publication.values());
        publication.setItemLabelGenerator(Publication::label);
        for (var field : List.of(kind, source, publication)) {
            field.setManualValidation(true);
        }
        title.setManualValidation(true);
        webAddress.setManualValidation(true);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = IdParameter.require(event, "id");
        ManagedMaterials managed = AdminPage.session(id, materials::forManaging);
        sessionId = id;
        removeAll();
        clearForm();
        AdminPage.setStatus(status, "", null);
        SessionDetail session = managed.session();
        pageTitle = "Slides and handouts: " + session.title();
        lead.setText(session.title() + ": " + ZoneTexts.dayAndRange(session.startsAt(), session.endsAt(),
                session.conference().timeZone()) + " (" + ZoneTexts.shortName(session.conference().timeZone()) + ")");
        add(errors, heading, lead, status, listSection, form(), links());
        renderList(managed);
    }

    private Section form() {
        Button add = new Button("Add the material", e -> addMaterial());
        add.setId("material-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        Div actions = new Div(add);
        actions.addClassName("cv-button-row");
        Div form = new Div(kind, title, source, fileArea, webAddress, publication, actions);
        form.addClassName("cv-form");
        Section section = new Section(new H2("Add a material"),
                new Paragraph("Share slides, an easy read version or a handout. Attendees find them on the session "
                        + "page and in their agenda, and the day-before reminder links to them."), form);
        section.setId("material-form");
        return section;
    }

    private void clearForm() {
        errors.clear(fields().values());
        kind.clear();
        title.clear();
        webAddress.clear();
        source.setValue(Source.FILE);
        publication.setValue(Publication.DAY_BEFORE);
        pending = null;
        chosenFile.setText("No file chosen yet.");
        hideFileError();
        upload.clearFileList();
        showSource(Source.FILE);
    }

    private void showSource(@Nullable Source chosen) {
        fileArea.setVisible(chosen != Source.LINK);
        webAddress.setVisible(chosen == Source.LINK);
    }

    private Div links() {
        Div links = new Div(new Paragraph(AdminPage.link(ConferenceLinks.session(sessionId), "See the session page")),
                new Paragraph(AdminPage.link(ManageLinks.session(sessionId), "Back to editing the session")));
        links.addClassName("cv-manage-links");
        return links;
    }

    // ---- the list -------------------------------------------------------------------------------------------

    private void renderList(ManagedMaterials managed) {
        listSection.removeAll();
        listSection.setId("materials");
        H2 listHeading = new H2("Materials for this session");
        listHeading.setId("materials-heading");
        // focus lands here after a removal, as the button pressed is gone
        listHeading.getElement().setAttribute("tabindex", "-1");
        listSection.add(listHeading);
        if (managed.materials().isEmpty()) {
            listSection.add(new Paragraph("There are no materials yet. Add the first one below."));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-material-list");
        for (Material material : managed.materials()) {
            list.add(item(material, managed));
        }
        listSection.add(list);
    }

    private ListItem item(Material material, ManagedMaterials managed) {
        var zone = managed.session().conference().timeZone();
        H3 name = new H3(material.title());
        Paragraph what = new Paragraph(material.kind().label() + ": " + material.formatInWords()
                + (material.fileName() != null ? ", uploaded as " + material.fileName() : ""));
        Paragraph state = new Paragraph(MaterialTexts.publicationState(material, managed.now(), zone));
        state.setId("material-" + material.id() + "-state");
        state.addClassName(material.publishedAt(managed.now()) ? "cv-material-published" : "cv-material-hidden");
        Anchor open = new Anchor(MaterialTexts.href(material), material.isFile() ? "Download to check it" : "Open it");
        open.setRouterIgnore(true);
        open.getElement().setAttribute("aria-label", (material.isFile() ? "Download “" : "Open “")
                + material.title() + "” to check it");

        Select<Publication> when = new Select<>();
        when.setId("material-" + material.id() + "-publication");
        when.setLabel("When attendees can see “" + material.title() + "”");
        when.setItems(Publication.values());
        when.setItemLabelGenerator(Publication::label);
        when.setValue(material.publication());
        Button save = new Button("Save", e -> changePublication(material, when.getValue()));
        save.setId("material-" + material.id() + "-save");
        save.getElement().setAttribute("aria-label", "Save when attendees can see “" + material.title() + "”");
        Div change = new Div(when, save);
        change.addClassName("cv-inline-form");

        Button remove = new Button("Remove");
        remove.setId("material-" + material.id() + "-remove");
        remove.getElement().setAttribute("aria-label", "Remove “" + material.title() + "”");
        remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        ListItem item = new ListItem(name, what, state, new Paragraph(open), change, remove);
        remove.addClickListener(e -> confirmRemove(item, material, remove));
        item.setId("material-" + material.id());
        item.addClassName("cv-material");
        return item;
    }

    /** Removing cannot be undone, so it is asked about first, in the page under the item. */
    private void confirmRemove(ListItem item, Material material, Button trigger) {
        Div previous = confirmation;
        if (previous != null) {
            previous.getParent().ifPresent(parent -> ((ListItem) parent).remove(previous));
        }
        Div[] panel = new Div[1];
        panel[0] = AdminPage.confirmation("material-removal", "Remove “" + material.title() + "”?",
                "Attendees will no longer see it, and links to it in earlier reminders will stop working. "
                        + (material.isFile() ? "The file is deleted from Convene." : "The page itself stays where it is."),
                "Remove it", "Keep it",
                () -> remove(material),
                () -> {
                    item.remove(panel[0]);
                    confirmation = null;
                    trigger.focus();
                });
        confirmation = panel[0];
        item.add(panel[0]);
    }

    // ---- actions --------------------------------------------------------------------------------------------

    private void addMaterial() {
        errors.clear(fields().values());
        hideFileError();
        Publication when = publication.getValue() == null ? Publication.HIDDEN : publication.getValue();
        MaterialDraft.UploadedFile file = pending;
        MaterialDraft draft = source.getValue() == Source.LINK
                ? MaterialDraft.link(kind.getValue(), title.getValue(), when, webAddress.getValue())
                : file == null ? MaterialDraft.noFileYet(kind.getValue(), title.getValue(), when)
                : MaterialDraft.file(kind.getValue(), title.getValue(), when, file);
        SaveResult<Material> result;
        try {
            result = materials.add(sessionId, draft);
        } catch (AccessDeniedException refused) {
            AdminPage.setStatus(status, refusal(refused), "cv-warning");
            return;
        }
        switch (result) {
            case SaveResult.Saved<Material> saved -> {
                clearForm();
                ManagedMaterials managed = reload();
                AdminPage.setStatus(status, "Added “" + saved.value().title() + "”. " + MaterialTexts.publicationState(
                        saved.value(), managed.now(), managed.session().conference().timeZone()), "cv-success");
                setDocumentTitle(false);
            }
            case SaveResult.Invalid<Material> invalid -> showProblems(invalid.problems());
            case SaveResult.Conflict<Material> conflict -> reload();
        }
    }

    private void changePublication(Material material, @Nullable Publication when) {
        if (when == null) {
            return;
        }
        SaveResult<Material> result;
        try {
            result = materials.change(material.id(), material.kind(), material.title(), when);
        } catch (AccessDeniedException refused) {
            AdminPage.setStatus(status, refusal(refused), "cv-warning");
            return;
        }
        switch (result) {
            case SaveResult.Saved<Material> saved -> {
                ManagedMaterials managed = reload();
                AdminPage.setStatus(status, "Saved. “" + saved.value().title() + "”: " + MaterialTexts
                        .publicationState(saved.value(), managed.now(), managed.session().conference().timeZone()),
                        "cv-success");
            }
            case SaveResult.Invalid<Material> invalid ->
                    AdminPage.setStatus(status, invalid.firstMessage(), "cv-warning");
            case SaveResult.Conflict<Material> conflict -> reload();
        }
    }

    private void remove(Material material) {
        confirmation = null;
        try {
            materials.remove(material.id());
        } catch (AccessDeniedException refused) {
            AdminPage.setStatus(status, refusal(refused), "cv-warning");
            return;
        }
        reload();
        AdminPage.setStatus(status, "Removed “" + material.title() + "”. Attendees no longer see it.", "cv-success");
        listSection.getChildren().findFirst().ifPresent(h -> h.getElement().executeJs("this.focus()"));
    }

    /** A refusal of an action is said in the page, so nothing typed is lost; the list shows what is there now. */
    private String refusal(AccessDeniedException refused) {
        try {
            reload();
        } catch (AccessDeniedException alsoRefused) {
            // they may no longer manage this session at all: the message says so
        }
        return Objects.requireNonNullElse(refused.getMessage(), "You may not change this session’s materials.");
    }

    private ManagedMaterials reload() {
        ManagedMaterials managed = materials.forManaging(sessionId);
        renderList(managed);
        return managed;
    }

    private void showProblems(Map<String, String> problems) {
        String fileMessage = problems.get(MaterialDraft.FILE);
        if (fileMessage != null) {
            showFileError(fileMessage);
        }
        errors.show(ErrorSummary.problems(problems, fields()));
        setDocumentTitle(true);
    }

    /** A file refused in the browser (too large, of a kind not allowed) before it was sent. */
    private void fileProblem(String message) {
        pending = null;
        chosenFile.setText("No file chosen yet.");
        upload.clearFileList();
        errors.clear(fields().values());
        showFileError(message);
        errors.show(chooseFile, message);
        setDocumentTitle(true);
    }

    private void showFileError(String message) {
        fileError.setText("Error: " + message);
        fileError.setVisible(true);
        fileArea.addClassName("cv-field-invalid");
    }

    private void hideFileError() {
        fileError.setText("");
        fileError.setVisible(false);
        fileArea.removeClassName("cv-field-invalid");
    }

    private void fileArrived(String name, byte[] bytes) {
        upload.clearFileList();
        hideFileError();
        pending = new MaterialDraft.UploadedFile(name, bytes);
        chosenFile.setText("Chosen: " + name + " (" + FileNames.sizeInWords(Math.min(bytes.length,
                materials.maxFileBytes())) + (bytes.length > materials.maxFileBytes() ? " or more" : "")
                + "). It is added when you choose “Add the material”.");
        AdminPage.setStatus(status, "File received: " + name + ".", null);
    }

    /** Form order, for the error summary; the file's messages link to its button, which takes focus. */
    private Map<String, Component> fields() {
        Map<String, Component> fields = new java.util.LinkedHashMap<>();
        fields.put(MaterialDraft.KIND, kind);
        fields.put(MaterialDraft.TITLE, title);
        fields.put(MaterialDraft.FILE, chooseFile);
        fields.put(MaterialDraft.WEB_ADDRESS, webAddress);
        return fields;
    }

    private void setDocumentTitle(boolean error) {
        UI.getCurrent().getPage().setTitle(ErrorSummary.pageTitle(error, pageTitle));
    }

    /**
     * Keeps the uploaded bytes, at most the cap plus one so the service can say the file is too large, and hands
     * them to the page. Runs on the upload's request thread: the page is changed only through ui.access.
     */
    private final class FileReceiver implements UploadHandler {

        private final int max;

        FileReceiver(int max) {
            this.max = max;
        }

        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(max + 1);
            }
            String name = event.getFileName() == null ? "file" : event.getFileName();
            UI ui = event.getUI();
            ui.access(() -> fileArrived(name, bytes));
        }
    }
}
