package org.convene.core.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.account.ui.AccountView;
import org.convene.account.ui.ConfirmAddressView;
import org.convene.account.ui.ForgottenPasswordView;
import org.convene.account.ui.ResetPasswordView;
import org.convene.account.ui.LoginView;
import org.convene.account.ui.SignUpView;
import org.convene.account.ui.UsersAdminView;
import org.convene.attendance.ui.AttendancePrivacyView;
import org.convene.attendance.ui.ConferenceReportView;
import org.convene.attendance.ui.HostReportView;
import org.convene.attendance.ui.ReportsView;
import org.convene.attendance.ui.SessionReportView;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.exchange.ui.CsvImportView;
import org.convene.organising.ui.ConferenceCreateView;
import org.convene.organising.ui.ConferenceEditView;
import org.convene.organising.ui.ConferencesAdminView;
import org.convene.timetable.ui.HomeView;
import org.convene.organising.ui.HostCreateView;
import org.convene.organising.ui.HostEditView;
import org.convene.organising.ui.HostsAdminView;
import org.convene.organising.ui.InvitationView;
import org.convene.organising.ui.ManageProgrammeView;
import org.convene.agenda.ui.MyAgendaView;
import org.convene.materials.ui.MaterialsView;
import org.convene.recordings.ui.RecordingEditorView;
import org.convene.recordings.ui.RecordingsView;
import org.convene.organising.ui.SessionCancelView;
import org.convene.organising.ui.PeopleAdminView;
import org.convene.organising.ui.PersonCreateView;
import org.convene.organising.ui.PersonEditView;
import org.convene.organising.ui.SessionEditorView;
import org.convene.timetable.ui.SessionView;
import org.convene.timetable.ui.TimetableView;
import org.convene.qa.ui.ModerationView;
import org.convene.qa.ui.StageView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.CONFERENCE;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * Who may open each route, for someone not signed in, an attendee, a facilitator, a partner host's coordinator
 * and an organiser. The table
 * must name every route in the app, so a new view cannot be added without deciding who may see it.
 */
class RouteAccessTest extends KaribuTest {

    enum Persona { ANONYMOUS, ATTENDEE, FACILITATOR, HOST, ORGANISER }

    private static final Set<Persona> EVERYONE = EnumSet.allOf(Persona.class);
    private static final Set<Persona> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Persona.ANONYMOUS));

    record Rule(Class<? extends Component> view, Supplier<RouteParameters> parameters, Set<Persona> allowed) {
    }

    @Autowired
    TestData data;
    @Autowired
    DSLContext db;

    Map<String, Rule> rules;

    @BeforeEach
    void table() {
        long sessionId = data.liveSession();
        String slug = db.select(CONFERENCE.SLUG).from(CONFERENCE).join(PROGRAMME_SESSION)
                .on(PROGRAMME_SESSION.CONFERENCE_ID.eq(CONFERENCE.ID)).where(PROGRAMME_SESSION.ID.eq(sessionId))
                .fetchSingle().value1();
        rules = new LinkedHashMap<>();
        rule(HomeView.class, RouteParameters::empty, EVERYONE);
        rule(TimetableView.class, () -> new RouteParameters("slug", slug), EVERYONE);
        rule(SessionView.class, () -> new RouteParameters("id", Long.toString(sessionId)), EVERYONE);
        // someone already signed in is sent on to the home page
        rule(LoginView.class, RouteParameters::empty, EnumSet.of(Persona.ANONYMOUS));
        rule(SignUpView.class, RouteParameters::empty, EVERYONE);
        // the links in account email: opened from an email, often on another device, so anyone may
        rule(ConfirmAddressView.class, () -> new RouteParameters("token", "not-a-real-token"), EVERYONE);
        rule(ForgottenPasswordView.class, RouteParameters::empty, EVERYONE);
        rule(ResetPasswordView.class, () -> new RouteParameters("token", "not-a-real-token"), EVERYONE);
        rule(MyAgendaView.class, RouteParameters::empty, SIGNED_IN);
        rule(AccountView.class, RouteParameters::empty, SIGNED_IN);
        rule(UsersAdminView.class, RouteParameters::empty, EnumSet.of(Persona.ORGANISER));
        rule(org.convene.mail.ui.OutboxView.class, RouteParameters::empty, EnumSet.of(Persona.ORGANISER));
        // anyone signed in reaches the page; it shows the queue only to the session's facilitators and organisers
        // (ModerationViewTest), because being a facilitator is per session, not a role
        rule(ModerationView.class, () -> new RouteParameters("id", Long.toString(sessionId)), SIGNED_IN);
        rule(StageView.class, () -> new RouteParameters("id", Long.toString(sessionId)), EVERYONE);
        rule(AttendancePrivacyView.class, RouteParameters::empty, SIGNED_IN);
        // hosts open the reports pages; the service shows them only their own organisations' reports
        rule(ReportsView.class, RouteParameters::empty, EnumSet.of(Persona.HOST, Persona.ORGANISER));
        rule(ConferenceReportView.class, () -> new RouteParameters("slug", slug), EnumSet.of(Persona.ORGANISER));
        rule(SessionReportView.class, () -> new RouteParameters("id", Long.toString(sessionId)),
                EnumSet.of(Persona.HOST, Persona.ORGANISER));
        rule(HostReportView.class, () -> new RouteParameters(java.util.Map.of("slug", slug, "hostId", "1")),
                EnumSet.of(Persona.HOST, Persona.ORGANISER));
        // conferences, tracks, host organisations and people are organisers' (org.convene.programme.ui)
        Set<Persona> organisers = EnumSet.of(Persona.ORGANISER);
        rule(ConferencesAdminView.class, RouteParameters::empty, organisers);
        rule(ConferenceCreateView.class, RouteParameters::empty, organisers);
        rule(ConferenceEditView.class, () -> new RouteParameters("slug", slug), organisers);
        rule(HostsAdminView.class, RouteParameters::empty, organisers);
        rule(HostCreateView.class, RouteParameters::empty, organisers);
        rule(HostEditView.class, () -> new RouteParameters("id", "1"), organisers);
        rule(PeopleAdminView.class, RouteParameters::empty, organisers);
        rule(PersonCreateView.class, RouteParameters::empty, organisers);
        rule(PersonEditView.class, () -> new RouteParameters("id", "1"), organisers);
        // anyone signed in may open an invitation link; the page says whether it is theirs
        rule(InvitationView.class, () -> new RouteParameters("token", "not-a-real-token"), SIGNED_IN);
        rule(RecordingsView.class, RouteParameters::empty, EVERYONE);
        // the pages open for the role; which sessions a host may change is checked per session (their own tests)
        rule(RecordingEditorView.class, () -> new RouteParameters("id", Long.toString(sessionId)),
                EnumSet.of(Persona.HOST, Persona.ORGANISER));
        rule(SessionCancelView.class, () -> new RouteParameters("id", Long.toString(sessionId)),
                EnumSet.of(Persona.HOST, Persona.ORGANISER));
        rule(MaterialsView.class, () -> new RouteParameters("id", Long.toString(sessionId)),
                EnumSet.of(Persona.HOST, Persona.ORGANISER));
        rule(org.convene.captions.ui.CaptionsAdminView.class, () -> new RouteParameters("id", Long.toString(sessionId)),
                EnumSet.of(Persona.HOST, Persona.ORGANISER));
        // facilitators of a session mark phone joins here, and being a facilitator is per session, not a role: the
        // page lets anyone signed in arrive and its service decides (AttendanceImportViewTest)
        rule(org.convene.attendance.ui.AttendanceImportView.class,
                () -> new RouteParameters("id", Long.toString(sessionId)), SIGNED_IN);
        rule(org.convene.agenda.ui.RegistrationRequestsView.class,
                () -> new RouteParameters("id", Long.toString(sessionId)), EnumSet.of(Persona.HOST, Persona.ORGANISER));
        // certificates: your own list, and the public verification address printed on each (an unknown code gets
        // the certificate's own not-found page)
        rule(org.convene.certificates.ui.MyCertificatesView.class, RouteParameters::empty, SIGNED_IN);
        rule(org.convene.certificates.ui.VerifyCertificateView.class,
                () -> new RouteParameters("code", "AAAA-AAAA-AAAA-AAAA-AAAA"), EVERYONE);
        // the form opens once the session ends; before that anyone is told when it will
        rule(org.convene.polls.ui.FeedbackView.class, () -> new RouteParameters("id", Long.toString(sessionId)), EVERYONE);
        rule(CsvImportView.class, RouteParameters::empty, EnumSet.of(Persona.HOST, Persona.ORGANISER));
        // the hub and the session editor; which sessions a host may change is checked by the service
        rule(ManageProgrammeView.class, RouteParameters::empty, EnumSet.of(Persona.HOST, Persona.ORGANISER));
        rule(SessionEditorView.class, () -> new RouteParameters("id", "new"),
                EnumSet.of(Persona.HOST, Persona.ORGANISER));
    }

    private void rule(Class<? extends Component> view, Supplier<RouteParameters> parameters, Set<Persona> allowed) {
        rules.put(view.getAnnotation(Route.class).value(), new Rule(view, parameters, allowed));
    }

    @Test
    void the_table_names_every_route_in_the_app() {
        Set<String> routes = new java.util.TreeSet<>();
        new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("org.convene").getRoutes()
                .forEach(view -> routes.add(view.getAnnotation(Route.class).value()));
        assertThat(rules.keySet()).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void each_persona_opens_exactly_the_routes_meant_for_them() {
        for (Persona persona : Persona.values()) {
            signInAs(persona);
            for (Rule rule : rules.values()) {
                if (rule.allowed().contains(persona)) {
                    UI.getCurrent().navigate(rule.view(), rule.parameters().get());
                    // The route let them in (a refused route throws or goes to the log-in page). The record it
                    // names may still be missing (id 1) or another organisation's: the view then hands over to the
                    // not-found or not-allowed page, which each view's own test checks.
                    int shown = LocatorJ._find(rule.view()).size() + LocatorJ._find(PageNotFoundView.class).size()
                            + LocatorJ._find(NotAllowedView.class).size()
                            + LocatorJ._find(org.convene.certificates.ui.CertificateNotFoundView.class).size();
                    assertThat(shown).as("%s may open %s", persona, rule.view().getSimpleName()).isEqualTo(1);
                } else {
                    assertCannotOpen(rule.view(), rule.parameters().get());
                }
            }
            logout();
        }
    }

    private void signInAs(Persona persona) {
        ConveneUser user = switch (persona) {
            case ANONYMOUS -> null;
            case ATTENDEE -> data.user();
            case FACILITATOR -> data.user(Role.FACILITATOR);
            case HOST -> data.user(Role.HOST);
            case ORGANISER -> data.user(Role.ORGANISER);
        };
        if (user != null) {
            login(user);
        }
    }
}
