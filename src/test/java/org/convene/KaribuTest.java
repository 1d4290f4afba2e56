package org.convene;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import kotlin.jvm.functions.Function0;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.stream.Collectors;

/**
 * Browserless UI tests: the real Spring app and database, Vaadin mocked by Karibu-Testing.
 * {@link #login(ConveneUser)} signs a user in for both Spring Security and Vaadin's route checks.
 */
@IntegrationTest
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.convene");

    @Autowired
    protected ApplicationContext ctx;

    @Autowired
    protected TestClock clock;

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, ctx, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
        clock.reset();
    }

    protected void login(ConveneUser user) {
        var authentication = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        Set<String> roles = user.roles().stream().map(Role::name).collect(Collectors.toSet());
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roles.contains(role));
    }

    /**
     * Navigating to a view one may not open must not show it: Karibu either throws or Vaadin reroutes
     * (to the log-in page for someone not signed in).
     */
    protected void assertCannotOpen(Class<? extends Component> view) {
        assertCannotOpen(view, com.vaadin.flow.router.RouteParameters.empty());
    }

    protected void assertCannotOpen(Class<? extends Component> view, com.vaadin.flow.router.RouteParameters parameters) {
        try {
            UI.getCurrent().navigate(view, parameters);
        } catch (MockAccessDeniedException expected) {
            return;
        }
        assertThat(LocatorJ._find(view)).as("%s must not be shown", view.getSimpleName()).isEmpty();
    }

    /**
     * Opens an address as a browser's first request for it does, and returns the HTTP status that request would
     * answer (UI.navigate(String) leaves an unknown address to the browser's router instead).
     */
    protected static int openAddress(String path) {
        UI ui = UI.getCurrent();
        return ui.getInternals().getRouter().navigate(ui, new com.vaadin.flow.router.Location(path),
                com.vaadin.flow.router.NavigationTrigger.PAGE_LOAD);
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }
}
