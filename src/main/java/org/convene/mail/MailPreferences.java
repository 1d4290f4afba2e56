package org.convene.mail;

import org.convene.core.PublicBaseUrl;
import org.convene.core.security.SecretTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@link MailTopic}s each person wants (all of them unless they said otherwise) and the one-click link in
 * every such message that turns them all off (RFC 8058), which works without logging in.
 * <p>
 * Features ask {@link #wants} before they enqueue a message of a topic, and pass {@link #unsubscribeUrl} to
 * {@link OutgoingMail} and {@link MailContent.Builder#unsubscribe}.
 */
@Service
@Transactional
public class MailPreferences {

    /** Where one-click unsubscribe links point; a POST there turns every topic off. */
    public static final String UNSUBSCRIBE_PATH = "/mail/unsubscribe/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MailPreferencesRepository preferences;
    private final PublicBaseUrl baseUrl;

    MailPreferences(MailPreferencesRepository preferences, PublicBaseUrl baseUrl) {
        this.preferences = preferences;
        this.baseUrl = baseUrl;
    }

    @Transactional(readOnly = true)
    public boolean wants(long userId, MailTopic topic) {
        return preferences.choices(userId).getOrDefault(topic, true);
    }

    /** Every topic with the person's choice, in the enum's order. */
    @Transactional(readOnly = true)
    public Map<MailTopic, Boolean> of(long userId) {
        Map<MailTopic, Boolean> choices = preferences.choices(userId);
        Map<MailTopic, Boolean> all = new EnumMap<>(MailTopic.class);
        for (MailTopic topic : MailTopic.values()) {
            all.put(topic, choices.getOrDefault(topic, true));
        }
        return all;
    }

    public void set(long userId, MailTopic topic, boolean wanted) {
        preferences.set(userId, topic, wanted);
    }

    /** The person's one-click address, made the first time it is asked for. */
    public String unsubscribeUrl(long userId) {
        String token = preferences.token(userId).orElseGet(() -> preferences.tokenOrInsert(userId, newToken()));
        return baseUrl.link(UNSUBSCRIBE_PATH + token);
    }

    /**
     * Of these people, those who want the topic, each with their one-click address, in the order given: what
     * {@link #wants} and {@link #unsubscribeUrl} say one by one, in two reads for a whole audience (a moved
     * plenary reaches thousands of agendas inside the organiser's save).
     */
    public Map<Long, String> unsubscribeUrlsOfThoseWanting(List<Long> userIds, MailTopic topic) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Set<Long> declined = preferences.declined(userIds, topic);
        Map<Long, String> tokens = preferences.tokens(userIds);
        Map<Long, String> urls = new LinkedHashMap<>();
        for (long userId : userIds) {
            if (!declined.contains(userId)) {
                String token = tokens.get(userId);
                urls.put(userId, token == null ? unsubscribeUrl(userId) : baseUrl.link(UNSUBSCRIBE_PATH + token));
            }
        }
        return urls;
    }

    /**
     * Turns every topic off for the person whose link carries this token.
     *
     * @return the person's id, or empty when the token is not one of ours (the caller answers the same either way)
     */
    public Optional<Long> unsubscribeAll(String token) {
        if (token.isEmpty() || token.length() > SecretTokens.PRESENTED_MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<Long> user = preferences.userOfToken(token);
        user.ifPresent(id -> {
            for (MailTopic topic : MailTopic.values()) {
                preferences.set(id, topic, false);
            }
        });
        return user;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
