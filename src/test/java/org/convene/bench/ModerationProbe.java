package org.convene.bench;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A facilitator's moderation page during the load, through the same headless client: every two seconds it
 * presses "Put on stage" (or "Take off stage") on the first public question and times how long until its own
 * page says so ({@code div.cv-mod-status}: "On stage now: ..." / "Taken off stage: ..."), from the click's
 * request to the UIDL change that shows it.
 */
final class ModerationProbe implements VaadinPage.Watcher {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final VaadinPage page;
    final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    /** Actions clicked before {@link #measureFrom}: the benchmark's warm-up. */
    final Histogram warmupLatency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private volatile long measureFrom;
    private volatile boolean measuring;
    final AtomicInteger missed = new AtomicInteger();
    /** Each action's number in the run and its time in ms, to tell a warm-up tail from one spread over the run. */
    private final List<long[]> actions = new ArrayList<>();
    private String expected;
    private long clickedAt;

    ModerationProbe(HttpClient http, String base, long sessionId) {
        this.page = new VaadinPage(-1, http, base, "sessions/" + sessionId + "/moderate", this);
    }

    CompletableFuture<Void> open(BenchSeed.Account facilitator, ScheduledExecutorService timer) {
        return page.signIn(facilitator.email(), BenchSeed.PASSWORD).thenCompose(x -> page.open(timer));
    }

    void start(ScheduledExecutorService timer) {
        timer.scheduleAtFixedRate(this::act, 2, 2, TimeUnit.SECONDS);
    }

    private void act() {
        UidlTree.Node button = null;
        synchronized (page) {
            if (expected != null) {
                if (System.nanoTime() - clickedAt < GIVE_UP_NANOS) {
                    return;
                }
                missed.incrementAndGet();
                expected = null;
            }
            for (UidlTree.Node item : page.tree.findAll("cv-mod-question")) {
                String text = page.tree.questionText(item);
                if (text == null || !text.startsWith(QaLoad.MARKER)) {
                    continue;
                }
                for (String label : new String[] {"Put on stage", "Take off stage"}) {
                    UidlTree.Node b = page.tree.findWithText(item, "vaadin-button", label);
                    if (b != null) {
                        button = b;
                        expected = label.startsWith("Put") ? "On stage now: " : "Taken off stage: ";
                        break;
                    }
                }
                if (button != null) {
                    break;
                }
            }
            if (button == null) {
                return;
            }
            clickedAt = System.nanoTime();
        }
        page.click(button);
    }

    @Override
    public void applied(VaadinPage p, long nanos) {
        if (expected == null) {
            return;
        }
        String status = page.tree.textOf(page.tree.find("div", "cv-mod-status"));
        if (status != null && status.startsWith(expected)) {
            if (measuring && clickedAt - measureFrom >= 0) {
                latency.recordValue(Math.max(0, (nanos - clickedAt) / 1000));
                synchronized (actions) {
                    actions.add(new long[] {actions.size() + 1, (nanos - clickedAt) / 1_000_000});
                }
            } else {
                warmupLatency.recordValue(Math.max(0, (nanos - clickedAt) / 1000));
            }
            expected = null;
        }
    }

    @Override
    public void question(VaadinPage p, int marker, long nanos) {
    }

    @Override
    public void votes(VaadinPage p, int marker, int count, long nanos) {
    }

    /** Actions clicked from this moment on are the measured ones. */
    void measureFrom(long nanos) {
        measureFrom = nanos;
        measuring = true;
    }

    /** The three slowest actions, "#number: ms". */
    String slowest() {
        synchronized (actions) {
            return actions.stream().sorted((a, b) -> Long.compare(b[1], a[1])).limit(3)
                    .map(a -> "#" + a[0] + ": " + a[1]).collect(Collectors.joining(", "));
        }
    }

    void close() {
        page.close();
    }
}
