package org.convene.core.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.VirtualThreadTaskExecutor;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A page's timer on its own: it runs when due, by push, and not at all once cancelled. */
class PageTimerTest {

    private final Clock clock = Clock.systemUTC();
    private final PageTimer timer = new PageTimer(new VirtualThreadTaskExecutor("test-"), clock);
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        timer.cancel();
        MockVaadin.tearDown();
    }

    @Test
    void the_action_runs_on_the_page_when_it_is_due() {
        timer.at(UI.getCurrent(), clock.instant().plusMillis(100), runs::incrementAndGet);

        await().atMost(Duration.ofSeconds(5)).pollInSameThread().untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertThat(runs.get()).isEqualTo(1);
        });
    }

    @Test
    void a_cancelled_or_replaced_moment_never_runs() throws InterruptedException {
        timer.at(UI.getCurrent(), clock.instant().plusMillis(100), () -> runs.addAndGet(100));
        timer.at(UI.getCurrent(), clock.instant().plusMillis(150), runs::incrementAndGet);
        Thread.sleep(600);
        MockVaadin.runUIQueue();
        assertThat(runs.get()).isEqualTo(1);

        timer.at(UI.getCurrent(), clock.instant().plusMillis(100), runs::incrementAndGet);
        timer.cancel();
        Thread.sleep(500);
        MockVaadin.runUIQueue();
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void a_moment_more_than_a_day_away_is_not_scheduled() throws InterruptedException {
        timer.at(UI.getCurrent(), clock.instant().plus(Duration.ofDays(2)), runs::incrementAndGet);
        Thread.sleep(100);
        MockVaadin.runUIQueue();
        assertThat(runs.get()).isZero();
    }
}
