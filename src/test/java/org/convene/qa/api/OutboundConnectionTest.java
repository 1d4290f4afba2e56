package org.convene.qa.api;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The per-connection write path against a container whose sends complete when the test says so: order, one write
 * in flight at a time, merging behind a slow write, the bound, and closing after what was queued.
 */
class OutboundConnectionTest {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    /** An asynchronous remote that holds every send until completed, and fails the test on overlapping sends. */
    static final class HeldRemote {
        final RemoteEndpoint.Async async = mock(RemoteEndpoint.Async.class);
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<SendHandler> inFlight = new ArrayList<>();
        final AtomicInteger overlaps = new AtomicInteger();
        boolean completeAtOnce;

        HeldRemote() {
            doAnswer(call -> {
                sent(call.getArgument(0), call.getArgument(1));
                return null;
            }).when(async).sendText(anyString(), any(SendHandler.class));
        }

        private void sent(String text, SendHandler handler) {
            synchronized (this) {
                if (!inFlight.isEmpty()) {
                    overlaps.incrementAndGet();
                }
                written.add(text);
                if (!completeAtOnce) {
                    inFlight.add(handler);
                    return;
                }
            }
            handler.onResult(new SendResult((Session) null));
        }

        /** Completes the write in flight; the connection then writes its next frame. */
        void complete() {
            SendHandler handler;
            synchronized (this) {
                handler = inFlight.removeFirst();
            }
            handler.onResult(new SendResult((Session) null));
        }

        void fail() {
            SendHandler handler;
            synchronized (this) {
                handler = inFlight.removeFirst();
            }
            handler.onResult(new SendResult((Session) null, new IOException("reset by peer")));
        }
    }

    private final HeldRemote remote = new HeldRemote();
    private final Session nativeSession = mock(Session.class);
    private final List<Runnable> closerTasks = new ArrayList<>();
    private final Executor closer = closerTasks::add;
    private final OutboundConnection connection;

    OutboundConnectionTest() {
        when(nativeSession.getAsyncRemote()).thenReturn(remote.async);
        when(nativeSession.getUserProperties()).thenReturn(new HashMap<>());
        when(nativeSession.getId()).thenReturn("c1");
        when(nativeSession.isOpen()).thenReturn(true);
        StandardWebSocketSession session = new StandardWebSocketSession(new HttpHeaders(), new HashMap<>(), null, null);
        session.initializeNativeSession(nativeSession);
        connection = new OutboundConnection(session, closer);
    }

    private long seq;

    /** A public frame with the next event, as the broadcaster would make it. */
    private boolean publish() {
        seq++;
        PublicFrame frame = PublicFrame.of(7, seq, "{\"seq\":" + seq + ",\"type\":\"question.created\"}");
        return connection.offer(new OutboundConnection.Delivery(frame, "sub-0", frame.encoded("sub-0")));
    }

    private List<Long> seqsWritten() {
        List<Long> seqs = new ArrayList<>();
        for (String text : remote.written) {
            Matcher m = SEQ.matcher(text);
            while (m.find()) {
                seqs.add(Long.parseLong(m.group(1)));
            }
        }
        return seqs;
    }

    @Test
    void frames_are_written_one_at_a_time_in_order_and_spring_frames_keep_their_place() throws Exception {
        assertThat(publish()).as("an idle connection asks to be started").isTrue();
        connection.pump();
        connection.sendMessage(new TextMessage("RECEIPT\nreceipt-id:r1\n\n\0"));
        assertThat(publish()).as("a busy connection needs no start").isFalse();

        assertThat(remote.written).hasSize(1);
        remote.complete();
        remote.complete();
        remote.complete();

        assertThat(remote.written).hasSize(3);
        assertThat(remote.written.get(1)).startsWith("RECEIPT");
        assertThat(seqsWritten()).containsExactly(1L, 2L);
        assertThat(remote.written.get(0)).contains("subscription:sub-0\n").contains("destination:/topic/sessions.7.questions\n");
        assertThat(remote.overlaps).hasValue(0);
    }

    @Test
    void sends_that_complete_at_once_drain_the_queue_on_the_calling_thread() throws Exception {
        remote.completeAtOnce = true;
        for (int i = 0; i < 100; i++) {
            if (publish()) {
                connection.pump();
            }
        }
        assertThat(seqsWritten()).hasSize(100).isSorted().doesNotHaveDuplicates();
        assertThat(connection.queued()).isZero();
    }

    @Test
    void frames_queued_behind_a_slow_write_go_out_as_one_frame_with_every_event_in_order() {
        publish();
        connection.pump();
        for (int i = 0; i < 5; i++) {
            publish();
        }
        remote.complete();

        assertThat(remote.written).hasSize(2);
        String merged = remote.written.get(1);
        assertThat(seqsWritten()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        int body = merged.indexOf("\n\n") + 2;
        int declared = Integer.parseInt(merged.replaceAll("(?s).*content-length:(\\d+).*", "$1"));
        assertThat(merged.substring(body, merged.length() - 1).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .as("content-length is the merged body's").hasSize(declared);
        assertThat(merged).startsWith("MESSAGE\n").endsWith("]}\0");
    }

    @Test
    void a_connection_that_falls_too_far_behind_loses_its_oldest_frames_not_its_newest() {
        publish();
        connection.pump();
        int offered = OutboundConnection.MAX_QUEUED_PUBLIC_FRAMES + 10;
        for (int i = 0; i < offered; i++) {
            publish();
        }
        assertThat(connection.queued()).isEqualTo(OutboundConnection.MAX_QUEUED_PUBLIC_FRAMES);
        remote.complete();

        List<Long> seqs = seqsWritten();
        assertThat(seqs.getFirst()).isEqualTo(1L);
        assertThat(seqs.getLast()).as("the newest frame is kept").isEqualTo(seq);
        assertThat(seqs.get(1)).as("a gap the client sees, then reloads the snapshot").isGreaterThan(2L);
        assertThat(seqs.subList(1, seqs.size())).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_failed_write_stops_the_connection_and_closes_it_off_the_writing_thread() throws Exception {
        publish();
        connection.pump();
        publish();
        remote.fail();

        assertThat(remote.written).hasSize(1);
        assertThat(publish()).isFalse();
        assertThat(closerTasks).hasSize(1);
        closerTasks.getFirst().run();
        verify(nativeSession).close(any(jakarta.websocket.CloseReason.class));
    }

    @Test
    void a_write_that_stays_in_flight_past_the_send_timeout_closes_the_connection_as_too_slow() throws Exception {
        publish();
        connection.pump();
        long started = System.nanoTime();

        connection.abandonIfStalled(started + OutboundConnection.SEND_TIMEOUT_NANOS / 2);
        assertThat(closerTasks).as("not yet stalled").isEmpty();

        connection.abandonIfStalled(started + OutboundConnection.SEND_TIMEOUT_NANOS + 1_000_000_000L);
        assertThat(publish()).as("nothing more is queued").isFalse();
        assertThat(closerTasks).hasSize(1);
        closerTasks.getFirst().run();
        verify(nativeSession).close(org.mockito.ArgumentMatchers.argThat(
                (jakarta.websocket.CloseReason reason) -> reason.getCloseCode().getCode() == 1008));
    }

    @Test
    void an_idle_connection_is_never_taken_for_a_stalled_one() {
        remote.completeAtOnce = true;
        publish();
        connection.pump();

        connection.abandonIfStalled(System.nanoTime() + OutboundConnection.SEND_TIMEOUT_NANOS * 10);

        assertThat(closerTasks).isEmpty();
        assertThat(publish()).as("still open: an idle connection asks to be started").isTrue();
    }

    @Test
    void spring_closes_the_connection_only_after_the_frames_queued_before_the_close() throws Exception {
        publish();
        connection.pump();
        connection.sendMessage(new TextMessage("ERROR\nmessage:refused\n\n\0"));
        connection.close(CloseStatus.PROTOCOL_ERROR);
        verify(nativeSession, never()).close(any(jakarta.websocket.CloseReason.class));

        remote.complete();
        assertThat(remote.written.get(1)).startsWith("ERROR");
        remote.complete();
        verify(nativeSession).close(any(jakarta.websocket.CloseReason.class));
        assertThat(remote.overlaps).hasValue(0);
    }
}
