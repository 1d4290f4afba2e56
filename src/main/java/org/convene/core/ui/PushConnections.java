package org.convene.core.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import jakarta.servlet.ServletContext;
import org.atmosphere.cpr.AtmosphereFramework;
import org.atmosphere.util.ExecutorsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Makes each open page's push connection cheaper to hold, which in a plenary of thousands is most of the heap:
 * measured with a class histogram of 200 open session pages (docs/benchmarks.md).
 * <ul>
 * <li>Vaadin asks Atmosphere for 16,384-character WebSocket message buffers on every push connection. Pages send
 * nothing to the server over that socket (messages to the server go by XHR, {@code alwaysXhrToServer}); only
 * Atmosphere's few-byte heartbeats arrive on it, so 1,024 characters is plenty and saves about 30 KB a page.</li>
 * <li>Atmosphere's heartbeat is re-armed on every push: it cancels the waiting task and schedules a new one a
 * minute ahead. Its scheduler keeps cancelled tasks queued until their minute is up, so a page pushed to twice a
 * second kept about 150 dead tasks. Removing a task when it is cancelled keeps the queue at one per page.</li>
 * </ul>
 * Both are Atmosphere settings read per new connection, so they are set on the framework Vaadin has already
 * started (Vaadin fixes them while starting it).
 */
@Component
class PushConnections implements VaadinServiceInitListener {

    static final int MESSAGE_BUFFER_CHARS = 1024;

    private static final Logger log = LoggerFactory.getLogger(PushConnections.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (!(event.getSource() instanceof VaadinServletService service) || service.getServlet() == null) {
            return;
        }
        ServletContext context = service.getServlet().getServletContext();
        for (String name : Collections.list(context.getAttributeNames())) {
            if (context.getAttribute(name) instanceof AtmosphereFramework framework) {
                tune(framework);
            }
        }
    }

    static void tune(AtmosphereFramework framework) {
        String size = Integer.toString(MESSAGE_BUFFER_CHARS);
        framework.addInitParameter("org.atmosphere.websocket.bufferSize", size);
        framework.addInitParameter("org.atmosphere.websocket.maxTextMessageSize", size);
        framework.addInitParameter("org.atmosphere.websocket.maxBinaryMessageSize", size);
        Object scheduler = framework.getAtmosphereConfig().properties().get(ExecutorsFactory.SCHEDULER_THREAD_POOL);
        if (scheduler instanceof ScheduledThreadPoolExecutor pool) {
            pool.setRemoveOnCancelPolicy(true);
        } else {
            log.debug("Atmosphere's scheduler is not started yet; its cancelled heartbeats stay queued");
        }
    }
}
