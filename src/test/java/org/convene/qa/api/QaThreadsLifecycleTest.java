package org.convene.qa.api;

import org.convene.ConveneApplication;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Q&A's threads belong to Spring (qa.QaExecutors and the LISTEN thread's lifecycle): closing the application
 * ends every one of them, and a stopped and restarted context (as the test context cache does) works again.
 * Each test starts its own application on the tests' shared database, so its threads can be told apart from those
 * of the cached test contexts by when they appeared.
 */
class QaThreadsLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(ConveneApplication.class).profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static String tokenFor(ConfigurableApplicationContext node, ConveneUser user) {
        return AccountFixtures.apiToken(node.getBean(ApiTokenService.class), user, "threads test");
    }

    private static Set<Thread> qaThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("qa-") && thread.isAlive()) {
                threads.add(thread);
            }
        }
        return threads;
    }

    /** Asks a question over STOMP and waits for it on the public topic: every Q&A pool has had work. */
    private static void askAndHear(ConfigurableApplicationContext node, String text) throws Exception {
        TestData data = new TestData(node.getBean(org.jooq.DSLContext.class));
        long session = data.liveSession();
        try (StompTestClient listener = StompTestClient.connect(port(node), null);
             StompTestClient asker = StompTestClient.connect(port(node), tokenFor(node, data.user()))) {
            BlockingQueue<JsonNode> frames = listener.subscribe("/topic/sessions." + session + ".questions");
            assertThat(asker.sendAndAwaitReceipt("/app/sessions." + session + ".questions",
                    "{\"text\":\"" + text + "\"}", WAIT)).isTrue();
            JsonNode frame = StompTestClient.poll(frames, WAIT);
            assertThat(frame).as("a frame on the public topic").isNotNull();
            assertThat(frame.get("events").get(0).get("question").get("text").asString()).isEqualTo(text);
        }
    }

    @Test
    void closing_the_application_ends_every_qa_thread_it_started() throws Exception {
        Set<Thread> before = qaThreads();
        Set<Thread> started;
        try (ConfigurableApplicationContext node = node()) {
            askAndHear(node, "Does anything keep running?");
            started = qaThreads();
            started.removeAll(before);
        }
        List<String> names = started.stream().map(Thread::getName).toList();
        assertThat(names).anyMatch(name -> name.equals("qa-listen"))
                .anyMatch(name -> name.startsWith("qa-fanout-"))
                .anyMatch(name -> name.startsWith("qa-votes-"))
                .anyMatch(name -> name.startsWith("qa-stomp-writer-"))
                .anyMatch(name -> name.matches("qa-stomp-\\d+"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (Thread thread : started) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        assertThat(started.stream().filter(Thread::isAlive).map(Thread::getName).toList())
                .as("Q&A threads still alive after the application closed").isEmpty();
    }

    @Test
    void a_stopped_and_restarted_application_delivers_questions_again() throws Exception {
        try (ConfigurableApplicationContext node = node()) {
            askAndHear(node, "Before the pause");
            node.stop();
            node.start();
            askAndHear(node, "After the pause");
        }
    }
}
