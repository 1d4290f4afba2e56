package org.convene.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import org.convene.account.AccountDeletionRefusedException;
import org.convene.account.PersonalDataService;

/**
 * "Your data" on the account page: the download of everything Convene holds about the person, and deleting their
 * account. Deleting says exactly what goes and what stays, and asks for a tick first. Afterwards the browser goes to
 * the log-in page: that request finds the account gone, ends the session and says why (StaleSessionFilter).
 */
class YourData extends Section {

    static final String DOWNLOAD_PATH = "account/your-data.zip";
    static final String NOT_TICKED = "Tick the box to show you understand, then press the button again.";

    private final PersonalDataService personalData;
    private final Checkbox understood = new Checkbox("I understand that my account will be deleted, and that "
            + "this cannot be undone");
    private final Div status = new Div();

    YourData(PersonalDataService personalData) {
        this.personalData = personalData;
        setId("your-data");
        status.getElement().setAttribute("role", "status");
        status.setId("your-data-status");

        Anchor download = new Anchor(DOWNLOAD_PATH, "Download everything Convene holds about you (zip file)");
        download.setId("download-your-data");
        download.getElement().setAttribute("download", "");
        download.getElement().setAttribute("router-ignore", "");

        understood.setId("delete-understood");
        understood.setManualValidation(true);
        Button delete = new Button("Delete my account", e -> delete());
        delete.setId("delete-account");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(understood, delete);
        form.addClassName("cv-form");

        add(new H2("Your data"),
                new Paragraph("You can get a copy of everything Convene holds about you: your account, agenda, "
                        + "questions, votes, attendance, access needs, feedback and settings. It is a zip file. "
                        + "Inside are tables that open in a spreadsheet, and a note that explains each one."),
                new Paragraph(download),
                new H3("Delete your account"),
                new Paragraph("If you delete your account, we delete:"),
                list("your name, email address and password",
                        "your agenda and your places in sessions (the next person waiting gets your place)",
                        "your places on waiting lists",
                        "the times you attended sessions",
                        "your access needs",
                        "your access tokens and settings, and the emails we wrote to you"),
                new Paragraph("We keep these, but nobody can tell they were yours:"),
                list("questions you asked: they show “A former attendee” instead of your name",
                        "your votes, poll answers, feedback and requests for access help: they still count"),
                new Paragraph("You will be logged out straight away. You cannot undo this, but you can sign up "
                        + "again later."),
                form, status);
    }

    private static UnorderedList list(String... items) {
        UnorderedList list = new UnorderedList();
        for (String item : items) {
            list.add(new ListItem(item));
        }
        return list;
    }

    private void delete() {
        status.setText("");
        if (!understood.getValue()) {
            understood.setErrorMessage(NOT_TICKED);
            understood.setInvalid(true);
            understood.focus();
            return;
        }
        understood.setInvalid(false);
        try {
            personalData.deleteMyAccount();
        } catch (AccountDeletionRefusedException refused) {
            status.setText(refused.getMessage());
            return;
        }
        status.setText("Your account has been deleted. Taking you to the log-in page.");
        UI.getCurrent().getPage().setLocation("login");
    }
}
