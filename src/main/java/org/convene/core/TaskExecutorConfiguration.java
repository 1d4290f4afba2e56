package org.convene.core;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * STOMP's message broker adds three TaskExecutor beans, after which Vaadin cannot choose one and fails with
 * "Multiple TaskExecutor beans found". Vaadin looks for this name first.
 */
@Configuration(proxyBeanMethods = false)
class TaskExecutorConfiguration {

    @Bean("VaadinTaskExecutor")
    TaskExecutor vaadinTaskExecutor() {
        return new VirtualThreadTaskExecutor("vaadin-");
    }
}
