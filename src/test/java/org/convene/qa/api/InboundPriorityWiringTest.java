package org.convene.qa.api;

import org.convene.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.concurrent.PriorityBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InboundPriorityWiringTest {

    @Autowired
    @Qualifier("clientInboundChannelExecutor")
    ThreadPoolTaskExecutor inbound;

    @Test
    void the_stomp_inbound_pool_lets_other_frames_overtake_waiting_votes() {
        assertThat(inbound.getThreadPoolExecutor().getQueue()).isInstanceOf(PriorityBlockingQueue.class);
        assertThat(inbound.getCorePoolSize()).isEqualTo(Runtime.getRuntime().availableProcessors() * 2);
    }
}
