package org.convene.account.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.convene.account.ApiTokenService;
import org.convene.core.security.SecurityChainOrder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The machine-facing side: the JSON API under /api and the STOMP WebSocket at /ws. Stateless, no CSRF (no
 * cookies are used), a personal access token as "Authorization: Bearer", and HTTP Basic only on POST /api/tokens
 * (to create a token). The WebSocket handshake is open; STOMP authenticates in its CONNECT frame.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(SecurityChainOrder.API)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
        http.securityMatcher("/api/**", "/ws", "/ws/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(ApiSecurityConfiguration::notSignedIn))
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiSecurityConfiguration::notSignedIn))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterBefore(new PasswordOnlyToMintTokens(), BearerTokenFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(pathPattern("/ws"), pathPattern("/ws/**")).permitAll()
                        .requestMatchers(pathPattern(HttpMethod.GET, "/api/sessions/*/questions")).permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** No credentials, or wrong ones for HTTP Basic: the API answers, it never sends anyone to the log-in page. */
    private static void notSignedIn(HttpServletRequest request, HttpServletResponse response,
                                    AuthenticationException refused) throws IOException {
        unauthorized(response, "NOT_SIGNED_IN", "Sign in: send an access token as \u201cAuthorization: Bearer \u2026\u201d, "
                + "or your email address and password (HTTP Basic) to create one.");
    }

    /**
     * A 401 as RFC 9457 problem details, with our {@code code} and {@code message} like every other API error
     * (core.api.ProblemDetailsAdvice, which these refusals never reach: they happen before any controller).
     */
    static void unauthorized(HttpServletResponse response, String code, String message) throws IOException {
        problem(response, HttpStatus.UNAUTHORIZED, code, message);
    }

    /** The messages passed here are our own constants, free of quotes and backslashes. */
    private static void problem(HttpServletResponse response, HttpStatus status, String code, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + message + "\",\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
    }

    /**
     * HTTP Basic (email and password) is only for making a token, so a password sent anywhere else under /api or
     * to the /ws handshake is ignored rather than checked (no second place to try passwords); and a token cannot
     * make more tokens, so a leaked token cannot be turned into ones its owner does not know about.
     */
    static final class PasswordOnlyToMintTokens extends OncePerRequestFilter {

        private static final String TOKENS = "/api/tokens";

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            boolean minting = HttpMethod.POST.matches(request.getMethod()) && TOKENS.equals(pathOf(request));
            if (minting && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                problem(response, HttpStatus.FORBIDDEN, "PASSWORD_REQUIRED", "A token cannot make more tokens: send your "
                        + "email address and password (HTTP Basic), or make one on your account page.");
                return;
            }
            if (!minting && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                chain.doFilter(new WithoutAuthorization(request), response);
                return;
            }
            chain.doFilter(request, response);
        }

        private static String pathOf(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }
    }

    /** A request as if it carried no Authorization header. */
    private static final class WithoutAuthorization extends HttpServletRequestWrapper {

        WithoutAuthorization(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getHeader(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)).toList());
        }
    }

    /** Signs a request in as the owner of its bearer token; a wrong token is refused outright. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokenService tokens;

        BearerTokenFilter(ApiTokenService tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                var user = tokens.authenticate(header.substring(7).trim());
                if (user.isEmpty()) {
                    unauthorized(response, "INVALID_TOKEN", "The access token is unknown or was revoked.");
                    return;
                }
                var authentication = new UsernamePasswordAuthenticationToken(user.get(), null, user.get().getAuthorities());
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
            chain.doFilter(request, response);
        }
    }
}
