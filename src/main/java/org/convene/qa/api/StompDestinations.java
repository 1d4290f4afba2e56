package org.convene.qa.api;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client's SUBSCRIBE or SEND destination names, read strictly: clients send only to the three Q&A
 * {@code /app/...} actions and to the registered {@link SessionTopic}s' {@code /app/sessions.{id}.{name}} and
 * {@code /app/{name}.{id}.{action}} (their item actions), and
 * subscribe only to the question topics, the registered topics and their own queues. Anything else is refused
 * before it reaches the broker, so a client can never write to a topic or to someone else's queue.
 */
final class StompDestinations {

    /** Ids are positive and fit a {@code long}: at most 18 digits, so parsing never overflows. */
    private static final String ID = "([0-9]{1,18})";
    private static final Pattern PUBLIC_TOPIC = Pattern.compile("/topic/sessions\\." + ID + "\\.questions");
    private static final Pattern MODERATION_TOPIC = Pattern.compile("/topic/sessions\\." + ID + "\\.moderation");
    private static final Pattern ASK = Pattern.compile("/app/sessions\\." + ID + "\\.questions");
    private static final Pattern VOTE = Pattern.compile("/app/questions\\." + ID + "\\.vote");
    private static final Pattern MODERATE = Pattern.compile("/app/questions\\." + ID + "\\.moderate");
    /** A registered topic's name: {@link SessionTopic#NAME}. */
    private static final Pattern SESSION_TOPIC = Pattern.compile("/topic/sessions\\." + ID + "\\.([a-z]{1,30})");
    private static final Pattern SESSION_ACTION = Pattern.compile("/app/sessions\\." + ID + "\\.([a-z]{1,30})");
    /** A registered topic's action on one of its items ({@link SessionTopic#itemActions()}): name, id, action. */
    private static final Pattern ITEM_ACTION = Pattern.compile("/app/([a-z]{1,30})\\." + ID + "\\.([a-z]{1,30})");
    static final String APP_PREFIX = "/app/";
    static final String OWN_QUEUE_PREFIX = "/user/queue/";

    private StompDestinations() {
    }

    sealed interface Subscription {
    }

    record PublicTopic(long sessionId) implements Subscription {
    }

    record ModerationTopic(long sessionId) implements Subscription {
    }

    record OwnQueue(String destination) implements Subscription {
    }

    /** A feature's topic ({@link SessionTopic}), registered under its name. */
    record FeatureTopic(String name, long sessionId, String destination) implements Subscription {
    }

    static String questionsTopic(long sessionId) {
        return "/topic/sessions." + sessionId + ".questions";
    }

    static String topic(String name, long sessionId) {
        return "/topic/sessions." + sessionId + "." + name;
    }

    /** Where a client may subscribe; refuses anything else with INVALID_REQUEST. */
    static Subscription subscription(@Nullable String destination) {
        return subscription(destination, Set.of());
    }

    /** The same, with the names of the features' registered topics. */
    static Subscription subscription(@Nullable String destination, Set<String> topics) {
        String given = require(destination, "SUBSCRIBE");
        Matcher publicTopic = PUBLIC_TOPIC.matcher(given);
        if (publicTopic.matches()) {
            return new PublicTopic(id(publicTopic));
        }
        Matcher moderation = MODERATION_TOPIC.matcher(given);
        if (moderation.matches()) {
            return new ModerationTopic(id(moderation));
        }
        Matcher feature = SESSION_TOPIC.matcher(given);
        if (feature.matches() && topics.contains(feature.group(2))) {
            return new FeatureTopic(feature.group(2), id(feature), given);
        }
        if (given.startsWith(OWN_QUEUE_PREFIX) && given.length() > OWN_QUEUE_PREFIX.length() && !given.contains("..")) {
            return new OwnQueue(given);
        }
        throw new StompRefusal(StompRefusal.INVALID_REQUEST, "There is nothing to subscribe to at " + shown(given)
                + ". Subscribe to " + oneOf(List.of("/topic/sessions.{id}.questions", "/topic/sessions.{id}.moderation"),
                topics, "/topic/sessions.{id}.", "/user/queue/errors") + ".");
    }

    /**
     * Checks a SEND destination: only the three actions under /app/ (the ids in range) pass. A destination outside
     * /app/ is FORBIDDEN_DESTINATION (it would reach the broker); a malformed one under /app/ is INVALID_REQUEST.
     */
    static void send(@Nullable String destination) {
        send(destination, Set.of());
    }

    /** The same, with the names of the features' registered topics (their SEND actions). */
    static void send(@Nullable String destination, Set<String> topics) {
        send(destination, topics, Set.of());
    }

    /**
     * The same, with the registered topics' item actions as {@code "name.action"} ("polls.answer" opens
     * {@code /app/polls.{id}.answer}).
     */
    static void send(@Nullable String destination, Set<String> topics, Set<String> itemActions) {
        String given = require(destination, "SEND");
        if (!given.startsWith(APP_PREFIX)) {
            throw new StompRefusal(StompRefusal.FORBIDDEN_DESTINATION, "Clients may only send to /app/...: "
                    + shown(given) + " is not yours to send to.");
        }
        Matcher action = SESSION_ACTION.matcher(given);
        boolean featureAction = action.matches() && topics.contains(action.group(2));
        Matcher item = ITEM_ACTION.matcher(given);
        boolean itemAction = item.matches() && itemActions.contains(item.group(1) + "." + item.group(3));
        if (!featureAction && !itemAction && !ASK.matcher(given).matches() && !VOTE.matcher(given).matches()
                && !MODERATE.matcher(given).matches()) {
            List<String> fixed = new ArrayList<>(List.of("/app/sessions.{id}.questions", "/app/questions.{id}.vote"));
            itemActions.stream().sorted().map(a -> "/app/" + a.replace(".", ".{id}.")).forEach(fixed::add);
            throw new StompRefusal(StompRefusal.INVALID_REQUEST, "There is nothing to send to at " + shown(given)
                    + ". Send to " + oneOf(fixed, topics, "/app/sessions.{id}.", "/app/questions.{id}.moderate")
                    + ", where {id} is a number.");
        }
    }

    /** "a, b, c or d": the fixed destinations, the registered topics' ones, then the last. */
    private static String oneOf(List<String> first, Set<String> topics, String prefix, String last) {
        List<String> all = new ArrayList<>(first);
        topics.stream().sorted().forEach(name -> all.add(prefix + name));
        return String.join(", ", all) + " or " + last;
    }

    private static String require(@Nullable String destination, String command) {
        if (destination == null || destination.isBlank()) {
            throw new StompRefusal(StompRefusal.INVALID_REQUEST, command + " needs a destination header.");
        }
        return destination;
    }

    private static long id(Matcher matcher) {
        return Long.parseLong(matcher.group(1));
    }

    /** A destination as quoted back to the client: short, and without control characters. */
    static String shown(String destination) {
        String visible = destination.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 120 ? visible.substring(0, 120) + "..." : visible;
    }
}
