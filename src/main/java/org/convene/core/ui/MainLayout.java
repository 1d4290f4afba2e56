package org.convene.core.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.core.security.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame around every page: a skip link, the site name, the main navigation and a main landmark.
 * A plain header rather than AppLayout's drawer, which does not move focus into itself (web-components#6304).
 */
@AnonymousAllowed
public class MainLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Main main = new Main();
    private final UnorderedList navList = new UnorderedList();
    private final Div accountArea = new Div();
    private final CurrentUser currentUser;
    private final AuthenticationContext authenticationContext;
    private final List<Anchor> navLinks = new ArrayList<>();

    public MainLayout(CurrentUser currentUser, AuthenticationContext authenticationContext) {
        this.currentUser = currentUser;
        this.authenticationContext = authenticationContext;
        addClassName("cv-page");

        Anchor skipLink = new Anchor("#main-content", "Skip to main content");
        skipLink.addClassName("cv-skip-link");
        skipLink.getElement().setAttribute("router-ignore", "");

        Anchor brand = routerLink("", "Convene");
        brand.addClassName("cv-brand");

        Nav nav = new Nav(navList);
        nav.getElement().setAttribute("aria-label", "Main");
        nav.addClassName("cv-nav");
        accountArea.addClassName("cv-account-area");

        Header header = new Header(brand, nav, accountArea);
        header.addClassName("cv-header");

        main.setId("main-content");
        main.addClassName("cv-main");
        main.getElement().setAttribute("tabindex", "-1");

        Footer footer = new Footer(new Span("Convene: an open-source hub for accessible online conferences."));
        footer.addClassName("cv-footer");

        add(skipLink, header, main, footer);
        buildNavigation();
    }

    private void buildNavigation() {
        navList.removeAll();
        navLinks.clear();
        addNavLink("", "Timetable");
        addNavLink("recordings", "Recordings");
        ConveneUser user = currentUser.get().orElse(null);
        if (user != null) {
            addNavLink("agenda", "My agenda");
            if (user.has(Role.ORGANISER) || user.has(Role.HOST)) {
                addNavLink("manage", "Manage the programme");
                addNavLink("reports", "Attendance reports");
            }
            if (user.has(Role.ORGANISER)) {
                addNavLink("admin/users", "People and roles");
            }
        }
        accountArea.removeAll();
        if (user == null) {
            accountArea.add(routerLink("login", "Log in"), routerLink("signup", "Sign up"));
        } else {
            Anchor account = routerLink("account", "Your account");
            Span who = new Span("Signed in as " + user.displayName());
            who.addClassName("cv-who");
            Button logout = new Button("Log out", e -> authenticationContext.logout());
            logout.addClassName("cv-logout");
            accountArea.add(who, account, logout);
        }
    }

    private void addNavLink(String path, String text) {
        Anchor link = routerLink(path, text);
        navLinks.add(link);
        navList.add(new ListItem(link));
    }

    private static Anchor routerLink(String path, String text) {
        Anchor anchor = new Anchor(path.isEmpty() ? "." : path, text);
        anchor.getElement().setAttribute("router-link", "");
        return anchor;
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        buildNavigation();
        String path = event.getLocation().getPath();
        for (Anchor link : navLinks) {
            String href = link.getHref().equals(".") ? "" : link.getHref();
            boolean current = href.isEmpty() ? path.isEmpty() || path.startsWith("conferences")
                    : path.equals(href) || path.startsWith(href + "/");
            if (current) {
                link.getElement().setAttribute("aria-current", "page");
            } else {
                link.getElement().removeAttribute("aria-current");
            }
        }
    }

    /** For views that want to move focus to the start of the content after an action. */
    public static void focusMain(Component anyComponentInPage) {
        anyComponentInPage.getUI().ifPresent(ui -> ui.getPage().executeJs(
                "const m = document.getElementById('main-content'); if (m) m.focus();"));
    }
}
