package org.convene.e2e;

import com.microsoft.playwright.Page;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.account.ApiTokenService;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * A captioner's tool sends lines over STOMP, as docs/api.md tells it to; an attendee in a real browser opens the
 * caption pane and sees each line arrive, revised until final, without reloading.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class CaptionsIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    AccountFixtures accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    DSLContext db;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String tokenFor(ConveneUser user) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return tokens.create("captioning tool").secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private StompSession captioningTool(String token) throws Exception {
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new JsonText());
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setDaemon(true);
        scheduler.initialize();
        client.setTaskScheduler(scheduler);
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        return client.connectAsync("ws://localhost:" + port + "/ws", new WebSocketHttpHeaders(), connect,
                new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
    }

    private static void send(StompSession tool, long session, String json) throws InterruptedException {
        StompHeaders headers = new StompHeaders();
        headers.setDestination("/app/sessions." + session + ".captions");
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setReceipt("r-" + System.nanoTime());
        CountDownLatch stored = new CountDownLatch(1);
        tool.send(headers, json).addReceiptTask(stored::countDown);
        if (!stored.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no receipt for " + json);
        }
    }

    @Test
    void lines_a_captioners_tool_sends_appear_in_an_attendees_caption_pane() throws Exception {
        long session = data.liveSession();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.LIVE_CAPTIONS, true).where(PROGRAMME_SESSION.ID.eq(session))
                .execute();
        ConveneUser captioner = accounts.user("Cai Captioner");
        data.caption(session, captioner);
        ConveneUser attendee = accounts.user("Ada Attendee");
        StompSession tool = captioningTool(tokenFor(captioner));

        Page page = chromium.signedIn(port, attendee);
        page.navigate("http://localhost:" + port + "/sessions/" + session);
        page.waitForSelector("main h1");
        page.click("#captions-toggle");
        assertThat(page.locator("#captions-toggle")).hasAttribute("aria-expanded", "true");
        assertThat(page.locator(".cv-captions-lines")).containsText("No captions yet");

        send(tool, session, "{\"text\":\"Good morning\",\"final\":false}");
        assertThat(page.locator(".cv-caption")).hasText("Good morning");
        send(tool, session, "{\"text\":\"Good morning, everyone.\",\"final\":true}");
        assertThat(page.locator(".cv-caption.cv-caption-final")).hasText("Good morning, everyone.");
        send(tool, session, "{\"text\":\"Today we talk about care plans.\",\"final\":true}");
        assertThat(page.locator(".cv-caption")).hasCount(2);
        assertThat(page.locator(".cv-caption").last()).hasText("Today we talk about care plans.");

        tool.disconnect();
        page.context().close();
    }

    /** JSON written by hand, sent as application/json, the way a captioning tool would send it. */
    static final class JsonText extends org.springframework.messaging.converter.AbstractMessageConverter {
        JsonText() {
            super(MimeTypeUtils.APPLICATION_JSON);
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return String.class == clazz;
        }

        @Override
        protected Object convertFromInternal(org.springframework.messaging.Message<?> message, Class<?> targetClass,
                                             Object hint) {
            Object payload = message.getPayload();
            return payload instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : payload.toString();
        }

        @Override
        protected Object convertToInternal(Object payload, org.springframework.messaging.MessageHeaders headers,
                                           Object hint) {
            return ((String) payload).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
