package org.convene;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockRequestDispatcher;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.WebApplicationContext;

@TestConfiguration(proxyBeanMethods = false)
@Import(QueryLog.Config.class)
public class TestConfig {

    /** Where MockMvc shows a request that the security chain let through to Vaadin (getForwardedUrl()). */
    public static final String VAADIN_SERVLET = "/vaadin-servlet";

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /**
     * MockMvc has no Vaadin servlet: Spring forwards Vaadin's addresses to the servlet named "springServlet", and
     * without one a request that security lets through fails. A stand-in records the forward instead, so tests
     * can tell "let through to the app" from "refused" or "sent to log in".
     */
    @Bean
    InitializingBean vaadinServletStandIn(WebApplicationContext context) {
        return () -> {
            if (context.getServletContext() instanceof MockServletContext servletContext) {
                servletContext.registerNamedDispatcher("springServlet", new MockRequestDispatcher(VAADIN_SERVLET));
            }
        };
    }
}
