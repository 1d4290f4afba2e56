package org.convene.qa.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StompDestinationsTest {

    @Test
    void the_three_actions_may_be_sent_to() {
        assertThatCode(() -> StompDestinations.send("/app/sessions.3.questions")).doesNotThrowAnyException();
        assertThatCode(() -> StompDestinations.send("/app/questions.41.vote")).doesNotThrowAnyException();
        assertThatCode(() -> StompDestinations.send("/app/questions.999999999999999999.moderate")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/topic/sessions.3.moderation", "/topic/sessions.3.questions", "/user/a@b.org/queue/errors",
            "/user/queue/errors", "/queue/errors", "/APP/sessions.3.questions", "app/sessions.3.questions"})
    void sends_outside_app_are_forbidden_destinations(String destination) {
        assertThatThrownBy(() -> StompDestinations.send(destination))
                .isInstanceOfSatisfying(StompRefusal.class, r -> assertThat(r.code()).isEqualTo("FORBIDDEN_DESTINATION"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/sessions..questions", "/app/sessions.abc.questions", "/app/questions.-1.vote",
            "/app/questions.1e3.vote", "/app/questions.9999999999999999999.vote", "/app/questions.1.delete",
            "/app/nothing", "/app/", " ", ""})
    void malformed_or_unknown_actions_are_invalid_requests(String destination) {
        assertThatThrownBy(() -> StompDestinations.send(destination))
                .isInstanceOfSatisfying(StompRefusal.class, r -> assertThat(r.code()).isEqualTo("INVALID_REQUEST"));
    }

    @Test
    void a_send_without_a_destination_is_an_invalid_request() {
        assertThatThrownBy(() -> StompDestinations.send(null))
                .isInstanceOfSatisfying(StompRefusal.class, r -> assertThat(r.code()).isEqualTo("INVALID_REQUEST"));
    }

    @Test
    void subscriptions_name_their_session_and_ids_never_overflow() {
        assertThat(StompDestinations.subscription("/topic/sessions.7.questions")).isEqualTo(new StompDestinations.PublicTopic(7));
        assertThat(StompDestinations.subscription("/topic/sessions.7.moderation")).isEqualTo(new StompDestinations.ModerationTopic(7));
        assertThat(StompDestinations.subscription("/user/queue/errors")).isEqualTo(new StompDestinations.OwnQueue("/user/queue/errors"));
        assertThatThrownBy(() -> StompDestinations.subscription("/topic/sessions.99999999999999999999.questions"))
                .isInstanceOfSatisfying(StompRefusal.class, r -> assertThat(r.code()).isEqualTo("INVALID_REQUEST"));
        assertThatThrownBy(() -> StompDestinations.subscription("/user/someone/queue/errors"))
                .isInstanceOf(StompRefusal.class);
    }

    @Test
    void a_destination_quoted_back_is_short_and_has_no_control_characters() {
        assertThat(StompDestinations.shown("/a\u0000b\nc")).isEqualTo("/a?b?c");
        assertThat(StompDestinations.shown("x".repeat(500))).hasSize(123);
    }

    @Test
    void a_registered_session_topic_may_be_subscribed_to_and_sent_to_and_an_unregistered_one_may_not() {
        java.util.Set<String> topics = java.util.Set.of("captions");
        assertThat(StompDestinations.subscription("/topic/sessions.7.captions", topics))
                .isEqualTo(new StompDestinations.FeatureTopic("captions", 7, "/topic/sessions.7.captions"));
        assertThatCode(() -> StompDestinations.send("/app/sessions.7.captions", topics)).doesNotThrowAnyException();
        assertThatThrownBy(() -> StompDestinations.subscription("/topic/sessions.7.polls", topics))
                .isInstanceOf(StompRefusal.class).hasMessageContaining("/topic/sessions.{id}.captions");
        assertThatThrownBy(() -> StompDestinations.send("/app/sessions.7.polls", topics))
                .isInstanceOf(StompRefusal.class).hasMessageContaining("/app/sessions.{id}.captions");
        assertThatThrownBy(() -> StompDestinations.send("/app/sessions.7.captions"))
                .isInstanceOf(StompRefusal.class);
    }

    @Test
    void a_registered_item_action_is_accepted_only_with_a_numeric_id_and_its_exact_name() {
        java.util.Set<String> topics = java.util.Set.of("polls");
        java.util.Set<String> actions = java.util.Set.of("polls.answer");
        assertThatCode(() -> StompDestinations.send("/app/polls.12.answer", topics, actions)).doesNotThrowAnyException();
        for (String wrong : java.util.List.of("/app/polls.x.answer", "/app/polls..answer", "/app/polls.12.answers",
                "/app/polls.12.answer/", "/app/polls.12.vote", "/app/poll.12.answer", "/app/polls.-1.answer",
                "/app/polls.1234567890123456789.answer", "/app/polls.12", "/app/POLLS.12.answer")) {
            assertThatThrownBy(() -> StompDestinations.send(wrong, topics, actions)).as(wrong)
                    .isInstanceOf(StompRefusal.class).hasMessageContaining("/app/polls.{id}.answer");
        }
        assertThatThrownBy(() -> StompDestinations.send("/app/polls.12.answer", topics))
                .as("not registered").isInstanceOf(StompRefusal.class);
    }
}
