package org.convene.qa.api;

import org.convene.account.AccountFixtures;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.util.ArrayList;
import java.util.List;

/**
 * The STOMP API tests' clients: access tokens for test users, connections to the test server's port, and closing
 * every connection after each test. In a {@code RANDOM_PORT} test class:
 * <pre>{@code
 * @RegisterExtension
 * final StompApiClients stomp = new StompApiClients();
 * ...
 * StompTestClient asker = stomp.connect(stomp.tokenFor(data.user()));
 * StompTestClient stranger = stomp.connect(null);
 * }</pre>
 * After each test (after the class's own {@code @AfterEach}) it closes what it opened and signs out.
 */
final class StompApiClients implements BeforeEachCallback, AfterEachCallback {

    private final List<AutoCloseable> open = new ArrayList<>();
    private ApplicationContext context;

    @Override
    public void beforeEach(ExtensionContext extension) {
        context = SpringExtension.getApplicationContext(extension);
    }

    @Override
    public void afterEach(ExtensionContext extension) throws Exception {
        try {
            for (AutoCloseable client : open) {
                client.close();
            }
        } finally {
            open.clear();
            SecurityContextHolder.clearContext();
        }
    }

    /** A new access token of the user's, named "test". */
    String tokenFor(ConveneUser user) {
        return AccountFixtures.apiToken(context().getBean(ApiTokenService.class), user, "test");
    }

    /** A STOMP client on the test server, with the token or none (anonymous). */
    StompTestClient connect(String token) throws Exception {
        return track(StompTestClient.connect(port(), token));
    }

    /** A client that writes frames by hand (for malformed ones), connected with the token or none. */
    RawStompClient raw(String token) throws Exception {
        return track(RawStompClient.connect(port(), token));
    }

    /** A bare WebSocket to the STOMP endpoint, before any CONNECT frame. */
    RawStompClient rawUnconnected() throws Exception {
        return track(RawStompClient.open(port()));
    }

    /** Every STOMP client this test has connected, in order. */
    List<StompTestClient> connected() {
        return open.stream().filter(StompTestClient.class::isInstance).map(StompTestClient.class::cast).toList();
    }

    int port() {
        Integer port = context().getEnvironment().getProperty("local.server.port", Integer.class);
        if (port == null) {
            throw new IllegalStateException("StompApiClients needs a running server: "
                    + "@SpringBootTest(webEnvironment = RANDOM_PORT)");
        }
        return port;
    }

    private <C extends AutoCloseable> C track(C client) {
        open.add(client);
        return client;
    }

    private ApplicationContext context() {
        if (context == null) {
            throw new IllegalStateException("StompApiClients is registered with @RegisterExtension on a Spring test");
        }
        return context;
    }
}
