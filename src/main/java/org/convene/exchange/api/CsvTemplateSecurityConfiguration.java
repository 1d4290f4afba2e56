package org.convene.exchange.api;

import org.convene.core.security.Role;
import org.convene.core.security.SecurityChainOrder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The import template is a plain download, not a Vaadin request, and Vaadin's filter chain refuses every
 * request it does not know. This chain lets signed-in organisers and coordinators have it, keeps the usual
 * session sign-in, and sends anyone not signed in to the log-in page. The service checks the person again.
 */
@Configuration(proxyBeanMethods = false)
class CsvTemplateSecurityConfiguration {

    @Bean
    @Order(SecurityChainOrder.CSV_TEMPLATE)
    SecurityFilterChain csvTemplateSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/manage/import/template.csv")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(Role.ORGANISER.name(), Role.HOST.name()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }
}
