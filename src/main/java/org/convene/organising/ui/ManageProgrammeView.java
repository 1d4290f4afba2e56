package org.convene.organising.ui;

import org.convene.core.time.DateTexts;
import org.convene.programme.ui.AdminPage;
import org.convene.programme.ui.ManageLinks;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.convene.core.security.Role;
import org.convene.core.ui.MainLayout;
import org.convene.programme.ConferenceSummary;
import org.convene.programme.HostRef;
import org.convene.organising.ManagedSession;
import org.convene.organising.ManagedSessionSort;
import org.convene.organising.ManagerScope;
import org.convene.programme.ProgrammeService;
import org.convene.organising.SessionAdminService;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where organisers and partner hosts' coordinators manage the programme: the sessions of one conference that
 * this person may change, loaded page by page, and the way to add one. Organisers also find the set-up pages
 * here. The service decides which sessions are listed; the page only says so.
 */
@Route(value = "manage", layout = MainLayout.class)
@RolesAllowed({Role.Names.ORGANISER, Role.Names.HOST})
@PageTitle("Manage the programme - Convene")
@StyleSheet("styles/manage.css")
public class ManageProgrammeView extends Div implements BeforeEnterObserver {

    /** 68rem: below this the six columns' widths (62rem), the page's margins and a scroll bar do not fit. */
    static final int COMPACT_BELOW_PX = 1088;

    private final SessionAdminService admin;
    private final ProgrammeService programme;

    private final Select<ConferenceSummary> conferenceChoice = new Select<>();
    private final TextField search = new TextField("Search sessions");
    private final Button find = new Button("Search");
    private final Div status = new Div();
    private final Grid<ManagedSession> grid = new Grid<>();
    private final CallbackDataProvider<ManagedSession, Void> rows;
    private final List<Grid.Column<ManagedSession>> wideColumns = new ArrayList<>();
    private final Grid.Column<ManagedSession> compact;
    private @Nullable Registration resizes;

    private @Nullable ConferenceSummary conference;
    private String filter = "";

    public ManageProgrammeView(SessionAdminService admin, ProgrammeService programme) {
        this.admin = admin;
        this.programme = programme;
        addClassName("cv-manage");

        conferenceChoice.setId("manage-conference");
        conferenceChoice.setLabel("Conference");
        conferenceChoice.setItemLabelGenerator(c -> c == null ? "" : c.name() + " ("
                + DateTexts.dayRange(c.firstDay(), c.lastDay()) + ")");
        conferenceChoice.addValueChangeListener(e -> {
            ConferenceSummary chosen = e.getValue();
            if (chosen != null && (conference == null || chosen.id() != conference.id())) {
                UI.getCurrent().navigate(ManageLinks.HUB,
                        QueryParameters.of(ManageLinks.CONFERENCE_PARAMETER, chosen.slug()));
            }
        });

        search.setId("manage-search");
        search.setHelperText("Words from the title, description, host or people, or a reference");
        search.setClearButtonVisible(true);
        find.addClickListener(e -> applySearch());
        // Blurring first makes the box send what was typed before the search runs.
        find.addClickShortcut(Key.ENTER).listenOn(search).resetFocusOnActiveElement();

        status.setId("manage-status");
        status.getElement().setAttribute("role", "status");

        rows = new CallbackDataProvider<>(this::fetch,
                query -> conference == null ? 0 : admin.countSessions(conference.id(), filter), ManagedSession::id);
        grid.setAriaLabel("Sessions");
        grid.addClassName("cv-manage-grid");
        grid.setAllRowsVisible(false);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        // Widths that add up to what a laptop shows (62rem); long dates and names wrap instead of pushing the
        // columns after them out of sight.
        Grid.Column<ManagedSession> when = grid.addColumn(this::when).setHeader("When").setKey("when")
                .setSortProperty("start").setWidth("13rem").setFlexGrow(1);
        wideColumns.add(when);
        wideColumns.add(grid.addComponentColumn(ManageProgrammeView::titleLink).setHeader("Title").setKey("title")
                .setSortProperty("title").setRowHeader(true).setWidth("14rem").setFlexGrow(3));
        wideColumns.add(grid.addColumn(s -> s.reference() == null ? "" : s.reference()).setHeader("Reference")
                .setKey("reference").setWidth("7rem").setFlexGrow(0));
        wideColumns.add(grid.addColumn(ManageProgrammeView::track).setHeader("Track").setKey("track")
                .setSortProperty("track").setWidth("9rem").setFlexGrow(1));
        wideColumns.add(grid.addColumn(ManageProgrammeView::host).setHeader("Host").setKey("host")
                .setSortProperty("host").setWidth("10rem").setFlexGrow(1));
        wideColumns.add(grid.addColumn(ManageProgrammeView::status).setHeader("Status").setKey("status")
                .setWidth("9rem").setFlexGrow(0));
        // On a phone six columns cannot fit: one column stacks the same facts under the title instead.
        compact = grid.addComponentColumn(this::stacked).setHeader("Session").setKey("session")
                .setSortProperty("start").setRowHeader(true).setFlexGrow(1);
        showCompact(false);
        grid.setItems(rows);
        grid.sort(GridSortOrder.asc(when).build());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        conference = null;
        filter = "";
        search.clear();
        status.setText("");
        add(new H1("Manage the programme"));

        // someone who may manage nothing is refused here and sees the not-allowed page
        ManagerScope scope = admin.scope();
        if (scope.allSessions()) {
            add(setUpLinks());
        } else {
            add(scopeSentence(scope.coordinatedHosts()));
        }

        List<ConferenceSummary> conferences = programme.conferences();
        if (conferences.isEmpty()) {
            add(new Paragraph(scope.allSessions() ? "There are no conferences yet. Add one under Conferences."
                    : "There are no conferences yet."));
            return;
        }
        Optional<String> slug = event.getLocation().getQueryParameters()
                .getSingleParameter(ManageLinks.CONFERENCE_PARAMETER);
        Optional<ConferenceSummary> asked = slug.flatMap(programme::conference);
        conference = asked.or(programme::currentOrNext).orElse(conferences.getFirst());
        if (slug.isPresent() && asked.isEmpty()) {
            Paragraph notFound = new Paragraph("We could not find the conference \u201c" + slug.get()
                    + "\u201d. Showing " + conference.name() + " instead.");
            notFound.addClassName("cv-warning");
            add(notFound);
        }

        conferenceChoice.setItems(conferences);
        conferenceChoice.setValue(conferences.stream().filter(c -> c.id() == conference.id()).findFirst()
                .orElse(conference));

        Div searchRow = new Div(search, find);
        searchRow.addClassName("cv-search-row");
        add(new H2("Sessions of " + conference.name()), conferenceChoice);
        if (scope.mayManageAnything()) {
            Anchor addSession = AdminPage.link(ManageLinks.withConference(ManageLinks.newSession(), conference.slug()),
                    "Add a session");
            addSession.addClassName("cv-manage-add");
            add(new Paragraph(addSession));
        }
        add(new Paragraph("Times are in " + DateTexts.zoneName(conference.timeZone()) + "."), searchRow, status,
                grid);
        rows.refreshAll();
        announceCount();
    }

    private Nav setUpLinks() {
        UnorderedList list = new UnorderedList(
                new ListItem(AdminPage.link("manage/conferences", "Conferences")),
                new ListItem(AdminPage.link("manage/hosts", "Host organisations")),
                new ListItem(AdminPage.link("manage/people", "People")),
                new ListItem(AdminPage.link("manage/import", "Import sessions from a spreadsheet")),
                new ListItem(AdminPage.link("manage/mail", "Email sent by Convene")));
        list.addClassName("cv-manage-links");
        Nav nav = new Nav(list);
        nav.getElement().setAttribute("aria-label", "Set up the programme");
        return nav;
    }

    private static Paragraph scopeSentence(List<HostRef> hosts) {
        if (hosts.isEmpty()) {
            return new Paragraph("You do not coordinate a host organisation at the moment, so there are no sessions "
                    + "for you to manage. If you think this is wrong, ask an organiser to invite you again.");
        }
        List<String> names = hosts.stream().map(HostRef::name).toList();
        String joined = names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        return new Paragraph("You see only the sessions of " + joined + (names.size() == 1
                ? ", the organisation you coordinate." : ", the organisations you coordinate.")
                + " You can add sessions for " + (names.size() == 1 ? "it" : "them") + " and change them.");
    }

    private Stream<ManagedSession> fetch(Query<ManagedSession, Void> query) {
        if (conference == null) {
            return Stream.empty();
        }
        ManagedSessionSort sort = ManagedSessionSort.START;
        boolean ascending = true;
        List<QuerySortOrder> orders = query.getSortOrders();
        if (!orders.isEmpty()) {
            QuerySortOrder first = orders.getFirst();
            sort = switch (first.getSorted()) {
                case "title" -> ManagedSessionSort.TITLE;
                case "track" -> ManagedSessionSort.TRACK;
                case "host" -> ManagedSessionSort.HOST;
                default -> ManagedSessionSort.START;
            };
            ascending = first.getDirection() != SortDirection.DESCENDING;
        }
        return admin.sessions(conference.id(), filter, sort, ascending, query.getOffset(), query.getLimit()).stream();
    }

    private void applySearch() {
        filter = search.getValue().strip();
        rows.refreshAll();
        announceCount();
    }

    private void announceCount() {
        int count = admin.countSessions(conference().id(), filter);
        String sessions = count == 1 ? "1 session" : count + " sessions";
        status.setText(filter.isEmpty() ? sessions + "." : sessions + " found for \u201c" + filter + "\u201d.");
    }

    private String when(ManagedSession session) {
        ZoneId zone = conference().timeZone();
        ZonedDateTime start = session.startsAt().atZone(zone);
        return DateTexts.day(start.toLocalDate()) + ", " + DateTexts.timeRange(start, session.endsAt().atZone(zone));
    }

    private static Anchor titleLink(ManagedSession session) {
        return AdminPage.link(ManageLinks.session(session.id()), session.title());
    }

    private static String track(ManagedSession session) {
        return session.track() == null ? "No track" : session.track().name();
    }

    private static String host(ManagedSession session) {
        return session.host() == null ? "No host" : session.host().name();
    }

    private static String status(ManagedSession session) {
        return session.cancelled() ? "Cancelled" : "Going ahead";
    }

    /** The narrow screen's one cell: the title link, then the other columns' facts, one per line. */
    private Div stacked(ManagedSession session) {
        Div cell = new Div(titleLink(session));
        cell.addClassName("cv-manage-stack");
        cell.add(line(when(session)));
        cell.add(line("Track: " + track(session) + ". Host: " + host(session) + "."));
        if (session.reference() != null) {
            cell.add(line("Reference: " + session.reference()));
        }
        Span state = line(status(session));
        if (session.cancelled()) {
            state.addClassName("cv-manage-cancelled");
        }
        cell.add(state);
        return cell;
    }

    private static Span line(String text) {
        Span line = new Span(text);
        line.addClassName("cv-manage-stack-line");
        return line;
    }

    /** Below a small laptop's width the stacked column replaces the six; the server hears of resizes. */
    void showCompactFor(int windowWidth) {
        // 0 or less: the browser has not said; the full table suits most who manage the programme
        showCompact(windowWidth > 0 && windowWidth < COMPACT_BELOW_PX);
    }

    private void showCompact(boolean on) {
        compact.setVisible(on);
        wideColumns.forEach(column -> column.setVisible(!on));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        Page page = event.getUI().getPage();
        resizes = page.addBrowserWindowResizeListener(resize -> showCompactFor(resize.getWidth()));
        page.retrieveExtendedClientDetails(details -> showCompactFor(details.getWindowInnerWidth()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resizes != null) {
            resizes.remove();
            resizes = null;
        }
        super.onDetach(event);
    }

    private ConferenceSummary conference() {
        return Objects.requireNonNull(conference, "shown only once the page found it");
    }
}
