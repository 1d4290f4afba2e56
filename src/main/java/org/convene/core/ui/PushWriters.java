package org.convene.core.ui;

import com.vaadin.flow.spring.SpringServlet;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.stereotype.Component;

/**
 * Lets Atmosphere's writing threads go as soon as a page's message is written, so a push to a whole plenary is not
 * rationed to 200 pages at a time.
 * <p>
 * Atmosphere writes each page's push messages on a thread from a pool of 200. After a message, that thread waits
 * for the page's next one for {@code threadWaitTime} (100 ms by default) before it serves another page. When a
 * new question goes to 2,000 open pages at once, 200 threads each wait 100 ms per page, so the last page was
 * written about a second after the first while the server's core sat partly idle (docs/benchmarks.md, the JFR
 * socket-write timings). At 1 ms the same pool serves the whole audience almost as fast as the pages are
 * rendered. The setting also bounds how long the broadcaster's dispatching thread idles before it stops; it is
 * started again with the next message.
 * <p>
 * Atmosphere reads the setting when it creates its broadcaster, before Vaadin's service starts (so
 * {@link PushConnections} is too late for it); Vaadin passes its servlet's init parameters on to Atmosphere.
 */
@Component
class PushWriters implements BeanPostProcessor {

    static final String WAIT_PARAMETER = "org.atmosphere.cpr.Broadcaster.threadWaitTime";
    static final String WAIT_MILLIS = "1";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ServletRegistrationBean<?> registration && registration.getServlet() instanceof SpringServlet) {
            registration.addInitParameter(WAIT_PARAMETER, WAIT_MILLIS);
        }
        return bean;
    }
}
