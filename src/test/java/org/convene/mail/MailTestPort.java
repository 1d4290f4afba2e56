package org.convene.mail;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points every test application (the {@code test} profile) at an SMTP port of its own, free when the JVM started,
 * so tests on one machine never share a mail server. Nothing listens there until {@link MailTestSupport} starts
 * GreenMail; until then a send fails as with a mail server that is down. Registered in
 * src/test/resources/META-INF/spring.factories.
 */
public class MailTestPort implements EnvironmentPostProcessor {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = freePort();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("test")) && !environment.containsProperty("spring.mail.host")) {
            environment.getPropertySources().addLast(new MapPropertySource("convene-test-smtp",
                    Map.of("spring.mail.host", HOST, "spring.mail.port", PORT)));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
