package org.convene.core.ui;

import jakarta.servlet.ServletContext;
import org.atmosphere.cpr.AtmosphereFramework;
import org.atmosphere.cpr.Broadcaster;
import org.atmosphere.cpr.DefaultBroadcaster;
import org.atmosphere.util.ExecutorsFactory;
import org.convene.TestConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** The running server's push connections, as a plenary's thousands of pages each hold one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class PushConnectionsTest {

    @LocalServerPort
    int port;
    @Autowired
    ServletContext servletContext;

    @Test
    void push_connections_get_small_message_buffers_and_cancelled_heartbeats_leave_the_queue() throws Exception {
        assertThat(pushFrameworks()).isNotEmpty().allSatisfy(framework -> {
            var config = framework.getAtmosphereConfig();
            assertThat(config.getInitParameter("org.atmosphere.websocket.maxTextMessageSize"))
                    .isEqualTo(Integer.toString(PushConnections.MESSAGE_BUFFER_CHARS));
            assertThat(config.properties().get(ExecutorsFactory.SCHEDULER_THREAD_POOL))
                    .isInstanceOfSatisfying(ScheduledThreadPoolExecutor.class,
                            pool -> assertThat(pool.getRemoveOnCancelPolicy()).isTrue());
        });
    }

    @Test
    void a_push_writing_thread_waits_one_millisecond_for_its_page_not_a_tenth_of_a_second() throws Exception {
        List<Broadcaster> broadcasters = pushFrameworks().stream()
                .flatMap(framework -> framework.getBroadcasterFactory().lookupAll().stream())
                .toList();
        // the field the writing threads read: a setting that never reached the broadcaster would leave it at 100
        Field waitTime = DefaultBroadcaster.class.getDeclaredField("waitTime");
        waitTime.setAccessible(true);
        assertThat(broadcasters).isNotEmpty().allSatisfy(broadcaster ->
                assertThat(waitTime.getInt(broadcaster)).isEqualTo(Integer.parseInt(PushWriters.WAIT_MILLIS)));
    }

    /** The push frameworks of the running server, started by its first page request as a browser's would. */
    private List<AtmosphereFramework> pushFrameworks() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        return Collections.list(servletContext.getAttributeNames()).stream()
                .map(servletContext::getAttribute)
                .filter(AtmosphereFramework.class::isInstance)
                .map(AtmosphereFramework.class::cast)
                .toList();
    }
}
