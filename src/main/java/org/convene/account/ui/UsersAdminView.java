package org.convene.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.convene.account.AccountDeletionRefusedException;
import org.convene.account.AccountService;
import org.convene.account.PersonalDataService;
import org.convene.account.NoSuchUserException;
import org.convene.account.PasswordResetService;
import org.convene.account.SendResult;
import org.convene.account.RoleChangeRefusedException;
import org.convene.account.UserSort;
import org.convene.account.UserSummary;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.core.ui.SafeConfirmDialog;
import org.convene.core.time.DateTexts;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Organisers find people, give or remove the facilitator and organiser roles (the facilitator role only once the
 * person's address is confirmed), and send someone a link to choose a new password. The list loads page by
 * page from the database as it scrolls. Each role is a checkbox whose accessible name says whose role it
 * is; the outcome of every change, refusals included, is written to a status region. When someone asks for it,
 * an organiser anonymises their account: the same as the person deleting it themself, after a confirmation.
 */
@Route(value = "admin/users", layout = MainLayout.class)
@RolesAllowed(Role.Names.ORGANISER)
@PageTitle("People and roles - Convene")
@StyleSheet("styles/account.css")
public class UsersAdminView extends Div implements BeforeEnterObserver {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final AccountService accounts;
    private final PasswordResetService resets;
    private final PersonalDataService personalData;
    private final CurrentUser currentUser;
    private final TextField search = new TextField("Search by name or email address");
    private final Div status = new Div();
    private final Button find = new Button("Search");
    private final Grid<UserSummary> grid = new Grid<>();
    private final CallbackDataProvider<UserSummary, Void> people;
    private String filter = "";

    public UsersAdminView(AccountService accounts, PasswordResetService resets, PersonalDataService personalData,
                          CurrentUser currentUser) {
        this.accounts = accounts;
        this.resets = resets;
        this.personalData = personalData;
        this.currentUser = currentUser;
        status.getElement().setAttribute("role", "status");
        status.setId("people-status");
        search.setId("people-search");
        search.setClearButtonVisible(true);
        find.addClickListener(e -> applySearch());
        // Enter in the search box; blurring first makes the box send what was typed before the search runs.
        find.addClickShortcut(Key.ENTER).listenOn(search).resetFocusOnActiveElement();

        // Ids let a row be redrawn after its roles change; the record itself changes, so equals() cannot.
        people = new CallbackDataProvider<>(this::fetch, query -> accounts.countUsers(filter), UserSummary::id);
        grid.setAriaLabel("People");
        grid.addClassName("cv-people-grid");
        Grid.Column<UserSummary> name = grid.addColumn(UserSummary::displayName).setHeader("Name")
                .setKey("name").setSortProperty("name").setRowHeader(true).setAutoWidth(true);
        grid.addColumn(UserSummary::email).setHeader("Email address").setKey("email").setSortProperty("email")
                .setAutoWidth(true);
        grid.addColumn(u -> DateTexts.day(LocalDate.ofInstant(u.createdAt(), UK))).setHeader("Joined")
                .setKey("created").setSortProperty("created").setAutoWidth(true);
        grid.addColumn(u -> RoleTexts.list(u.roles())).setHeader("Roles").setKey("roles").setAutoWidth(true);
        grid.addComponentColumn(u -> roleBox(u, Role.FACILITATOR)).setHeader("Facilitator").setKey("facilitator");
        grid.addComponentColumn(u -> roleBox(u, Role.ORGANISER)).setHeader("Organiser").setKey("organiser");
        grid.addColumn(u -> u.emailConfirmed() ? "Yes" : "Not yet").setHeader("Address confirmed")
                .setKey("confirmed").setAutoWidth(true);
        grid.addComponentColumn(this::resetButton).setHeader("Password").setKey("reset");
        grid.addComponentColumn(this::anonymiseButton).setHeader("On request").setKey("anonymise");
        grid.setItems(people);
        grid.sort(GridSortOrder.asc(name).build());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Div searchRow = new Div(search, find);
        searchRow.addClassName("cv-search-row");
        add(new H1("People and roles"),
                new Paragraph("Everyone with an account is an attendee. Facilitators run sessions and moderate "
                        + "their questions. Organisers manage the programme and give people roles."),
                searchRow, status, grid);
        filter = "";
        search.clear();
        setStatus("", null);
        people.refreshAll();
    }

    private Stream<UserSummary> fetch(Query<UserSummary, Void> query) {
        UserSort sort = UserSort.NAME;
        boolean ascending = true;
        List<QuerySortOrder> orders = query.getSortOrders();
        if (!orders.isEmpty()) {
            QuerySortOrder first = orders.getFirst();
            sort = switch (first.getSorted()) {
                case "email" -> UserSort.EMAIL;
                case "created" -> UserSort.CREATED;
                default -> UserSort.NAME;
            };
            ascending = first.getDirection() != SortDirection.DESCENDING;
        }
        return accounts.users(filter, sort, ascending, query.getOffset(), query.getLimit()).stream();
    }

    private void applySearch() {
        filter = search.getValue().strip();
        people.refreshAll();
        int found = accounts.countUsers(filter);
        String count = found == 1 ? "1 person" : found + " people";
        setStatus(filter.isEmpty() ? "Showing all " + count + "." : count + " found for \u201c" + filter + "\u201d.",
                null);
    }

    private Checkbox roleBox(UserSummary person, Role role) {
        Checkbox box = new Checkbox(person.has(role));
        box.addClassName("cv-role-toggle");
        box.setAriaLabel(RoleTexts.name(role) + " role for " + person.displayName());
        box.addValueChangeListener(e -> changeRole(person, role, e.getValue()));
        return box;
    }

    private Button resetButton(UserSummary person) {
        Button send = new Button("Send reset link", e -> {
            SendResult result = resets.sendFor(person.id());
            setStatus(result.message(), result instanceof SendResult.Sent ? "cv-success" : "cv-warning");
        });
        send.setAriaLabel("Send " + person.displayName() + " a link to choose a new password");
        send.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return send;
    }

    private Button anonymiseButton(UserSummary person) {
        Button anonymise = new Button("Anonymise…", e -> confirmAnonymise(person));
        anonymise.setAriaLabel("Anonymise the account of " + person.displayName());
        anonymise.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return anonymise;
    }

    private void confirmAnonymise(UserSummary person) {
        new SafeConfirmDialog("anonymise-confirmation", "Anonymise the account of " + person.displayName() + "?",
                "Do this only when the person asked for it. It is the same as deleting their own account: "
                + "their name, email address, agenda, places, attendance, access needs and settings are deleted, and "
                + "the next person waiting gets each place. Their questions stay, shown as from “A former attendee”. "
                + "This cannot be undone.", "Anonymise", "Keep the account", () -> anonymise(person)).open();
    }

    private void anonymise(UserSummary person) {
        try {
            personalData.anonymise(person.id());
        } catch (AccountDeletionRefusedException refused) {
            setStatus(refused.getMessage(), "cv-warning");
            return;
        } catch (NoSuchUserException gone) {
            setStatus("That account no longer exists: someone deleted it already.", "cv-warning");
            people.refreshAll();
            return;
        }
        people.refreshAll();
        if (person.id() == currentUser.require().id()) {
            // their own account: this session has no account any more; the log-in page says so
            UI.getCurrent().getPage().setLocation("login");
        }
        setStatus("The account of " + person.displayName() + " has been anonymised.", "cv-success");
    }

    private void changeRole(UserSummary person, Role role, boolean give) {
        UserSummary updated;
        try {
            updated = give ? accounts.grant(person.id(), role) : accounts.revoke(person.id(), role);
        } catch (RoleChangeRefusedException refused) {
            people.refreshItem(person);
            setStatus(refused.getMessage(), "cv-warning");
            return;
        }
        people.refreshItem(updated);
        String roleName = RoleTexts.name(role).toLowerCase();
        setStatus(updated.displayName() + (give ? " is now " : " is no longer ") + article(roleName) + roleName + ".",
                "cv-success");

        ConveneUser me = currentUser.require();
        if (updated.id() == me.id()) {
            // Keep this session in step with the database, so the menu and page access follow at once.
            SessionSignIn.refresh(new ConveneUser(me.id(), me.email(), me.displayName(), "", updated.roles()));
            if (!updated.has(Role.ORGANISER)) {
                Notification.show("You are no longer an organiser.", 6000, Notification.Position.TOP_CENTER);
                UI.getCurrent().navigate(AccountView.class);
            }
        }
    }

    private static String article(String roleName) {
        return roleName.startsWith("o") || roleName.startsWith("a") ? "an " : "a ";
    }

    private void setStatus(String text, @Nullable String className) {
        status.setText(text);
        status.removeClassNames("cv-success", "cv-warning");
        if (className != null) {
            status.addClassName(className);
        }
    }
}
