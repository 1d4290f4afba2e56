package org.convene;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The SQL a piece of work sends, for tests that keep a page's reads few: records the statements run on the
 * calling thread while {@link #during} runs. Every test context has one ({@link TestConfig}).
 */
public final class QueryLog {

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    /** The statements {@code work} ran on this thread, in order. */
    public List<String> during(Runnable work) {
        return recording(() -> {
            work.run();
            return Boolean.TRUE;
        }).statements();
    }

    public <T> Recorded<T> recording(Supplier<T> work) {
        List<String> statements = new ArrayList<>();
        recording.set(statements);
        try {
            return new Recorded<>(work.get(), statements);
        } finally {
            recording.remove();
        }
    }

    public record Recorded<T>(T result, List<String> statements) {
    }

    private void executed(ExecuteContext ctx) {
        List<String> statements = recording.get();
        if (statements != null && ctx.sql() != null) {
            statements.add(ctx.sql());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        QueryLog queryLog() {
            return new QueryLog();
        }

        @Bean
        DefaultConfigurationCustomizer queryLogListener(QueryLog log) {
            // added to the listeners already there (Spring's exception translation among them), not instead
            return configuration -> {
                List<ExecuteListenerProvider> providers = new ArrayList<>(List.of(configuration.executeListenerProviders()));
                providers.add(new DefaultExecuteListenerProvider(new ExecuteListener() {
                    @Override
                    public void executeStart(ExecuteContext ctx) {
                        log.executed(ctx);
                    }
                }));
                configuration.set(providers.toArray(ExecuteListenerProvider[]::new));
            };
        }
    }
}
