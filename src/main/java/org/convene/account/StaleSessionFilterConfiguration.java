package org.convene.account;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StaleSessionFilterConfiguration {

    /** Just before Spring Security's filters, so that they never see a stale session's sign-in. */
    @Bean
    FilterRegistrationBean<StaleSessionFilter> staleSessionFilter(AccountRepository accounts) {
        FilterRegistrationBean<StaleSessionFilter> registration =
                new FilterRegistrationBean<>(new StaleSessionFilter(accounts));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
