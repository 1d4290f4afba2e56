package org.convene.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.convene.account.AccountField;
import org.convene.account.AccountService;
import org.convene.account.EmailConfirmationService;
import org.convene.account.SendResult;
import com.vaadin.flow.component.textfield.EmailField;
import org.convene.core.SaveResult;
import org.convene.account.ApiToken;
import org.convene.account.DisplayPreferences;
import org.convene.account.DisplayPreferencesService;
import org.convene.account.ApiTokenService;
import org.convene.account.NewApiToken;
import org.convene.account.UserSummary;
import org.convene.core.ui.ErrorSummary;
import org.convene.core.ui.MainLayout;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signed-in person's own account: who they are, their roles, whether their email address is confirmed (with a
 * new link on request), changing their address and their password.
 */
@Route(value = "account", layout = MainLayout.class)
@PermitAll
@StyleSheet("styles/account.css")
public class AccountView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final EmailConfirmationService confirmations;
    private final ApiTokenService tokens;
    private final DisplayPreferencesService displayPreferences;
    private final List<AccountPageSection> contributed;
    private final Section tokenSection = new Section();
    private final ErrorSummary errorSummary = new ErrorSummary();
    /** Present from page load so that screen readers announce the confirmation when its text changes. */
    private final Div status = new Div();
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField newPassword = new PasswordField("New password");
    private final PasswordField confirmation = new PasswordField("Confirm new password");
    private final Map<AccountField, Component> fields = Map.of(AccountField.CURRENT_PASSWORD, current,
            AccountField.NEW_PASSWORD, newPassword, AccountField.CONFIRM_PASSWORD, confirmation);
    private final EmailField newEmail = new EmailField("New email address");
    private final PasswordField addressPassword = new PasswordField("Your password");
    private final Map<AccountField, Component> addressFields =
            Map.of(AccountField.EMAIL, newEmail, AccountField.CURRENT_PASSWORD, addressPassword);
    private boolean showingErrors;

    public AccountView(AccountService accounts, EmailConfirmationService confirmations, ApiTokenService tokens,
                       DisplayPreferencesService displayPreferences, List<AccountPageSection> contributed) {
        this.accounts = accounts;
        this.confirmations = confirmations;
        this.tokens = tokens;
        this.displayPreferences = displayPreferences;
        this.contributed = contributed.stream().sorted(Comparator.comparingInt(AccountPageSection::order)).toList();
        addClassName("cv-narrow");
        status.getElement().setAttribute("role", "status");
        status.setId("account-status");

        current.setId("currentPassword");
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setId("newPassword");
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        newPassword.setHelperText(SignUpView.PASSWORD_ADVICE);
        confirmation.setId("confirmPassword");
        confirmation.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirmation.setHelperText("Type your new password again, to be sure.");
        for (Component field : fields.values()) {
            ((HasValidation) field).setManualValidation(true);
        }
        newEmail.setId("newEmail");
        newEmail.setAutocomplete(Autocomplete.EMAIL);
        newEmail.setManualValidation(true);
        newEmail.setHelperText("We will send a link to this address. Your address changes when you open it.");
        addressPassword.setId("addressPassword");
        addressPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        addressPassword.setManualValidation(true);
        addressPassword.setHelperText("So we know it is you.");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        errorSummary.clear(current, newPassword, confirmation, newEmail, addressPassword);
        showingErrors = false;
        setStatus("", null);
        current.clear();
        newPassword.clear();
        confirmation.clear();
        newEmail.clear();
        addressPassword.clear();

        UserSummary me = accounts.myAccount();
        DescriptionList details = new DescriptionList();
        details.addClassName("cv-details");
        addDetail(details, "Name", me.displayName());
        addDetail(details, "Email address", me.email());
        addDetail(details, "Address confirmed", me.emailConfirmed() ? "Yes" : "Not yet");
        addDetail(details, "Roles", RoleTexts.list(me.roles()));

        Button change = new Button("Change password", e -> changePassword());
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(current, newPassword, confirmation, change);
        form.addClassName("cv-form");
        change.addClickShortcut(Key.ENTER).listenOn(form)
                // Blur and refocus first, so the field typed in last sends its value before the click.
                .resetFocusOnActiveElement();

        add(errorSummary, new H1("Your account"), status,
                new Section(new H2("Your details"), details));
        if (!me.emailConfirmed()) {
            add(confirmSection(me));
        }
        add(addressSection(),
                new Section(new H2("Change your password"), form),
                displaySection());
        contributed.forEach(section -> add(section.create()));
        add(tokenSection);
        renderTokens(null);
        com.vaadin.flow.component.html.Anchor attendance = new com.vaadin.flow.component.html.Anchor(
                "account/attendance", "What Convene records when you attend sessions, and your choices");
        attendance.getElement().setAttribute("router-link", "");
        add(new Section(new H2("Your attendance"), new Paragraph(attendance)));
    }

    private Section confirmSection(UserSummary me) {
        Button again = new Button("Send the link again", e -> {
            SendResult result = confirmations.resendConfirmation();
            setStatus(result.message(), result instanceof SendResult.Sent ? "cv-success" : "cv-warning");
        });
        again.setId("send-confirmation");
        Section section = new Section(new H2("Confirm your email address"),
                new Paragraph("We emailed a link to " + me.email() + " when you signed up. Open it to show the "
                        + "address is yours. Until then, organisers cannot make you a facilitator or a partner "
                        + "host’s coordinator."),
                again);
        section.setId("confirm-address");
        return section;
    }

    private Section addressSection() {
        Button send = new Button("Send a link to the new address", e -> changeAddress());
        send.setId("change-address");
        Div form = new Div(newEmail, addressPassword, send);
        form.addClassName("cv-form");
        send.addClickShortcut(Key.ENTER).listenOn(form).resetFocusOnActiveElement();
        return new Section(new H2("Change your email address"),
                new Paragraph("We will also tell your current address that a change was asked for."), form);
    }

    private void changeAddress() {
        errorSummary.clear(current, newPassword, confirmation, newEmail, addressPassword);
        setStatus("", null);
        SaveResult<String> result = accounts.requestAddressChange(addressPassword.getValue(), newEmail.getValue());
        if (result instanceof SaveResult.Saved<String>(String address)) {
            showingErrors = false;
            newEmail.clear();
            addressPassword.clear();
            setStatus("We have sent a link to " + address + ". Open it to start using that address. Until then, "
                    + "your account keeps its current address.", "cv-success");
        } else if (result instanceof SaveResult.Invalid<String> invalid) {
            errorSummary.show(ErrorSummary.problems(AccountField.problems(invalid), addressFields));
            showingErrors = true;
        }
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
    }

    private Section displaySection() {
        DisplayPreferences current = displayPreferences.mine();
        Checkbox highContrast = new Checkbox("High contrast: black text on white, with strong borders and links");
        highContrast.setId("high-contrast");
        highContrast.setValue(current.highContrast());
        RadioButtonGroup<DisplayPreferences.TextSize> textSize = new RadioButtonGroup<>("Text size");
        textSize.setId("text-size");
        textSize.setItems(DisplayPreferences.TextSize.values());
        textSize.setItemLabelGenerator(DisplayPreferences.TextSize::label);
        textSize.setValue(current.textSize());
        Button save = new Button("Save how pages look", e -> {
            DisplayPreferences chosen = new DisplayPreferences(highContrast.getValue(), textSize.getValue());
            displayPreferences.save(chosen);
            getUI().ifPresent(ui -> DisplayPreferencesApplier.apply(ui, chosen));
            setStatus("Saved. Every page now uses these settings whenever you are logged in.", "cv-success");
        });
        Div form = new Div(highContrast, textSize, save);
        form.addClassName("cv-form");
        return new Section(new H2("How pages look"),
                new Paragraph("These settings are remembered on your account. Your browser’s own zoom and "
                        + "contrast settings work as well."), form);
    }

    /** @param created a token just made, whose secret is shown this once; null otherwise */
    private void renderTokens(@Nullable NewApiToken created) {
        tokenSection.removeAll();
        tokenSection.add(new H2("Access tokens for apps and scripts"),
                new Paragraph("A token lets a stage display, a captioning tool or a script use Convene’s live "
                        + "questions as you (see the API guide). Keep tokens secret, and revoke any you no longer use."));
        if (created != null) {
            TextField secret = new TextField("Your new token “" + created.token().name() + "”");
            secret.setValue(created.secret());
            secret.setReadOnly(true);
            secret.setWidthFull();
            secret.setId("new-token");
            secret.setHelperText("Copy it now: it will not be shown again.");
            tokenSection.add(secret);
        }
        TextField name = new TextField("Token name");
        name.setId("token-name");
        name.setHelperText("For example “Stage display” or “Captioning laptop”.");
        name.setManualValidation(true);
        Button create = new Button("Create token", e -> {
            try {
                NewApiToken made = tokens.create(name.getValue());
                renderTokens(made);
                setStatus("Token “" + made.token().name() + "” created. Copy it now: it will not be shown again.", "cv-success");
            } catch (IllegalArgumentException invalid) {
                name.setErrorMessage(invalid.getMessage());
                name.setInvalid(true);
                name.focus();
            }
        });
        Div form = new Div(name, create);
        form.addClassName("cv-form");
        tokenSection.add(form);

        List<ApiToken> mine = tokens.mine();
        if (mine.isEmpty()) {
            tokenSection.add(new Paragraph("You have no tokens."));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("cv-token-list");
        for (ApiToken token : mine) {
            String used = token.lastUsedAt() == null ? "never used" : "last used " + UK_DATE.format(token.lastUsedAt());
            Button revoke = new Button("Revoke", e -> {
                tokens.revoke(token.id());
                renderTokens(null);
                setStatus("Token “" + token.name() + "” revoked. Anything using it can no longer sign in.", "cv-success");
            });
            revoke.getElement().setAttribute("aria-label", "Revoke token “" + token.name() + "”");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            list.add(new ListItem(new Span(token.name() + ": created " + UK_DATE.format(token.createdAt()) + ", " + used + " "),
                    revoke));
        }
        tokenSection.add(list);
    }

    private static final DateTimeFormatter UK_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private static void addDetail(DescriptionList list, String term, String description) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(description));
    }

    private void changePassword() {
        errorSummary.clear(current, newPassword, confirmation, newEmail, addressPassword);
        setStatus("", null);
        SaveResult<Integer> result = accounts.changePassword(current.getValue(), newPassword.getValue(), confirmation.getValue());
        if (!(result instanceof SaveResult.Saved<Integer>(Integer version))) {
            if (result instanceof SaveResult.Invalid<Integer> invalid) {
                errorSummary.show(ErrorSummary.problems(AccountField.problems(invalid), fields));
            }
            showingErrors = true;
            getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
            return;
        }
        SessionSignIn.passwordChanged(version);
        showingErrors = false;
        getUI().ifPresent(ui -> ui.getPage().setTitle(getPageTitle()));
        current.clear();
        newPassword.clear();
        confirmation.clear();
        setStatus("Your password has been changed. Use your new password next time you log in. "
                + "Anywhere else you were logged in, you have been logged out.", "cv-success");
    }

    private void setStatus(String text, @Nullable String className) {
        status.setText(text);
        status.removeClassNames("cv-success", "cv-warning");
        if (className != null) {
            status.addClassName(className);
        }
    }

    @Override
    public String getPageTitle() {
        return ErrorSummary.pageTitle(showingErrors, "Your account - Convene");
    }
}
