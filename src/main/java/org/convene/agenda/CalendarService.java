package org.convene.agenda;

import org.convene.core.PublicBaseUrl;
import org.convene.core.security.SecretTokens;
import org.convene.core.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Sessions and agendas as iCalendar: a single session for anyone, and a private feed of my agenda that
 * calendar apps poll. The feed's secret token is shown to its owner once; only its hash is stored, and
 * renewing or revoking it stops the old address at once.
 */
@Service
@Transactional
public class CalendarService {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgendaQueries agenda;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final PublicBaseUrl base;
    private final List<FeedAlarms> alarms;

    CalendarService(AgendaQueries agenda, CurrentUser currentUser, Clock clock, PublicBaseUrl base,
                    List<FeedAlarms> alarms) {
        this.agenda = agenda;
        this.currentUser = currentUser;
        this.clock = clock;
        this.base = base;
        this.alarms = List.copyOf(alarms);
    }

    @Transactional(readOnly = true)
    public Optional<String> sessionCalendar(long sessionId) {
        return agenda.entry(sessionId).map(entry ->
                IcsWriter.write(entry.title(), List.of(entry), base, clock.instant()));
    }

    /** The agenda behind a feed token, or empty when the token is unknown, revoked or renewed. */
    @Transactional(readOnly = true)
    public Optional<String> feedCalendar(String token) {
        if (token == null || token.isBlank() || token.length() > SecretTokens.PRESENTED_MAX_LENGTH) {
            return Optional.empty();
        }
        return agenda.feedOwner(hash(token)).map(userId ->
                IcsWriter.write("My Convene agenda", agenda.entries(userId), base, clock.instant(),
                        alarms.stream().flatMap(a -> a.alarmBefore(userId).stream()).findFirst().orElse(null)));
    }

    @Transactional(readOnly = true)
    public boolean hasFeed() {
        return agenda.hasFeed(currentUser.require().id());
    }

    /** The address calendar apps subscribe to for a feed token, on the public base URL. */
    public String feedAddress(String token) {
        return base.link("/calendar/feeds/" + token + ".ics");
    }

    /** Makes a new private feed address for me, replacing any earlier one. Returns the secret token. */
    public String renewFeed() {
        long userId = currentUser.require().id();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        agenda.replaceFeed(userId, hash(token), clock.instant());
        log.info("Calendar feed renewed for user {}", userId);
        return token;
    }

    public void revokeFeed() {
        long userId = currentUser.require().id();
        agenda.deleteFeed(userId);
        log.info("Calendar feed revoked for user {}", userId);
    }

    private static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
