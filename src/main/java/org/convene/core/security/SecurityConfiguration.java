package org.convene.core.security;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import java.util.HashMap;
import java.util.Map;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;
import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** The one address whose POST needs no CSRF token; core may not name the mail module's constant. */
    static final String UNSUBSCRIBE = "/mail/unsubscribe/*";

    /** The last chain: it takes every request the others (see SecurityChainOrder) did not. */
    @Bean
    @Order(SecurityChainOrder.PAGES)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationFailureHandler loginFailureHandler,
                                            VaadinDefaultRequestCache requestCache)
            throws Exception {
        // Our own endpoints first: Vaadin's configurer ends with anyRequest().authenticated().
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(pathPattern("/calendar/**")).permitAll()
                // the published programme as files for schedule and calendar apps (org.convene.programme.api)
                .requestMatchers(pathPattern(HttpMethod.GET, "/conferences/*/schedule.*"),
                        pathPattern(HttpMethod.GET, "/schedule.*")).permitAll()
                .requestMatchers(pathPattern("/styles/**"), pathPattern("/images/**"), pathPattern("/favicon.ico"))
                .permitAll()
                // one-click unsubscribe (org.convene.mail.api, MailPreferences.UNSUBSCRIBE_PATH): mail providers
                // call it with no session and no CSRF token; the secret token in the address is the proof
                .requestMatchers(pathPattern(UNSUBSCRIBE)).permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(pathPattern(HttpMethod.POST, UNSUBSCRIBE)));
        // Log-in itself: org.convene.account's AuthenticationProvider bean (throttled, see LoginAttempts),
        // which Spring Security picks up as the only provider. Vaadin's configurer leaves POST /login
        // without a CSRF token check (its LoginForm posts natively), which our own form relies on too.
        // The failure handler (also from org.convene.account) must be set before Vaadin's configurer
        // sets the log-in page, which otherwise installs a plain "/login?error" redirect. The log-in page
        // is named here too: without it Spring would serve its own generated page at GET /login.
        http.formLogin(form -> form.loginPage("/login").failureHandler(loginFailureHandler));
        // That exemption leaves log-in CSRF open: a form on another site could sign the visitor in to the
        // attacker's account. LoginOriginFilter refuses log-ins whose Origin (or Referer) is another site.
        http.addFilterBefore(new LoginOriginFilter(), UsernamePasswordAuthenticationFilter.class);
        // What Vaadin's configurer has not already allowed (its own resources, pages open to everyone) falls to
        // anyRequest. Its default refuses it all, so a mistyped address gave a signed-in person a blank 403 and
        // everyone else the log-in page. Pages that need a sign-in keep needing one here; any other address goes
        // on to Vaadin, which shows PageNotFoundView. Endpoints outside Vaadin have their own rules above or
        // their own filter chains (api, join, CSV template), so nothing else is opened by this.
        // Back to the page they were going to after log-in by a relative address, never one built on the request's
        // Host (Vaadin's configurer takes a success handler given to it this way instead of making its own).
        VaadinSavedRequestAwareAuthenticationSuccessHandler backAgain = new VaadinSavedRequestAwareAuthenticationSuccessHandler();
        backAgain.setDefaultTargetUrl("/");
        backAgain.setRequestCache(requestCache);
        backAgain.setRedirectStrategy(new RelativeRedirects());
        http.setSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class, backAgain);
        http.with(vaadin(), vaadin -> vaadin.loginView("/login")
                .anyRequest(url -> url.access(signInForPagesOnly())));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> signInForPagesOnly() {
        AuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager.authenticated();
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            String path = request.getRequestURI().substring(request.getContextPath().length()).replaceFirst("^/", "");
            boolean isPage = ApplicationRouteRegistry.getInstance(new VaadinServletContext(request.getServletContext()))
                    .getNavigationTarget(path).isPresent();
            return isPage ? signedIn.authorize(authentication, context) : new AuthorizationDecision(true);
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // PBKDF2-HMAC-SHA256 (310,000 rounds) for new hashes: bcrypt refuses passwords over 72 bytes and we
        // allow 128 characters. Hashes made with bcrypt still verify, and the id stored beside each hash
        // lets the default change again later.
        String defaultId = "pbkdf2@SpringSecurity_v5_8";
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put(defaultId, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder(defaultId, encoders);
    }
}
