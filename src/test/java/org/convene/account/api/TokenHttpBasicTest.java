package org.convene.account.api;

import org.convene.TestConfig;
import org.convene.account.AccountFixtures;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: HTTP Basic (email and password) only makes tokens, and a token cannot make more tokens. Real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class TokenHttpBasicTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    AccountFixtures fixtures;

    final HttpClient http = HttpClient.newHttpClient();
    ConveneUser me;

    @BeforeEach
    void setUp() {
        me = fixtures.user("Basic Person");
    }

    private String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((me.email() + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder createToken(String authorization) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tokens"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"From a script\"}"));
    }

    private String newToken() throws Exception {
        HttpResponse<String> created = send(createToken(basic(AccountFixtures.PASSWORD)));
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("token").asString();
    }

    @Test
    void email_and_password_make_a_token() throws Exception {
        assertThat(newToken()).startsWith("cvn_");
    }

    @Test
    void email_and_password_open_nothing_else_under_api() throws Exception {
        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tokens"))
                .header("Authorization", basic(AccountFixtures.PASSWORD)).GET());

        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(list.body()).get("code").asString()).isEqualTo("NOT_SIGNED_IN");
    }

    @Test
    void a_token_cannot_make_another_token() throws Exception {
        String token = newToken();

        HttpResponse<String> refused = send(createToken("Bearer " + token));

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("code").asString()).isEqualTo("PASSWORD_REQUIRED");
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("message").asString()).contains("password");
    }

    @Test
    void the_websocket_handshake_ignores_http_basic_so_a_wrong_password_cannot_be_tried_there() throws Exception {
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", basic("not-the-password"))
                .subprotocols("v12.stomp")
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
                })
                .exceptionally(failed -> {
                    throw new CompletionException(failed);
                })
                .get(10, TimeUnit.SECONDS);
        socket.abort();
    }
}
