package org.convene.qa.api;

import org.convene.ConveneApplication;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.account.ApiTokenService;
import org.convene.core.database.EmbeddedPostgresServer;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole Convene nodes started as a deployment would run them: on one shared PostgreSQL, given by
 * spring.datasource.url. Each node LISTENs on its own connection and fans out to its own subscribers.
 */
class TwoNodesAndRestartTest {

    private static ConfigurableApplicationContext node(String jdbcUrl) {
        // command-line arguments, so they win over application.properties as a deployment's settings would
        return new SpringApplicationBuilder(ConveneApplication.class).run(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=0",
                "--vaadin.productionMode=true",
                "--convene.demo.mode=off",
                "--convene.qa.questions-per-minute=1000",
                "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static String tokenFor(ConfigurableApplicationContext node, ConveneUser user) {
        return AccountFixtures.apiToken(node.getBean(ApiTokenService.class), user, "node test");
    }

    @Test
    void a_question_asked_on_one_node_reaches_the_other_nodes_subscribers_in_order_with_no_duplicates(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pg");
        String url = EmbeddedPostgresServer.jdbcUrl(dataDir, 0, true);
        try (ConfigurableApplicationContext a = node(url); ConfigurableApplicationContext b = node(url)) {
            TestData data = new TestData(a.getBean(org.jooq.DSLContext.class));
            long session = data.liveSession();
            String asker = tokenFor(a, data.user());

            List<StompTestClient> clients = new ArrayList<>();
            try {
                StompTestClient listenerOnB = StompTestClient.connect(port(b), null);
                clients.add(listenerOnB);
                BlockingQueue<JsonNode> frames = listenerOnB.subscribe("/topic/sessions." + session + ".questions");
                StompTestClient askerOnA = StompTestClient.connect(port(a), asker);
                clients.add(askerOnA);

                int questions = 20;
                for (int i = 1; i <= questions; i++) {
                    // not waiting for receipts between sends: the burst must still arrive whole and in order
                    askerOnA.session.send(jsonHeaders("/app/sessions." + session + ".questions"),
                            "{\"text\":\"Question number " + i + "\"}");
                }

                List<Long> seqs = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (seqs.size() < questions && System.nanoTime() < deadline) {
                    JsonNode frame = StompTestClient.poll(frames, Duration.ofSeconds(1));
                    if (frame == null) {
                        continue;
                    }
                    for (JsonNode event : frame.get("events")) {
                        seqs.add(event.get("seq").asLong());
                        texts.add(event.get("question").get("text").asString());
                    }
                }
                assertThat(seqs).hasSize(questions);
                Set<Long> unique = new HashSet<>(seqs);
                assertThat(unique).as("no duplicates").hasSize(questions);
                for (int i = 0; i < questions; i++) {
                    assertThat(seqs.get(i)).isEqualTo(i + 1L);
                    assertThat(texts.get(i)).isEqualTo("Question number " + (i + 1));
                }
            } finally {
                clients.forEach(StompTestClient::close);
            }
        } finally {
            EmbeddedPostgresServer.stop(dataDir);
        }
    }

    @Test
    void acknowledged_questions_and_votes_survive_a_restart_of_the_app_and_its_database(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pg");
        long session;
        long questionId;
        try (ConfigurableApplicationContext first = node(EmbeddedPostgresServer.jdbcUrl(dataDir, 0, false))) {
            TestData data = new TestData(first.getBean(org.jooq.DSLContext.class));
            session = data.liveSession();
            StompTestClient asker = StompTestClient.connect(port(first), tokenFor(first, data.user()));
            StompTestClient voter = StompTestClient.connect(port(first), tokenFor(first, data.user()));
            try {
                BlockingQueue<JsonNode> frames = StompTestClient.connect(port(first), null)
                        .subscribe("/topic/sessions." + session + ".questions");
                assertThat(asker.sendAndAwaitReceipt("/app/sessions." + session + ".questions",
                        "{\"text\":\"Will this survive?\"}", Duration.ofSeconds(5))).isTrue();
                questionId = StompTestClient.poll(frames, Duration.ofSeconds(5)).get("events").get(0)
                        .get("question").get("id").asLong();
                assertThat(voter.sendAndAwaitReceipt("/app/questions." + questionId + ".vote", "{\"up\":true}",
                        Duration.ofSeconds(5))).isTrue();
            } finally {
                asker.close();
                voter.close();
            }
        }
        EmbeddedPostgresServer.stop(dataDir);

        try (ConfigurableApplicationContext second = node(EmbeddedPostgresServer.jdbcUrl(dataDir, 0, false))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port(second) + "/api/sessions/" + session + "/questions")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode question = StompTestClient.JSON.readTree(response.body()).get("questions").get(0);
            assertThat(question.get("id").asLong()).isEqualTo(questionId);
            assertThat(question.get("text").asString()).isEqualTo("Will this survive?");
            assertThat(question.get("votes").asInt()).isEqualTo(1);
        } finally {
            EmbeddedPostgresServer.stop(dataDir);
        }
    }

    private static org.springframework.messaging.simp.stomp.StompHeaders jsonHeaders(String destination) {
        var headers = new org.springframework.messaging.simp.stomp.StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        return headers;
    }
}
