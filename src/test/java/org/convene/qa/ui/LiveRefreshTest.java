package org.convene.qa.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.convene.qa.QaLiveUpdates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle on its own: a UI with no Spring, and refreshes asked for faster than they may run. */
class LiveRefreshTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final LiveRefresh refresh = new LiveRefresh(new QaLiveUpdates(),
            (task, delay) -> timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS), runs::incrementAndGet);

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        refresh.stop();
        timer.shutdownNow();
        MockVaadin.tearDown();
    }

    /** Asks for a refresh every few milliseconds for a while, running the UI's queue as a browser round trip would. */
    private void hammer(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            refresh.request();
            MockVaadin.runUIQueue();
            Thread.sleep(5);
        }
    }

    @Test
    void a_burst_of_changes_refreshes_the_page_at_most_about_four_times_a_second() throws InterruptedException {
        refresh.start(UI.getCurrent(), 1);

        hammer(1_000);
        Thread.sleep(300);
        MockVaadin.runUIQueue();

        // 200 requests in a second: the first at once, then one per 250 ms at most
        assertThat(runs.get()).isBetween(2, 6);
    }

    @Test
    void a_stopped_subscription_refreshes_nothing_even_when_a_refresh_was_already_queued() throws InterruptedException {
        refresh.start(UI.getCurrent(), 1);
        refresh.request();
        Thread.sleep(100);

        refresh.stop();
        MockVaadin.runUIQueue();
        hammer(100);

        assertThat(runs.get()).isZero();
        assertThat(refresh.isRunning()).isFalse();
    }
}
