package org.convene.attendance.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
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
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.PermitAll;
import org.convene.attendance.AttendanceImportService;
import org.convene.attendance.HandMatch;
import org.convene.attendance.ImportLimits;
import org.convene.attendance.ImportPreview;
import org.convene.attendance.ImportSession;
import org.convene.attendance.ImportSummary;
import org.convene.attendance.MeetingTool;
import org.convene.attendance.PersonChoice;
import org.convene.attendance.PhoneJoin;
import org.convene.attendance.PhoneJoinService;
import org.convene.attendance.UnmatchedParticipant;
import org.convene.core.SaveResult;
import org.convene.core.time.DateTexts;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.IdParameter;
import org.convene.core.ui.MainLayout;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.convene.attendance.ui.ImportTexts.count;
import static org.convene.attendance.ui.ImportTexts.range;

/**
 * Attendance from the meeting tool for one session: organisers and the session's partner hosts upload Zoom's,
 * Teams' or BigBlueButton's participant report, check what was read, save it, match the people Convene could not
 * match (or undo a hand match) and remove imports; facilitators (and they) mark people who joined by phone. What changes is announced
 * in one polite live region, present from page load; focus stays where it was.
 */
@Route(value = "manage/sessions/:id(\\d+)/attendance-import", layout = MainLayout.class)
// facilitators of a session need not hold the FACILITATOR role: the services decide who may, in beforeEnter
@PermitAll
public class AttendanceImportView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AttendanceImportService imports;
    private final PhoneJoinService phone;

    private final Div status = new Div();
    private final ErrorSummary errors = new ErrorSummary();
    private final RadioButtonGroup<MeetingTool> tool = new RadioButtonGroup<>();
    private final Select<ZoneId> zone = new Select<>();
    private final Upload upload = new Upload();
    private final Div preview = new Div();
    private final Section unmatchedSection = new Section();
    private final Section handSection = new Section();
    private final Section importsSection = new Section();
    private final Section phoneSection = new Section();
    private final PersonFinder phonePerson = new PersonFinder("phone-person", "Who joined by phone");
    private final TextField phoneJoined = new TextField("Time they joined");
    private final TextField phoneLeft = new TextField("Time they left");
    private final ErrorSummary phoneErrors = new ErrorSummary(3);
    private @Nullable ImportSession session;
    private byte @Nullable [] file;
    private String fileName = "";
    private String title = "Attendance from the meeting tool - Convene";

    public AttendanceImportView(AttendanceImportService imports, PhoneJoinService phone) {
        this.imports = imports;
        this.phone = phone;
        addClassName("cv-report");
        status.setId("import-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        status.addClassName("cv-live-status");

        tool.setId("import-tool");
        tool.setLabel("Which meeting tool made the file?");
        tool.setItems(MeetingTool.values());
        tool.setItemLabelGenerator(t -> t.label() + ": " + t.fileDescription());
        tool.setValue(MeetingTool.ZOOM);
        tool.addValueChangeListener(e -> forgetPreview());
        zone.setId("import-zone");
        zone.setLabel("Time zone of the times in the file");
        zone.setHelperText("Zoom and Teams write times in the zone chosen when the report was downloaded.");
        zone.setItemLabelGenerator(DateTexts::zoneName);
        // wide enough that the label is read whole, not cut short
        zone.setMinWidth("20em");
        zone.addValueChangeListener(e -> forgetPreview());
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(ImportLimits.MAX_BYTES);
        Button choose = new Button("Choose the report file");
        choose.getElement().setAttribute("aria-describedby", "import-file-hint");
        upload.setUploadButton(choose);
        upload.setDropLabel(new Span("or drop it here"));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
            fileName = metadata.fileName();
            file = bytes;
            showPreview();
        }));
        upload.addFileRejectedListener(e -> say("The file was not uploaded: it is larger than 5 MB or not one file."));
        preview.setId("import-preview");

        phoneJoined.setId("phone-joined");
        phoneLeft.setId("phone-left");
        phoneJoined.setHelperText("Like 10:05 or 2.30pm");
        phoneLeft.setHelperText("Like 10:55 or 3pm");
        phonePerson.onFind(e -> {
            List<PersonChoice> found = phone.findPeople(sessionId(), e.text());
            phonePerson.show(found, e.text());
            say(count(found.size(), "account found.", "accounts found."));
        });
        phonePerson.choices().setId("phone-person-found");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = IdParameter.require(event, "id");
        boolean mayImport = imports.mayImport(id);
        if (!mayImport && !phone.mayMark(id)) {
            throw new AccessDeniedException("Only the session's facilitators, its host organisation or an organiser "
                    + "may add attendance to it.");
        }
        ImportSession s = imports.session(id).orElseThrow(() -> new NotFoundException("No such session"));
        session = s;
        title = "Attendance from the meeting tool: " + s.title() + " - Convene";
        removeAll();
        add(errors, new H1("Attendance from the meeting tool: " + s.title()));
        add(new Paragraph(ImportTexts.dayAndTime(s.startsAt(), s.zone()) + " to "
                + ImportTexts.time(s.endsAt(), s.zone()) + " (" + DateTexts.zoneName(s.zone()) + ")."));
        if (mayImport) {
            add(new Paragraph(ReportPage.link("reports/sessions/" + id, "Back to the attendance report")));
        }
        add(status);
        if (mayImport) {
            LinkedHashSet<ZoneId> zones = new LinkedHashSet<>(List.of(s.zone(), ZoneOffset.UTC, ZoneId.of("Europe/London")));
            zone.setItems(zones);
            zone.setValue(s.zone());
            Paragraph hint = new Paragraph("A CSV or JSON file of up to 5 MB. Nothing is saved until you have "
                    + "checked what was read.");
            hint.setId("import-file-hint");
            add(new Section(new H2("Add a participant report"), new Paragraph("Upload the report the meeting tool "
                    + "made for this session. Convene matches people to accounts by email address and counts each "
                    + "person once, however many ways they joined."), tool, zone, hint, upload, preview));
            add(unmatchedSection, handSection, importsSection);
            showUnmatched();
            showImports();
        }
        add(phoneSection);
        showPhoneJoins();
    }

    private long sessionId() {
        return Objects.requireNonNull(session, "the page has a session").id();
    }

    private void say(String text) {
        status.setText(text);
    }

    // ---- upload and preview -------------------------------------------------------------------------------------

    private void forgetPreview() {
        if (file != null) {
            file = null;
            preview.removeAll();
            say("The choice changed: upload the file again to check it.");
        }
    }

    private void showPreview() {
        upload.clearFileList();
        preview.removeAll();
        byte[] bytes = file;
        if (bytes == null || tool.getValue() == null || zone.getValue() == null) {
            return;
        }
        ImportPreview result = imports.preview(sessionId(), tool.getValue(), bytes, zone.getValue());
        if (result instanceof ImportPreview.Refused(List<String> problems)) {
            file = null;
            errors.show("The file cannot be imported. Nothing was saved. Correct these problems, or download the "
                    + "report again, and upload it:", problems.stream().map(ListItem::new).toList());
            say("The file cannot be imported: " + count(problems.size(), "problem.", "problems."));
            return;
        }
        errors.clear();
        ImportPreview.Ready ready = (ImportPreview.Ready) result;
        ZoneId shown = Objects.requireNonNull(session).zone();
        preview.add(new H3("Check what was read"));
        String summary = count(ready.rows().size(), "join and leave", "joins and leaves") + " of "
                + count(ready.people(), "person", "people") + ". " + count(ready.matchedPeople(), "person matches",
                "people match") + " an account by email; " + (ready.people() - ready.matchedPeople())
                + " will be listed for you to match by hand.";
        Paragraph summaryLine = new Paragraph(summary);
        summaryLine.setId("import-preview-summary");
        preview.add(summaryLine);
        UnorderedList notes = new UnorderedList();
        ready.notes().forEach(n -> notes.add(new ListItem(n)));
        if (ready.outsideSession() > 0) {
            notes.add(new ListItem(count(ready.outsideSession(), "stay is", "stays are")
                    + " wholly outside the session's times and will count nowhere."));
        }
        if (ready.replaces() != null) {
            ImportSummary old = ready.replaces();
            notes.add(new ListItem("Saving replaces the " + old.tool().label() + " report imported on "
                    + ImportTexts.dayAndTime(old.uploadedAt(), shown) + " (" + old.fileName() + "), so nobody is "
                    + "counted twice. People you matched by hand stay matched."));
        }
        if (notes.getChildren().findAny().isPresent()) {
            preview.add(notes);
        }
        Grid<ImportPreview.Row> grid = new Grid<>();
        grid.setId("import-preview-rows");
        grid.getElement().setAttribute("aria-label", "Joins and leaves read from the file");
        grid.addColumn(ImportPreview.Row::line).setHeader("Line").setFlexGrow(0).setAutoWidth(true);
        grid.addColumn(ImportPreview.Row::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(r -> Objects.requireNonNullElse(r.email(), "none")).setHeader("Email").setFlexGrow(2);
        grid.addColumn(r -> range(r.joinedAt(), r.leftAt(), shown)).setHeader("Joined to left");
        grid.addColumn(r -> r.account() == null ? "not matched" : r.account()).setHeader("Account");
        grid.setItems(ready.rows());
        grid.setAllRowsVisible(ready.rows().size() <= 20);
        Button save = new Button("Save this import", e -> save());
        save.setId("import-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Do not import", e -> {
            file = null;
            preview.removeAll();
            say("Nothing was imported.");
        });
        cancel.setId("import-cancel");
        Div buttons = new Div(save, cancel);
        buttons.addClassName("cv-buttons");
        preview.add(grid, buttons);
        say("Your file has been read. " + summary + " Check it, then save.");
    }

    private void save() {
        byte[] bytes = file;
        if (bytes == null || tool.getValue() == null || zone.getValue() == null) {
            return;
        }
        AttendanceImportService.Outcome outcome;
        try {
            outcome = imports.save(sessionId(), tool.getValue(), fileName, bytes, zone.getValue());
        } catch (AccessDeniedException e) {
            say("The import was not saved: " + e.getMessage());
            return;
        }
        file = null;
        preview.removeAll();
        if (outcome instanceof AttendanceImportService.Outcome.Refused(List<String> problems)) {
            errors.show("The file cannot be imported. Nothing was saved.", problems.stream().map(ListItem::new).toList());
            say("The file cannot be imported.");
            return;
        }
        ImportSummary saved = ((AttendanceImportService.Outcome.Saved) outcome).summary();
        showUnmatched();
        showImports();
        say("Imported " + count(saved.people(), "person", "people") + " from " + saved.tool().label() + ". "
                + (saved.unmatchedPeople() == 0 ? "Everyone matched an account."
                : count(saved.unmatchedPeople(), "person is", "people are") + " not matched yet: see below."));
    }

    // ---- unmatched people -----------------------------------------------------------------------------------------

    private void showUnmatched() {
        showHandMatched();
        unmatchedSection.removeAll();
        unmatchedSection.setId("import-unmatched");
        unmatchedSection.add(new H2("People not matched to an account"));
        List<UnmatchedParticipant> people = imports.unmatched(sessionId());
        if (people.isEmpty()) {
            unmatchedSection.add(new Paragraph("Everyone in the imported reports matched an account."));
            return;
        }
        unmatchedSection.add(new Paragraph("No account has these people's email address (or the report had none). "
                + "Until you match them to an account they are counted nowhere by person: not in the numbers of "
                + "people, the 85% rule or the attendee list. You can also leave them unmatched."));
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-plain-list");
        ZoneId shown = Objects.requireNonNull(session).zone();
        for (UnmatchedParticipant p : people) {
            String text = p.name() + (p.email() == null ? ", no email" : ", " + p.email()) + " (" + p.tool().label()
                    + ", " + range(p.firstJoin(), p.lastLeave(), shown) + ")"
                    + (p.unconfirmedAccount() ? ". An account has this email but has not confirmed it." : "");
            Button match = new Button("Match to an account", e -> openMatch(p));
            match.getElement().setAttribute("aria-label", "Match " + p.name() + " to an account");
            list.add(new ListItem(new Span(text + " "), match));
        }
        unmatchedSection.add(list);
    }

    /** Hand matches can be undone; the section is left out while there are none. */
    private void showHandMatched() {
        handSection.removeAll();
        handSection.setId("import-hand-matched");
        List<HandMatch> matches = imports.handMatched(sessionId());
        if (matches.isEmpty()) {
            return;
        }
        handSection.add(new H2("People you matched by hand"), new Paragraph("Undo a match that was wrong: the "
                + "person's time from that report is taken out of the figures and they are listed as not matched."));
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-plain-list");
        ZoneId shown = Objects.requireNonNull(session).zone();
        for (HandMatch m : matches) {
            String text = m.name() + (m.email() == null ? ", no email" : ", " + m.email()) + " (" + m.tool().label()
                    + ", " + range(m.firstJoin(), m.lastLeave(), shown) + "), matched to " + m.account() + ".";
            Button undo = new Button("Undo match", e -> {
                boolean undone = imports.undoMatch(sessionId(), m.rowId());
                showUnmatched();
                showImports();
                say(undone ? "The match of " + m.name() + " was undone. They are listed as not matched."
                        : m.name() + " was no longer matched by hand.");
            });
            undo.getElement().setAttribute("aria-label", "Undo the match of " + m.name() + " to " + m.account());
            list.add(new ListItem(new Span(text + " "), undo));
        }
        handSection.add(list);
    }

    private void openMatch(UnmatchedParticipant p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Match " + p.name() + " to an account");
        PersonFinder finder = new PersonFinder("match-person", "Account of " + p.name());
        Paragraph live = new Paragraph();
        live.getElement().setAttribute("role", "status");
        finder.onFind(e -> {
            List<PersonChoice> found = imports.findPeople(sessionId(), e.text());
            finder.show(found, e.text());
            live.setText(count(found.size(), "account found.", "accounts found."));
        });
        Button confirm = new Button("Match", e -> {
            PersonChoice chosen = finder.chosen();
            if (chosen == null) {
                live.setText("Find and choose an account first.");
                return;
            }
            try {
                imports.match(sessionId(), p.rowId(), chosen.userId());
            } catch (AccessDeniedException refused) {
                live.setText(refused.getMessage());
                return;
            }
            dialog.close();
            showUnmatched();
            showImports();
            say(p.name() + " is now matched to " + chosen.label() + ".");
        });
        confirm.setId("match-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        dialog.add(finder, live);
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
    }

    // ---- imports made ---------------------------------------------------------------------------------------------

    private void showImports() {
        importsSection.removeAll();
        importsSection.setId("import-list");
        importsSection.add(new H2("Reports imported"));
        List<ImportSummary> made = imports.imports(sessionId());
        if (made.isEmpty()) {
            importsSection.add(new Paragraph("No reports imported for this session yet."));
            return;
        }
        ZoneId shown = Objects.requireNonNull(session).zone();
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-plain-list");
        for (ImportSummary i : made) {
            String text = i.tool().label() + ": " + i.fileName() + ", imported "
                    + ImportTexts.dayAndTime(i.uploadedAt(), shown)
                    + (i.uploadedBy() == null ? "" : " by " + i.uploadedBy()) + ". "
                    + count(i.people(), "person", "people") + ", " + i.unmatchedPeople() + " not matched.";
            Button remove = new Button("Remove", e -> confirmRemove(i));
            remove.getElement().setAttribute("aria-label", "Remove the " + i.tool().label() + " import");
            list.add(new ListItem(new Span(text + " "), remove));
        }
        importsSection.add(list);
    }

    private void confirmRemove(ImportSummary i) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Remove the " + i.tool().label() + " import?");
        dialog.add(new Paragraph("The attendance it added is taken out of every figure and report. You can import "
                + "the file again later."));
        Button remove = new Button("Remove the import", e -> {
            imports.remove(sessionId(), i.id());
            dialog.close();
            showUnmatched();
            showImports();
            say("The " + i.tool().label() + " import was removed.");
        });
        remove.setId("import-remove-confirm");
        remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button("Keep it", e -> dialog.close()), remove);
        dialog.open();
    }

    // ---- phone joins ----------------------------------------------------------------------------------------------

    private void showPhoneJoins() {
        phoneSection.removeAll();
        phoneSection.setId("phone-joins");
        phoneSection.add(new H2("People who joined by phone"));
        phoneSection.add(new Paragraph("Mark someone who dialled in, with the times they joined and left ("
                + DateTexts.zoneName(Objects.requireNonNull(session).zone()) + "). They need an account: attendance "
                + "is counted by account. Someone without one can sign up, and you can mark them afterwards."));
        List<PhoneJoin> joins = phone.phoneJoins(sessionId());
        if (!joins.isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.addClassName("cv-plain-list");
            for (PhoneJoin j : joins) {
                Button remove = new Button("Remove", e -> {
                    phone.remove(sessionId(), j.intervalId());
                    showPhoneJoins();
                    say("The phone join of " + j.name() + " was removed.");
                });
                remove.getElement().setAttribute("aria-label", "Remove the phone join of " + j.name());
                list.add(new ListItem(new Span(j.name() + ", " + range(j.joinedAt(), j.leftAt(), session.zone())
                        + (j.recordedBy() == null ? "" : ", marked by " + j.recordedBy()) + " "), remove));
            }
            phoneSection.add(list);
        }
        Button mark = new Button("Mark as joined by phone", e -> markPhone());
        mark.setId("phone-mark");
        phoneSection.add(phoneErrors, phonePerson, phoneJoined, phoneLeft, mark);
    }

    private void markPhone() {
        PersonChoice chosen = phonePerson.chosen();
        SaveResult<Long> result = phone.mark(sessionId(), chosen == null ? null : chosen.userId(),
                phoneJoined.getValue(), phoneLeft.getValue());
        if (result instanceof SaveResult.Invalid<Long> invalid) {
            phoneErrors.show(ErrorSummary.problems(invalid.problems(), Map.of(PhoneJoinService.PERSON,
                    phonePerson.choices(), PhoneJoinService.JOINED, phoneJoined, PhoneJoinService.LEFT, phoneLeft)));
            say("The phone join was not saved: " + invalid.firstMessage());
            return;
        }
        phoneErrors.clear(phonePerson.choices(), phoneJoined, phoneLeft);
        phonePerson.reset();
        phoneJoined.clear();
        phoneLeft.clear();
        showPhoneJoins();
        say((chosen == null ? "They are" : chosen.name() + " is") + " marked as joined by phone.");
    }
}
