package org.convene.attendance.api;

import org.convene.core.security.SecurityChainOrder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Join link is open to everyone (only signed-in people's arrival is recorded), so it needs its own filter
 * chain ahead of Vaadin's, which ends with "every other request must be authenticated". The chain keeps the
 * usual session-based sign-in, so the controller knows who followed the link.
 */
@Configuration(proxyBeanMethods = false)
class JoinSecurityConfiguration {

    @Bean
    @Order(SecurityChainOrder.JOIN)
    SecurityFilterChain joinSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/sessions/*/join")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
